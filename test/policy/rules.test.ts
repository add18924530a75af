import { evaluate } from "../../src/policy";
import type { Draft, Finding } from "../../src/shared/types";
import { addresses, draftOf, policyOf, recipient } from "../support/drafts";

function findingsOf(draft: Draft, file: Record<string, unknown> = {}): Finding[] {
  return evaluate(draft, policyOf(file)).findings;
}

function exposureOf(draft: Draft, file: Record<string, unknown> = {}) {
  const finding = findingsOf(draft, file).find((f) => f.code === "external-exposure");
  return finding?.code === "external-exposure" ? finding : undefined;
}

describe("external-exposure, cross-party mode", () => {
  test.each([
    ["two customer companies in To", { to: ["yamada@acme.co.jp", "kato@beta-kogyo.co.jp"] }, ["cross-party"]],
    ["a customer in To and another company in BCC (BCC reads To)", { to: ["yamada@acme.co.jp"], bcc: ["kato@beta-kogyo.co.jp"] }, ["cross-party"]],
    ["one guardian in To, the others in BCC", { to: ["a@gmail.com"], bcc: ["b@gmail.com", "c@docomo.ne.jp"] }, ["cross-party"]],
    ["11 people of one customer", { to: addresses(11, ["acme.co.jp"]) }, ["mass"]],
  ])("%s", (_name, spec, reasons) => {
    expect(exposureOf(draftOf(spec))?.evidence.reasons).toEqual(reasons);
  });

  test("same organisation through subdomains, case and IDN forms is one party", () => {
    const draft = draftOf({ to: ["a@例え.テスト", "b@XN--R8JZ45G.xn--zckzah", "c@sales.例え.テスト"] });
    expect(exposureOf(draft)).toBeUndefined();
  });

  test("the same address twice (To and CC) counts once", () => {
    const draft = draftOf({ to: addresses(10, ["acme.co.jp"]), cc: addresses(10, ["acme.co.jp"]) });
    expect(exposureOf(draft)).toBeUndefined();
  });

  test("evidence groups exposed addresses by party with per-party counts", () => {
    const finding = exposureOf(draftOf({ to: ["a@acme.co.jp", "b@sales.acme.co.jp"], cc: ["p@gmail.com"], bcc: ["z@beta.co.jp"] }));
    expect(finding?.level).toBe("confirm");
    expect(finding?.evidence.parties).toEqual([
      { id: "acme.co.jp", kind: "organization", visible: 2, total: 2 },
      { id: "p@gmail.com", kind: "individual", visible: 1, total: 1 },
      { id: "beta.co.jp", kind: "organization", visible: 0, total: 1 },
    ]);
    expect(finding?.evidence.exposed).toEqual([
      { address: "a@acme.co.jp", field: "to", party: "acme.co.jp", partyKind: "organization" },
      { address: "b@sales.acme.co.jp", field: "to", party: "acme.co.jp", partyKind: "organization" },
      { address: "p@gmail.com", field: "cc", party: "p@gmail.com", partyKind: "individual" },
    ]);
  });

  test("massThreshold is configurable", () => {
    const draft = draftOf({ to: addresses(4, ["acme.co.jp"]) });
    expect(exposureOf(draft, { exposure: { massThreshold: 3 } })?.evidence.reasons).toEqual(["mass"]);
    expect(exposureOf(draft, { exposure: { massThreshold: 4 } })).toBeUndefined();
  });

  test("policy consumer domains extend the built-in list", () => {
    const draft = draftOf({ to: ["a@school-parents.jp", "b@school-parents.jp"] });
    expect(exposureOf(draft)).toBeUndefined();
    expect(exposureOf(draft, { consumerDomains: ["school-parents.jp"] })?.evidence.reasons).toEqual(["cross-party"]);
  });

  test("without the built-in list gmail.com is one organisation", () => {
    const draft = draftOf({ to: ["a@gmail.com", "b@gmail.com"] });
    expect(exposureOf(draft, { builtInConsumerDomains: false })).toBeUndefined();
  });
});

describe("external-exposure, any-external mode", () => {
  const anyExternal = { exposure: { mode: "any-external" } };
  test("one customer with a colleague in CC is exposure", () => {
    expect(exposureOf(draftOf({ to: ["yamada@acme.co.jp"], cc: ["sato@mirai-shoji.co.jp"] }), anyExternal)?.evidence.reasons).toEqual(["any-external"]);
  });
  test("a single outside recipient is not", () => {
    expect(exposureOf(draftOf({ to: ["yamada@acme.co.jp"] }), anyExternal)).toBeUndefined();
  });
  test("outside recipients in BCC only are not", () => {
    expect(exposureOf(draftOf({ to: ["sato@mirai-shoji.co.jp"], bcc: ["a@acme.co.jp", "b@beta.co.jp"] }), anyExternal)).toBeUndefined();
  });
});

describe("unresolved-recipient", () => {
  test("an invalid address is a finding, never an exception", () => {
    const findings = findingsOf(draftOf({ to: ["yamada@acme..co.jp", "sato@mirai-shoji.co.jp"] }));
    expect(findings).toEqual([
      { code: "unresolved-recipient", level: "confirm", evidence: { recipients: [{ address: "yamada@acme..co.jp", field: "to", reason: "invalid-address" }] } },
    ]);
  });

  test("the address in displayName is used when emailAddress is empty (contact-card compose)", () => {
    const draft: Draft = { ...draftOf({}), to: [{ emailAddress: "", displayName: "yamada@acme.co.jp", recipientType: "externalUser" }] };
    expect(findingsOf(draft)).toEqual([]);
  });

  test("an unresolved group at our domain with outside addresses visible", () => {
    const draft: Draft = { ...draftOf({ to: ["a@acme.co.jp"] }), cc: [recipient("project-x@mirai-shoji.co.jp", "other")] };
    expect(findingsOf(draft).map((f) => f.code)).toEqual(["unresolved-recipient"]);
  });

  test("an unresolved outside address is treated by its domain, not flagged", () => {
    const draft: Draft = { ...draftOf({}), to: [recipient("a@acme.co.jp", "other")] };
    expect(findingsOf(draft)).toEqual([]);
  });

  test("a field that Office truncated at its limit", () => {
    const draft: Draft = { ...draftOf({ to: ["sato@mirai-shoji.co.jp"] }), truncatedFields: ["bcc"] };
    expect(findingsOf(draft)[0]).toMatchObject({ code: "unresolved-recipient", evidence: { recipients: [{ field: "bcc", reason: "list-truncated" }] } });
  });
});

describe("distribution-list", () => {
  test("an internal list on a message that shows an outside address", () => {
    const draft: Draft = { ...draftOf({ to: ["yamada@acme.co.jp"] }), cc: [recipient("dl:sales@mirai-shoji.co.jp")] };
    expect(findingsOf(draft)).toEqual([
      { code: "distribution-list", level: "confirm", evidence: { recipients: [{ address: "sales@mirai-shoji.co.jp", field: "cc" }], externalVisible: true } },
    ]);
  });

  test("a customer's own list with colleagues only is ordinary mail", () => {
    const draft: Draft = { ...draftOf({ cc: ["sato@mirai-shoji.co.jp"] }), to: [recipient("dl:all@acme.co.jp")] };
    expect(findingsOf(draft)).toEqual([]);
  });
});

describe("attachment-name", () => {
  test.each([
    ["顧客リスト.xlsx", ["顧客", "リスト"]],
    ["ＫＡＩＩＮ_会員一覧.csv", ["会員", "一覧"]],
    ["customer_list_2026.xlsx", ["list", "customer"]],
    ["Customers.CSV", ["customers"]],
  ])("%s", (name, keywords) => {
    const findings = findingsOf(draftOf({ to: ["yamada@acme.co.jp"], attachments: [{ name, size: 100 }] }));
    expect(findings).toEqual([{ code: "attachment-name", level: "confirm", evidence: { attachments: [{ name, size: 100, keywords }] } }]);
  });

  test("inline images are not considered", () => {
    const draft = draftOf({ to: ["yamada@acme.co.jp"], attachments: [{ name: "list.png", size: 100, isInline: true }] });
    expect(findingsOf(draft)).toEqual([]);
  });

  test("the keyword list is replaceable", () => {
    const draft = draftOf({ to: ["yamada@acme.co.jp"], attachments: [{ name: "極秘資料.pdf", size: 1 }] });
    expect(findingsOf(draft, { attachmentKeywords: ["極秘"] }).map((f) => f.code)).toEqual(["attachment-name"]);
  });
});

describe("verdict aggregation and rule levels", () => {
  const twoCustomersAndAList = draftOf({ to: addresses(6, ["acme.co.jp", "beta.co.jp"]), attachments: [{ name: "名簿.xlsx", size: 1 }] });

  test("the verdict is the strictest finding, findings ordered strictest first", () => {
    const result = evaluate(twoCustomersAndAList, policyOf());
    expect(result.verdict).toBe("review");
    expect(result.findings.map((f) => [f.code, f.level])).toEqual([
      ["external-exposure", "review"],
      ["attachment-name", "confirm"],
    ]);
  });

  test.each([
    [{ "external-exposure": "off" }, "confirm"],
    [{ "external-exposure": "off", "attachment-name": "off" }, "allow"],
    [{ "attachment-name": "block" }, "block"],
    [{ "external-exposure": "confirm" }, "confirm"],
  ])("rules %j give %s", (rules, verdict) => {
    expect(evaluate(twoCustomersAndAList, policyOf({ rules })).verdict).toBe(verdict);
  });
});

describe("scale", () => {
  test("10,000 recipients evaluate without error", () => {
    const draft = draftOf({ bcc: addresses(10_000, ["gmail.com", "acme.co.jp"]), to: ["x@beta.co.jp"] });
    expect(evaluate(draft, policyOf()).verdict).toBe("review");
  });
});
