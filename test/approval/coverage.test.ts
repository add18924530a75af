import { approvalItems, coverageOf, uncoveredFindings } from "../../src/approval/coverage";
import { approvable, decideSend } from "../../src/approval/decide";
import { evaluate } from "../../src/policy";
import { reviewChecks } from "../../src/approval/checks";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import type { Evaluation, Finding } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf } from "../support/drafts";

const policy = policyOf();
const key = loadSigningKey(generateSigningKeyPem());
const NOW = Date.parse("2026-12-01T09:00:00Z");

const guardians = draftOf({
  to: ["jimu@mirai-shoji.co.jp"],
  cc: addresses(6, CARRIER_DOMAINS),
  attachments: [
    { name: "名簿.xlsx", size: 9000, contentHash: `sha256:${"a".repeat(64)}`, inspection: { status: "inspected", counts: { phone: 30, email: 30 }, headers: [{ where: "Sheet1", columns: ["氏名", "電話番号"], rows: 30 }], addressCount: 30 } },
    { name: "案内.pdf", size: 4000, inspection: { status: "unscannable", reason: "pdf" } },
  ],
});
const evaluation = evaluate(guardians, policy);

/** Lists whose order follows the recipients' or the files' order, which the fingerprint ignores. */
const UNORDERED = new Set(["exposed", "parties", "attachments", "recipients", "reasons", "keywords", "headers"]);

/** Reverses every object's key order (a database round trip through jsonb reorders keys) and the unordered lists. */
function shuffle<T>(value: T, name = ""): T {
  if (Array.isArray(value)) {
    const items = value.map((v) => shuffle(v));
    return (UNORDERED.has(name) ? items.reverse() : items) as T;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffle(v, k)])) as T;
  return value;
}

describe("what an approval covers", () => {
  test("one item per review check, with the same keys the reviewer ticks", () => {
    expect(approvalItems(evaluation.findings).map((i) => i.key)).toEqual(reviewChecks(evaluation.findings).map((c) => c.key));
    expect(approvalItems(evaluation.findings).map((i) => i.key)).toEqual(
      expect.arrayContaining(["external-exposure", "attachment-personal-data:名簿.xlsx", "attachment-unscannable:案内.pdf"]),
    );
    for (const item of approvalItems(evaluation.findings)) expect(item.digest).toMatch(/^[0-9a-f]{16}$/);
  });

  test("the digests do not depend on the order of lists or of object keys (findings come back from jsonb)", () => {
    const shuffled = shuffle(evaluation.findings).reverse();
    expect(new Set(coverageOf(shuffled))).toEqual(new Set(coverageOf(evaluation.findings)));
    expect(new Set(coverageOf(JSON.parse(JSON.stringify(shuffled)) as Finding[]))).toEqual(new Set(coverageOf(evaluation.findings)));
  });

  test("address case does not change a digest; another exposed address does", () => {
    const upper = evaluate({ ...guardians, cc: guardians.cc.map((r) => ({ ...r, emailAddress: r.emailAddress.toUpperCase() })) }, policy);
    expect(coverageOf(upper.findings)).toEqual(coverageOf(evaluation.findings));
    const more = evaluate({ ...guardians, cc: [...guardians.cc, { emailAddress: "new@gmail.com", recipientType: "externalUser" }] }, policy);
    expect(coverageOf(more.findings)[0]).not.toBe(coverageOf(evaluation.findings)[0]);
  });

  test.each([
    ["more rows of personal data", { phone: 31, email: 30 }],
    ["another kind found", { phone: 30, email: 30, "my-number": 1 }],
  ])("a file's facts are covered as the reviewer saw them: %s is new", (_name, counts) => {
    const changed = evaluate({ ...guardians, attachments: [{ ...guardians.attachments[0]!, inspection: { ...guardians.attachments[0]!.inspection!, counts } }, guardians.attachments[1]!] }, policy);
    const missing = uncoveredFindings(changed.findings, coverageOf(evaluation.findings));
    expect(missing.map((f) => f.code)).toEqual(["attachment-personal-data"]);
  });

  test("an uncovered attachment finding keeps only the uncovered files", () => {
    const twoFiles = evaluate({ ...guardians, attachments: [...guardians.attachments, { name: "data2.csv", size: 100, inspection: { status: "inspected", counts: { phone: 8 } } }] }, policy);
    const missing = uncoveredFindings(twoFiles.findings, coverageOf(evaluation.findings));
    expect(missing).toHaveLength(1);
    const [finding] = missing;
    expect(finding?.code).toBe("attachment-personal-data");
    expect(finding?.code === "attachment-personal-data" && finding.evidence.attachments.map((a) => a.name)).toEqual(["data2.csv"]);
  });

  test("everything covered: nothing uncovered", () => {
    expect(uncoveredFindings(evaluation.findings, coverageOf(evaluation.findings))).toEqual([]);
  });
});

describe("the decision at Send", () => {
  const token = (claims: Partial<Parameters<typeof signApproval>[1]> = {}) =>
    signApproval(key, {
      rid: "rv_1",
      fp: evaluation.fingerprint,
      snd: "tanaka@mirai-shoji.co.jp",
      rev: "kacho@mirai-shoji.co.jp",
      rvn: "山田 課長",
      iat: NOW / 1000 - 60,
      exp: NOW / 1000 + 3600,
      cov: coverageOf(evaluation.findings),
      ...claims,
    });
  const facts = (e: Evaluation, t: string | undefined) => ({ evaluation: e, sender: "tanaka@mirai-shoji.co.jp", token: t, approvalKeys: [key.publicKeyHex], nowMs: NOW });

  test("only confirm and review can be approved", () => {
    expect(["allow", "confirm", "review", "block"].filter((v) => approvable(v as "allow"))).toEqual(["confirm", "review"]);
  });

  test("allow needs nothing", () => {
    expect(decideSend(facts({ verdict: "allow", findings: [], fingerprint: "x" }, undefined))).toEqual({ allow: true });
  });

  test("no approval: blocked with every finding, no refusal", () => {
    const decision = decideSend(facts(evaluation, undefined));
    expect(decision).toMatchObject({ allow: false, verdict: "review", promptUser: false, findings: evaluation.findings });
    expect(decision.allow === false && decision.context).toEqual({ v: 1, verdict: "review", codes: evaluation.findings.map((f) => f.code), fingerprint: null });
  });

  test("with no approval or confirmation to check, the decision never reads the fingerprint (hashing is the costly part of a fresh runtime's Send)", () => {
    const unread = (base: Omit<Evaluation, "fingerprint">) =>
      Object.defineProperty({ ...base }, "fingerprint", {
        enumerable: true,
        get: () => {
          throw new Error("the fingerprint was read");
        },
      }) as Evaluation;
    expect(decideSend(facts(unread(evaluation), undefined))).toMatchObject({ allow: false, verdict: "review" });
    const confirmOnly = unread({ verdict: "confirm", findings: evaluation.findings.map((f) => ({ ...f, level: "confirm" }) as Finding) });
    expect(decideSend({ ...facts(confirmOnly, undefined), confirmation: "" })).toMatchObject({ allow: false, verdict: "confirm" });
    // With something to check, it is read.
    expect(() => decideSend(facts(unread(evaluation), "token"))).toThrow("the fingerprint was read");
    expect(() => decideSend({ ...facts(confirmOnly, undefined), confirmation: '{"v":1}' })).toThrow("the fingerprint was read");
  });

  test("evaluate computes the fingerprint on first read, the same value every time, as an ordinary property", () => {
    const draft = draftOf({ to: ["a@acme.co.jp"], cc: addresses(3, CARRIER_DOMAINS) });
    const result = evaluate(draft, policy);
    const first = result.fingerprint;
    expect(first).toMatch(/^sg2:[0-9a-f]{64}$/);
    expect(result.fingerprint).toBe(first);
    expect(JSON.parse(JSON.stringify(result)).fingerprint).toBe(first);
    expect({ ...result }.fingerprint).toBe(first);
    expect(Object.keys(result)).toContain("fingerprint");
  });

  test("an approval covering everything lets it go and names the review", () => {
    const decision = decideSend(facts(evaluation, token()));
    expect(decision).toMatchObject({ allow: true, approved: { rid: "rv_1", rev: "kacho@mirai-shoji.co.jp" } });
  });

  test("a block verdict is never lifted, whatever the token", () => {
    const blocked = { ...evaluation, verdict: "block" as const };
    expect(decideSend(facts(blocked, token()))).toMatchObject({ allow: false, verdict: "block" });
  });

  test("a refused token says why and keeps every finding", () => {
    const decision = decideSend(facts(evaluation, token({ exp: NOW / 1000 - 1 })));
    expect(decision).toMatchObject({ allow: false, verdict: "review", approval: { refusal: "expired" }, context: { approval: "expired" } });
  });

  test("missing coverage: only the uncovered findings remain, and their level decides", () => {
    const partial = coverageOf(evaluation.findings).slice(0, 1);
    const decision = decideSend(facts(evaluation, token({ cov: partial })));
    expect(decision.allow).toBe(false);
    if (decision.allow) return;
    expect(decision.approval?.refusal).toBe("not-covered");
    expect(decision.findings.map((f) => f.code)).not.toContain("external-exposure");
    expect(decision.context.uncovered).toEqual(decision.findings.map((f) => f.code));
  });
});
