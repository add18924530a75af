import type { Review } from "../../src/api/contract";
import { coverageOf } from "../../src/approval/coverage";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import type { Evaluation, Finding } from "../../src/shared/types";

const key = loadSigningKey(generateSigningKeyPem());

/**
 * `review` approved by its reviewer, with a token signed as the server signs it, for
 * `evaluation`'s fingerprint and covering `covered` (default: everything it found).
 */
export function approved(review: Review, evaluation: Evaluation, covered: readonly Finding[] = evaluation.findings): Review {
  const now = Math.floor(Date.parse("2026-12-01T02:00:00Z") / 1000);
  const token = signApproval(key, {
    rid: review.id,
    fp: evaluation.fingerprint,
    snd: review.sender,
    rev: review.reviewer,
    rvn: review.reviewerName,
    iat: now,
    exp: now + 3600,
    cov: coverageOf(covered),
  });
  return { ...review, status: "approved", fingerprint: evaluation.fingerprint, decidedAt: "2026-12-01T02:00:00.000Z", decidedBy: review.reviewer, approvalToken: token };
}
