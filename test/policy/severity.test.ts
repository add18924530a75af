/**
 * Severity that fits the exposure: a small new set (few addresses of few parties) is the
 * sender's to confirm; many addresses, many parties or mass go to a second person.
 */
import { alertText, describeFinding } from "../../src/i18n";
import { evaluate } from "../../src/policy";
import { CorrespondenceMemory } from "../../src/memory/correspondence";
import type { ComposeStart, Draft, ExposureEvidence, Level } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf, type DraftSpec } from "../support/drafts";

function exposure(spec: DraftSpec, file: Record<string, unknown> = {}, composeStart?: ComposeStart) {
  const evaluation = evaluate(draftOf(spec), policyOf(file), composeStart ? { composeStart } : {});
  const finding = evaluation.findings.find((f) => f.code === "external-exposure");
  return { verdict: evaluation.verdict, level: finding?.level, evidence: finding?.evidence as ExposureEvidence | undefined, evaluation };
}

describe("default thresholds: at most 5 newly exposed addresses of at most 3 outside parties → confirm", () => {
  test.each<[string, DraftSpec, Level]>([
    ["two companies, one address each", { to: ["a@acme.co.jp", "b@globex.co.jp"] }, "confirm"],
    ["a counterparty and its counsel (2 + 2)", { to: ["a@acme.co.jp", "a2@acme.co.jp"], cc: ["bengoshi@law-office.jp", "jimu@law-office.jp"] }, "confirm"],
    ["three family members at free-mail domains", { to: ["taro@gmail.com", "hanako@docomo.ne.jp", "jiro@yahoo.co.jp"] }, "confirm"],
    ["five addresses of two parties (the limit)", { to: addresses(5, ["acme.co.jp", "globex.co.jp"]) }, "confirm"],
    ["six addresses of two parties", { to: addresses(6, ["acme.co.jp", "globex.co.jp"]) }, "review"],
    ["four parties, one address each", { to: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"] }, "review"],
    ["four private individuals (guardians)", { cc: addresses(4, CARRIER_DOMAINS) }, "review"],
    ["three parties, but a fourth reads from BCC", { to: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"], bcc: ["d@umbrella.co.jp"] }, "review"],
    ["one company's 11 addresses (mass, one party)", { to: addresses(11, ["acme.co.jp"]) }, "review"],
  ])("%s: %s", (_name, spec, level) => {
    const { level: found, evidence } = exposure(spec);
    expect(found).toBe(level);
    expect(evidence?.smallSet === true).toBe(level === "confirm");
  });

  test("mass is never a small set, whatever the thresholds", () => {
    const { level, evidence } = exposure({ to: addresses(12, ["acme.co.jp", "globex.co.jp"]) }, { exposure: { smallSet: { maxAddresses: 100, maxParties: 100 } } });
    expect(evidence?.reasons).toEqual(["cross-party", "mass"]);
    expect(level).toBe("review");
  });

  test("any-external mode keeps its meaning: every outside address in To/CC goes to the rule's level", () => {
    const { level, evidence } = exposure({ to: ["a@acme.co.jp", "b@globex.co.jp"] }, { exposure: { mode: "any-external" } });
    expect(evidence?.reasons).toEqual(["cross-party", "any-external"]);
    expect(level).toBe("review");
  });

  test("a reply counts only what is new: one company added to a thread of four is a small set", () => {
    const thread: ComposeStart = { type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] };
    // The newcomer sees the three thread addresses and they see it: four addresses of four parties, beyond the default.
    expect(exposure({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"] }, {}, thread).level).toBe("review");
    const small: ComposeStart = { type: "reply", to: ["a@acme.co.jp"], cc: [] };
    const added = exposure({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] }, {}, small);
    expect(added.level).toBe("confirm");
    expect(added.evidence?.newcomers).toEqual(["b@globex.co.jp"]);
  });
});

describe("the thresholds and the level are policy settings", () => {
  const pair = { to: ["a@acme.co.jp", "b@globex.co.jp"] };
  test.each<[string, Record<string, unknown>, Level | undefined]>([
    ["maxAddresses 0 turns the small set off", { exposure: { smallSet: { maxAddresses: 0 } } }, "review"],
    ["smallSet.level review keeps a second person", { exposure: { smallSet: { level: "review" } } }, "review"],
    ["smallSet.level off lets small sets go silently", { exposure: { smallSet: { level: "off" } } }, undefined],
    ["the rule at confirm stays confirm", { rules: { "external-exposure": "confirm" } }, "confirm"],
    ["the rule off stays off: a small set never makes the rule stricter", { rules: { "external-exposure": "off" }, exposure: { smallSet: { level: "review" } } }, undefined],
    ["maxParties 2 still lets two parties confirm", { exposure: { smallSet: { maxParties: 2 } } }, "confirm"],
  ])("%s", (_name, file, level) => {
    expect(exposure(pair, file).level).toBe(level);
  });

  test("three parties with maxParties 2 go to review", () => {
    expect(exposure({ to: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"] }, { exposure: { smallSet: { maxParties: 2 } } }).level).toBe("review");
  });

  test.each([
    [{ exposure: { smallSet: { maxParties: 1 } } }, "exposure.smallSet.maxParties"],
    [{ exposure: { smallSet: { maxAddresses: -1 } } }, "exposure.smallSet.maxAddresses"],
    [{ exposure: { smallSet: { level: "maybe" } } }, "exposure.smallSet.level"],
    [{ exposure: { smallSet: { parties: 2 } } }, "exposure.smallSet.parties"],
  ])("an invalid setting names its key: %j", (file, path) => {
    expect(() => policyOf(file)).toThrow(path);
  });
});

describe("the text of a small set names who will see whom, every address once", () => {
  const counsel = draftOf({ to: ["a@acme.co.jp", "a2@acme.co.jp"], cc: ["bengoshi@law-office.jp", "taro@gmail.com"] });
  const finding = () => {
    const f = evaluate(counsel, policyOf()).findings[0];
    if (!f) throw new Error("expected a finding");
    return f;
  };

  test("en", () => {
    expect(describeFinding(finding(), "en")).toBe("acme.co.jp (a@acme.co.jp, a2@acme.co.jp), law-office.jp (bengoshi@law-office.jp) and taro@gmail.com will see each other's addresses.");
  });

  test("ja", () => {
    expect(describeFinding(finding(), "ja")).toBe("acme.co.jp（a@acme.co.jp、a2@acme.co.jp）とlaw-office.jp（bengoshi@law-office.jp）とtaro@gmail.comの間で、互いのアドレスが見えます。");
  });

  test("a reader in BCC is named as one", () => {
    const f = evaluate(draftOf({ to: ["a@acme.co.jp", "a2@acme.co.jp"], bcc: ["b@globex.co.jp"] }), policyOf()).findings[0];
    if (!f) throw new Error("expected a finding");
    expect(describeFinding(f, "en")).toBe("acme.co.jp (a@acme.co.jp, a2@acme.co.jp) in To/CC will be seen by globex.co.jp in BCC.");
    expect(describeFinding(f, "ja")).toBe("acme.co.jp（a@acme.co.jp、a2@acme.co.jp）のアドレスが、BCCのglobex.co.jpに見えます。");
  });

  test.each(["ja", "en"] as const)("%s: the Smart Alert offers Send Anyway and says what to do otherwise", (language) => {
    const evaluation = evaluate(counsel, policyOf());
    expect(evaluation.verdict).toBe("confirm");
    const { errorMessage } = alertText(evaluation, language);
    for (const address of ["a@acme.co.jp", "a2@acme.co.jp", "bengoshi@law-office.jp", "taro@gmail.com"]) {
      expect(errorMessage.split(address).length - 1).toBe(1);
    }
  });
});

test("every seed-sized exposure stays review: 88 guardians, 383 customers", () => {
  const drafts: Draft[] = [draftOf({ cc: addresses(88, CARRIER_DOMAINS) }), draftOf({ to: addresses(383, ["a.co.jp", "b.co.jp", "c.jp"]) })];
  for (const draft of drafts) expect(evaluate(draft, policyOf()).verdict).toBe("review");
});

test("with the memory, an exposure of a known group plus one names who was never written to (alert and pane)", () => {
  const memory = CorrespondenceMemory.empty(new Uint8Array(16));
  memory.learn({ addresses: [], group: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"] }, 0);
  const f = evaluate(draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"] }), policyOf(), { memory }).findings[0];
  if (!f) throw new Error("expected a finding");
  expect(describeFinding(f, "en")).toMatch(/ Never written to before: d@umbrella\.co\.jp\.$/);
  expect(describeFinding(f, "ja")).toMatch(/初めて送る宛先：d@umbrella\.co\.jp。$/);
  // Everyone new (a new install): nothing to single out.
  const fresh = evaluate(draftOf({ to: ["p@acme.co.jp", "q@globex.co.jp", "r@initech.co.jp", "s@umbrella.co.jp"] }), policyOf(), { memory }).findings[0];
  if (!fresh) throw new Error("expected a finding");
  expect(describeFinding(fresh, "en")).not.toContain("Never written to");
});
