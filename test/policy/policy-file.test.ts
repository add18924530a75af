import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_POLICY, parsePolicy, parsePolicyText } from "../../src/policy";

describe("policy file validation", () => {
  test("defaults", () => {
    expect(DEFAULT_POLICY).toMatchObject({
      internalDomains: [],
      trustedDomains: [],
      exposure: { mode: "cross-party", massThreshold: 10, smallSet: { maxAddresses: 5, maxParties: 3, level: "confirm" } },
      consumerDomains: [],
      builtInConsumerDomains: true,
      rules: { "external-exposure": "review", "unresolved-recipient": "confirm", "distribution-list": "confirm", "attachment-name": "confirm" },
      failMode: "closed",
    });
  });

  test("domains are normalised: case, trailing dot, IDN", () => {
    const result = parsePolicy({ internalDomains: ["Mirai-Shoji.CO.JP.", "例え.テスト"] });
    expect(result).toMatchObject({ ok: true, policy: { internalDomains: ["mirai-shoji.co.jp", "xn--r8jz45g.xn--zckzah"] } });
  });

  test.each([
    [{ internalDomain: ["x.jp"] }, "internalDomain is not a known policy key"],
    [{ internalDomains: ["ok.jp", "not a domain"] }, "internalDomains[1] is not a valid domain name"],
    [{ internalDomains: "mirai.jp" }, "internalDomains must be array"],
    [{ exposure: { mode: "strict" } }, 'exposure.mode must be one of "cross-party", "any-external"'],
    [{ exposure: { massThreshold: 0 } }, "exposure.massThreshold must be at least 1"],
    [{ exposure: { massThreshold: 2.5 } }, "exposure.massThreshold must be int"],
    [{ failMode: "maybe" }, 'failMode must be one of "closed", "open"'],
    [{ rules: { "external-exposure": "warn" } }, 'rules.external-exposure must be one of "off", "confirm", "review", "block"'],
    [{ rules: { "no-such-rule": "off" } }, "rules.no-such-rule is not a known policy key"],
    [[], "(root) must be object"],
  ])("%j → %s", (input, message) => {
    const result = parsePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => `${e.path} ${e.message}`)).toContain(message);
  });

  test("malformed JSON is a policy error, not an exception", () => {
    const result = parsePolicyText("{ internalDomains: ");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^is not valid JSON/);
  });

  test("the repository's policy.json is valid", () => {
    const text = fs.readFileSync(path.join(__dirname, "../../policy.json"), "utf8");
    expect(parsePolicyText(text).ok).toBe(true);
  });
});
