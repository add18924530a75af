import { coverageOf } from "../../approval/coverage";
import { approvable } from "../../approval/decide";
import { MAX_APPROVAL_ITEMS, verifyApprovalToken } from "../../approval/token";
import { addressKey, isDomainOrSubdomain } from "../../policy/address";
import { evaluate, fingerprint, type Policy } from "../../policy";
import { isAdmin, mayReview, reviewersFor } from "../../approval/reviewers";
import { reviewChecks } from "../../approval/checks";
import { snapshotContext, snapshotDraft } from "../../approval/snapshot";
import { ApiError } from "../../api/error";
import type { AuditRecord, CreateReviewRequest, DecisionRequest, Review, ReviewerOption, ReviewStatus } from "../../api/contract";
import type { Identity } from "../auth/verifier";
import type { AuditQuery, ReviewStore } from "../storage/review-store";
import { signApproval, type SigningKey } from "./approval-signer";
import type { Notifier } from "./mailer";

export interface ReviewServiceDeps {
  store: ReviewStore;
  /** The organisation policy currently in force. */
  policy: () => Policy;
  signingKey: SigningKey;
  notifier: Notifier;
  onBackgroundError?: (error: Error, what: string) => void;
}

const DECIDED: Record<DecisionRequest["decision"], Extract<ReviewStatus, "approved" | "rejected">> = {
  approve: "approved",
  reject: "rejected",
};

/** The approval token is the sender's to use: nobody else is shown it. */
function visibleTo(review: Review, identity: Identity): Review {
  if (identity.email === review.sender) return review;
  return { ...review, approvalToken: undefined };
}

/**
 * The mailbox a message is sent from: the signed-in person's own, or — a shared mailbox, or the
 * owner's mailbox for a delegate — another address at one of the organisation's internal domains
 * (Exchange decides at Send whether this person may send as it; an approval names that mailbox and
 * is of no use from any other). Undefined when the address is neither.
 */
export function sendingMailbox(identity: Identity, from: string | undefined, policy: Pick<Policy, "internalDomains">): string | undefined {
  const mailbox = from === undefined ? identity.email : addressKey(from);
  if (mailbox === undefined) return undefined;
  if (mailbox === identity.email) return mailbox;
  const domain = mailbox.slice(mailbox.lastIndexOf("@") + 1);
  return policy.internalDomains.some((internal) => isDomainOrSubdomain(domain, internal)) ? mailbox : undefined;
}

/** Reviewers of mail from `mailbox` asked by `requester`: the mailbox's, never the requester (a second person). */
function reviewersOf(mailbox: string, requester: string, policy: Policy) {
  return reviewersFor(mailbox, policy).filter((entry) => entry.address !== requester);
}

/** The mailbox a stored request's message is from (its snapshot's From; older rows: the requester). */
function mailboxOfReview(review: Review): string {
  return addressKey(review.snapshot.from) ?? review.sender;
}

/**
 * The rules of the second-person review, apart from HTTP: who may ask whom,
 * what must be acknowledged, the first decision wins, tokens bind approvals to
 * the exact message. Routes only translate to and from HTTP.
 */
export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  /** Who may review mail this person sends from `from` (their own address when not given, or a shared mailbox of the organisation). */
  reviewersFor(identity: Identity, from?: string): ReviewerOption[] {
    const policy = this.deps.policy();
    const mailbox = sendingMailbox(identity, from, policy);
    if (mailbox === undefined) throw new ApiError(403, "sender-mismatch", `${from ?? ""} is neither your address nor a mailbox of your organisation`);
    return reviewersOf(mailbox, identity.email, policy).map((entry) => ({ address: entry.address, name: entry.name }));
  }

  async create(identity: Identity, request: CreateReviewRequest): Promise<Review> {
    const policy = this.deps.policy();
    // Both validated as addresses by the request schema.
    const mailbox = sendingMailbox(identity, request.snapshot.from, policy);
    if (mailbox === undefined) {
      throw new ApiError(403, "sender-mismatch", `the message is from ${request.snapshot.from}, which is neither you (${identity.email}) nor a mailbox of your organisation`);
    }
    const reviewer = addressKey(request.reviewer) ?? request.reviewer;
    if (reviewer === identity.email) throw new ApiError(403, "self-review", "you cannot review your own message: choose another reviewer");
    const allowed = reviewersOf(mailbox, identity.email, policy);
    if (allowed.length === 0) {
      throw new ApiError(422, "no-reviewer-configured", `the policy names no reviewer for ${mailbox}: ask your administrator to add one (review.reviewers)`);
    }
    const entry = allowed.find((candidate) => candidate.address === reviewer);
    if (!entry) throw new ApiError(403, "reviewer-not-allowed", `${reviewer} may not review mail from ${mailbox} under the policy`);

    const draft = snapshotDraft(request.snapshot);
    const computed = fingerprint(draft);
    if (computed !== request.fingerprint) {
      throw new ApiError(422, "fingerprint-mismatch", "the fingerprint does not match the snapshot: the message changed while the request was made; try again");
    }
    const evaluation = evaluate(draft, policy, snapshotContext(request.snapshot));
    if (evaluation.verdict === "allow") throw new ApiError(422, "nothing-to-review", "this message needs no review: send it");
    if (!approvable(evaluation.verdict)) {
      throw new ApiError(422, "approval-not-possible", "the policy blocks this message; a review cannot approve it: change the message");
    }
    const checks = reviewChecks(evaluation.findings);
    if (checks.length > MAX_APPROVAL_ITEMS) {
      throw new ApiError(422, "too-many-items", `this message has ${checks.length} flagged items; one review can approve at most ${MAX_APPROVAL_ITEMS}: split the message`);
    }
    const review = await this.deps.store.create({
      sender: identity.email,
      senderName: identity.name,
      reviewer,
      reviewerName: entry.name,
      fingerprint: computed,
      verdict: evaluation.verdict,
      snapshot: request.snapshot,
      findings: evaluation.findings,
      checks,
      note: request.note?.trim() ?? "",
      language: request.language ?? "ja",
      expiresInSeconds: policy.review.expiryHours * 3600,
      replaces: request.replaces ? [request.replaces] : [],
    });
    this.background(this.deps.notifier.reviewRequested(review), `notify ${review.reviewer}`);
    return visibleTo(review, identity);
  }

  async list(identity: Identity, role: "reviewer" | "sender", status: ReviewStatus | undefined, limit: number): Promise<Review[]> {
    const reviews = await this.deps.store.list(role, identity.email, status, limit);
    return reviews.map((review) => visibleTo(review, identity));
  }

  async read(identity: Identity, id: string): Promise<Review> {
    const review = await this.deps.store.get(id);
    const mayRead = review && (review.sender === identity.email || review.reviewer === identity.email || isAdmin(identity.email, this.deps.policy()));
    // The same answer for "absent" and "not yours": ids of others' requests are not confirmed.
    if (!review || !mayRead) throw new ApiError(404, "not-found", "no such review request");
    return visibleTo(review, identity);
  }

  async decide(identity: Identity, id: string, request: DecisionRequest): Promise<Review> {
    const review = await this.read(identity, id);
    const status = DECIDED[request.decision];
    const comment = request.comment?.trim() ?? "";
    if (review.sender === identity.email) throw new ApiError(403, "self-review", "you cannot decide on your own request: a second person must");
    if (review.reviewer !== identity.email) throw new ApiError(403, "not-reviewer", `this request is for ${review.reviewer}`);
    if (review.status !== "pending") return this.settled(review, identity, status, comment);
    const mailbox = mailboxOfReview(review);
    if (!mayReview(identity.email, mailbox, this.deps.policy())) {
      throw new ApiError(403, "reviewer-not-allowed", `the policy no longer lets ${identity.email} review mail from ${mailbox}`);
    }
    const acknowledged = [...new Set(request.acknowledged)];
    if (status === "approved") {
      const missing = review.checks.filter((check) => !acknowledged.includes(check.key)).map((check) => check.key);
      if (missing.length > 0) {
        throw new ApiError(422, "unacknowledged", "tick every flagged item before approving", { missing });
      }
    }
    const expiryHours = this.deps.policy().review.expiryHours;
    const result = await this.deps.store.decide({
      id,
      reviewer: identity.email,
      status,
      comment,
      acknowledged,
      sign:
        status === "approved"
          ? (decidedAt) => {
              const expiresAt = new Date(decidedAt.getTime() + expiryHours * 3600_000);
              const token = signApproval(this.deps.signingKey, {
                rid: review.id,
                fp: review.fingerprint,
                // The mailbox the message goes out from (a shared mailbox's address when sent from one): what the handler compares with From.
                snd: mailbox,
                rev: identity.email,
                rvn: identity.name ?? review.reviewerName,
                iat: Math.floor(decidedAt.getTime() / 1000),
                exp: Math.floor(expiresAt.getTime() / 1000),
                // Exactly what the reviewer was shown and acknowledged: anything else found at Send blocks again.
                cov: coverageOf(review.findings),
              });
              return { token, expiresAt };
            }
          : undefined,
    });
    if (!result.review) throw new ApiError(404, "not-found", "no such review request");
    if (!result.changed) return this.settled(result.review, identity, status, comment);
    return visibleTo(result.review, identity);
  }

  /** A decision on a request that is no longer pending: the same decision again is idempotent, anything else a conflict. */
  private settled(review: Review, identity: Identity, status: ReviewStatus, comment: string): Review {
    if (review.status === status && review.decidedBy === identity.email && (review.comment ?? "") === comment) return visibleTo(review, identity);
    if (review.status === "pending" || review.status === "expired" || Date.parse(review.expiresAt) <= Date.now()) {
      throw new ApiError(410, "expired", "the request has expired: the sender must ask again");
    }
    throw new ApiError(409, "already-decided", `the request is already ${review.status}`, { status: review.status });
  }

  async cancel(identity: Identity, id: string): Promise<Review> {
    const review = await this.read(identity, id);
    if (review.sender !== identity.email) throw new ApiError(403, "not-sender", "only the sender can cancel a request");
    if (review.status === "cancelled") return review;
    const result = await this.deps.store.cancel(id, identity.email);
    if (!result.review) throw new ApiError(404, "not-found", "no such review request");
    if (!result.changed) throw new ApiError(409, "already-decided", `the request is already ${result.review.status}`, { status: result.review.status });
    return visibleTo(result.review, identity);
  }

  /** The send handler's best-effort report that an approved message went out; the token is the proof. */
  async reportSent(id: string, token: string): Promise<{ recorded: boolean }> {
    const review = await this.deps.store.get(id);
    if (!review) throw new ApiError(404, "not-found", "no such review request");
    const check = verifyApprovalToken(token, {
      publicKeys: [this.deps.signingKey.publicKeyHex],
      fingerprint: review.fingerprint,
      sender: review.sender,
      nowMs: Date.now(),
    });
    if (!check.ok || check.claims.rid !== id) throw new ApiError(400, "invalid-approval", "the approval token does not belong to this request");
    return { recorded: (await this.deps.store.markSent(id, review.fingerprint)) !== undefined };
  }

  async expireDue(): Promise<Review[]> {
    const expired = await this.deps.store.expireDue();
    for (const review of expired) this.background(this.deps.notifier.reviewExpired(review), `tell ${review.sender} about expiry`);
    return expired;
  }

  async audit(identity: Identity, query: AuditQuery): Promise<AuditRecord[]> {
    if (!isAdmin(identity.email, this.deps.policy())) throw new ApiError(403, "not-admin", "the audit trail is for administrators (review.admins in the policy)");
    return this.deps.store.auditTrail(query);
  }

  isAdmin(identity: Identity): boolean {
    return isAdmin(identity.email, this.deps.policy());
  }

  private background(task: Promise<void>, what: string): void {
    task.catch((error: unknown) => this.deps.onBackgroundError?.(error as Error, what));
  }
}
