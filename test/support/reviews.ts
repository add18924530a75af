import type { Review } from "../../src/api/contract";
import { draftSnapshot, reviewChecks } from "../../src/approval";
import { evaluate } from "../../src/policy";
import type { Draft } from "../../src/shared/types";
import { policyOf } from "./drafts";

let next = 0;

/**
 * A review request as the server would hold it for `draft`: the snapshot, findings and
 * checks come from the real engine (policy: 未来商事), so components see real evidence.
 */
export function reviewFor(draft: Draft, overrides: Partial<Review> = {}): Review {
  const evaluation = evaluate(draft, policyOf());
  next += 1;
  return {
    id: `rv_test${String(next).padStart(6, "0")}`,
    status: "pending",
    sender: draft.from ?? "tanaka@mirai-shoji.co.jp",
    senderName: "田中 一郎",
    reviewer: "kacho@mirai-shoji.co.jp",
    reviewerName: "山田 課長",
    fingerprint: `sg2:${"0".repeat(64)}`,
    verdict: evaluation.verdict,
    snapshot: draftSnapshot(draft, draft.from ?? "tanaka@mirai-shoji.co.jp"),
    findings: evaluation.findings,
    checks: reviewChecks(evaluation.findings),
    note: "",
    language: "ja",
    createdAt: "2026-12-01T01:02:03.000Z",
    expiresAt: "2026-12-02T01:02:03.000Z",
    ...overrides,
  };
}
