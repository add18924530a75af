import { createHash } from "node:crypto";
import { z } from "zod/mini";
import { DEFAULT_POLICY, parsePolicy, POLICY_FORMAT, sealedPolicyText, sealPolicy, unsealPolicy } from "../../src/policy";
import { policySchema } from "../../src/policy/policy";
import { ORG_POLICY_FILE } from "../support/drafts";

/** The shape of a value: the type of every key, recursively (arrays by their elements' shapes). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [...new Set(value.map((v) => JSON.stringify(shape(v))))].sort();
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe("a sealed policy", () => {
  test("POLICY_FORMAT names the current policy shape (schema and normalised defaults); change it when they change", () => {
    const digest = createHash("sha256")
      .update(JSON.stringify(z.toJSONSchema(policySchema, { io: "input" })))
      .update(JSON.stringify(shape(DEFAULT_POLICY)))
      .digest("hex");
    // A cached policy of the old shape must not be read by the new code: a new shape needs a new format.
    expect(POLICY_FORMAT).toBe(`sgp1-${digest.slice(0, 12)}`);
  });

  test("round-trips as text and as an object, exactly", () => {
    const result = parsePolicy(ORG_POLICY_FILE);
    if (!result.ok) throw new Error("invalid");
    expect(unsealPolicy(sealedPolicyText(result.policy))).toEqual(result.policy);
    expect(unsealPolicy(JSON.parse(JSON.stringify(sealPolicy(result.policy))))).toEqual(result.policy);
  });

  test.each<[string, unknown]>([
    ["a policy file's text", JSON.stringify(ORG_POLICY_FILE)],
    ["a policy file", ORG_POLICY_FILE],
    ["another format", { format: "sgp1-000000000000", policy: DEFAULT_POLICY }],
    ["cut short", sealedPolicyText(DEFAULT_POLICY).slice(0, 60)],
    ["no policy", { format: POLICY_FORMAT }],
    ["a policy that is not an object", { format: POLICY_FORMAT, policy: "closed" }],
    ["a policy that is an array", { format: POLICY_FORMAT, policy: [] }],
    ["null", null],
    ["empty text", ""],
  ])("is not read from %s", (_name, value) => {
    expect(unsealPolicy(value)).toBeUndefined();
  });
});
