/**
 * How a Send ends, decided without Office: the alert's text, the context the pane opens
 * with, and whether Send Anyway is offered, for every kind of decision and failure.
 */
import { decideSend } from "../../src/approval/decide";
import { completionFor, failureCompletion } from "../../src/event/send-completion";
import { alertText, approvalAlertText, CATALOGS, failureText, type FailureReason } from "../../src/i18n";
import { evaluate } from "../../src/policy";
import { approvalClaimsFor } from "../support/approvals";
import { addresses, CARRIER_DOMAINS, draftOf, ORG_POLICY_FILE, policyOf } from "../support/drafts";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";

const policy = policyOf();
const key = loadSigningKey(generateSigningKeyPem());
const decide = (draft: ReturnType<typeof draftOf>, token?: string, p = policy) =>
  decideSend({ evaluation: evaluate(draft, p), sender: draft.from, token, approvalKeys: [key.publicKeyHex], nowMs: Date.now() });

const inside = draftOf({ to: ["jimu@mirai-shoji.co.jp"] });
/** Two companies, three addresses each: beyond the small set the sender may confirm alone. */
const twoCompanies = draftOf({ to: ["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"], cc: ["b@globex.co.jp", "b2@globex.co.jp", "b3@globex.co.jp"] });
const asunaro = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(88, CARRIER_DOMAINS) });

test("allowed: the Send goes, nothing reported", () => {
  expect(completionFor(decide(inside), "ja")).toEqual({ allow: true, approvedReview: undefined });
});

test.each([
  ["review (two companies see each other)", twoCompanies, "review", false],
  ["review (88 parents in CC)", asunaro, "review", false],
  ["confirm (a rule set to confirm)", twoCompanies, "confirm", true],
  ["block (a rule set to block)", twoCompanies, "block", false],
] as const)("%s: stopped with the alert for what was found; Send Anyway only for confirm", (_name, draft, level, promptUser) => {
  const p = policyOf({ rules: { "external-exposure": level } });
  const decision = decide(draft, undefined, p);
  const completion = completionFor(decision, "ja");
  expect(completion.allow).toBe(false);
  if (completion.allow || decision.allow) return;
  const text = alertText(decision, "ja");
  expect(completion.alert).toEqual({ ...text, promptUser, contextData: JSON.stringify(decision.context) });
  expect(JSON.parse(completion.alert.contextData)).toMatchObject({ v: 1, verdict: level, codes: ["external-exposure"] });
});

test("an approval that holds: the Send goes and the review it used is named for the report", () => {
  const spec = { to: [{ emailAddress: "a@acme.co.jp" }, { emailAddress: "b@globex.co.jp" }] };
  const claims = approvalClaimsFor(spec, JSON.stringify(ORG_POLICY_FILE));
  const draft = draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"] });
  const decision = decide(draft, signApproval(key, { ...claims, fp: evaluate(draft, policy).fingerprint, cov: claims.cov }));
  expect(decision.allow).toBe(true);
  expect(completionFor(decision, "en")).toEqual({ allow: true, approvedReview: "rv_1" });
});

test("an approval that does not cover what is found now: the alert names the reviewer and only what is new", () => {
  const draft = twoCompanies;
  const evaluation = evaluate(draft, policy);
  const now = Math.floor(Date.now() / 1000);
  const token = signApproval(key, { rid: "rv_9", fp: evaluation.fingerprint, snd: draft.from ?? "", rev: "kacho@mirai-shoji.co.jp", rvn: "山田 課長", iat: now, exp: now + 600, cov: [] });
  const decision = decide(draft, token);
  const completion = completionFor(decision, "ja");
  if (completion.allow || decision.allow) throw new Error("expected a stop");
  expect(completion.alert.errorMessage).toBe(approvalAlertText(decision.findings, decision.verdict, "山田 課長", "ja").errorMessage);
  expect(completion.alert.errorMessage).toContain("山田 課長");
  expect(JSON.parse(completion.alert.contextData)).toMatchObject({ approval: "not-covered", uncovered: ["external-exposure"] });
});

describe("a check that could not finish", () => {
  const REASONS: FailureReason[] = ["timeout", "office-error", "policy-invalid", "internal"];
  test.each(REASONS)("%s, failMode closed (the default): stopped, the reason in words, no Send Anyway", (reason) => {
    const completion = failureCompletion(reason, "closed", "ja");
    expect(completion).toEqual({
      allow: false,
      alert: { ...failureText(reason, "ja"), promptUser: false, contextData: JSON.stringify({ v: 1, verdict: "error", codes: [], fingerprint: null, error: reason }) },
    });
    expect(CATALOGS.ja.failureReason[reason]).toBeTruthy();
    if (!completion.allow) expect(completion.alert.errorMessage).toContain(CATALOGS.ja.failureReason[reason]);
  });
  test.each(REASONS)("%s, failMode open: the Send goes", (reason) => {
    expect(failureCompletion(reason, "open", "en")).toEqual({ allow: true });
  });
});
