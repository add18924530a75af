import { addressKey, isDomainOrSubdomain } from "../policy/address";
import type { Policy, ReviewerEntry } from "../policy/policy";

function matches(pattern: string, senderKey: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("@")) return isDomainOrSubdomain(senderKey.slice(senderKey.lastIndexOf("@") + 1), pattern.slice(1));
  return pattern === senderKey;
}

/**
 * The people who may review mail from `sender`, in policy order. Never the
 * sender themself: a second person is the point of a review.
 */
export function reviewersFor(sender: string, policy: Pick<Policy, "review">): ReviewerEntry[] {
  const senderKey = addressKey(sender);
  if (!senderKey) return [];
  const seen = new Set<string>();
  return policy.review.reviewers.filter((entry) => {
    if (entry.address === senderKey || seen.has(entry.address)) return false;
    if (!entry.reviews.some((pattern) => matches(pattern, senderKey))) return false;
    seen.add(entry.address);
    return true;
  });
}

/** True when `reviewer` is someone other than `sender` whom the policy allows to review `sender`'s mail. */
export function mayReview(reviewer: string, sender: string, policy: Pick<Policy, "review">): boolean {
  const reviewerKey = addressKey(reviewer);
  return reviewerKey !== undefined && reviewersFor(sender, policy).some((entry) => entry.address === reviewerKey);
}

export function isAdmin(address: string, policy: Pick<Policy, "review">): boolean {
  const key = addressKey(address);
  return key !== undefined && policy.review.admins.includes(key);
}
