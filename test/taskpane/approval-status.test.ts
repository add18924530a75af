import { coverageOf } from "../../src/approval/coverage";
import { evaluate } from "../../src/policy";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import type { Review } from "../../src/api/contract";
import { approvalStatus } from "../../src/taskpane/review/approval-status";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf } from "../support/drafts";

const key = loadSigningKey(generateSigningKeyPem());
const policy = policyOf();
const draft = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(6, CARRIER_DOMAINS) });
const evaluation = evaluate(draft, policy);

function approved(cov: string[], fp = evaluation.fingerprint): Review {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: "rv_0123456789", status: "approved", sender: "tanaka@mirai-shoji.co.jp", reviewer: "kacho@mirai-shoji.co.jp", reviewerName: "山田 課長",
    fingerprint: fp, verdict: "review", snapshot: { from: "tanaka@mirai-shoji.co.jp", to: [], cc: [], bcc: [], subject: "", attachments: [] },
    findings: evaluation.findings, checks: [], note: "", language: "ja", createdAt: "", expiresAt: "",
    approvalToken: signApproval(key, { rid: "rv_0123456789", fp, snd: "tanaka@mirai-shoji.co.jp", rev: "kacho@mirai-shoji.co.jp", iat: now, exp: now + 60, cov }),
  };
}

test("no approved request: nothing to say", () => {
  expect(approvalStatus(undefined, evaluation)).toEqual({ kind: "none" });
  expect(approvalStatus({ ...approved([]), status: "pending" }, evaluation)).toEqual({ kind: "none" });
});

test("approved for this message, covering every finding: it holds (the banner says press Send)", () => {
  expect(approvalStatus(approved(coverageOf(evaluation.findings)), evaluation).kind).toBe("holds");
});

test("the message changed after approval", () => {
  const changed = evaluate({ ...draft, subject: "別件" }, policy);
  expect(approvalStatus(approved(coverageOf(evaluation.findings)), changed).kind).toBe("changed");
});

test("same message, a finding the reviewer was not shown: listed", () => {
  const status = approvalStatus(approved([]), evaluation);
  expect(status.kind).toBe("not-covered");
  expect(status.kind === "not-covered" && status.uncovered.map((f) => f.code)).toEqual(["external-exposure"]);
});

test("a token that cannot be read covers nothing", () => {
  expect(approvalStatus({ ...approved(coverageOf(evaluation.findings)), approvalToken: "garbage" }, evaluation).kind).toBe("not-covered");
});
