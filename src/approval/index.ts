/**
 * The review domain: who may review whom, the items a reviewer acknowledges, the snapshot a
 * request carries, the approval token and what it covers, and the decision at Send. Pure:
 * used by the send handler, the panes and the server alike.
 */
export { reviewersFor, mayReview, isAdmin } from "./reviewers";
export { reviewChecks } from "./checks";
export { draftSnapshot, snapshotContext, snapshotDraft } from "./snapshot";
export { approvalItems, coverageOf, uncoveredFindings, MAX_APPROVAL_ITEMS, type ApprovalItem } from "./coverage";
export { approvable, decideSend, type ApprovalRefusal, type SendDecision, type SendFacts } from "./decide";
export {
  decodeApprovalToken,
  verifyApprovalToken,
  approvalSigningInput,
  assembleApprovalToken,
  MAX_TOKEN_LENGTH,
  APPROVAL_TOKEN_VERSION,
  type ApprovalClaims,
  type ApprovalCheck,
  type ApprovalExpectation,
  type ApprovalFailure,
} from "./token";
