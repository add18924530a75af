import { uncoveredFindings } from "../../approval/coverage";
import { decodeApprovalToken } from "../../approval/token";
import type { Review } from "../../api/contract";
import type { Evaluation, Finding } from "../../shared/types";

/** Where an approval on this item stands against the live message. */
export type ApprovalStatus =
  | { kind: "none" }
  /** Approved, for this exact message, covering everything found now: Send will pass. */
  | { kind: "holds"; review: Review }
  /** The message changed after approval (fingerprint): the approval no longer applies. */
  | { kind: "changed"; review: Review }
  /** Same message, but something is found now that the reviewer did not see. */
  | { kind: "not-covered"; review: Review; uncovered: Finding[] };

export function approvalStatus(review: Review | undefined, evaluation: Evaluation): ApprovalStatus {
  if (review?.status !== "approved") return { kind: "none" };
  if (review.fingerprint !== evaluation.fingerprint) return { kind: "changed", review };
  const decoded = review.approvalToken ? decodeApprovalToken(review.approvalToken) : undefined;
  const uncovered = decoded?.ok ? uncoveredFindings(evaluation.findings, decoded.claims.cov) : evaluation.findings;
  return uncovered.length > 0 ? { kind: "not-covered", review, uncovered } : { kind: "holds", review };
}
