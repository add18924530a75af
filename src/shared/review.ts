/**
 * The review API contract shared by the server, the task panes and the web pages.
 * Shapes only; the server validates every request against them (src/server/review/schemas.ts).
 */
import type { AttachmentInspection, Finding, RecipientField, RecipientType, Verdict } from "./types";

export type ReviewStatus = "pending" | "approved" | "rejected" | "cancelled" | "expired";

export interface SnapshotRecipient {
  address: string;
  name?: string | undefined;
  type?: RecipientType | undefined;
}

export interface SnapshotAttachment {
  name: string;
  size: number;
  contentHash?: string | undefined;
  /** What inspection found, as counts: the addresses themselves never leave the sender's machine. */
  inspection?: Omit<AttachmentInspection, "addresses" | "addressHashes" | "contentHash"> | undefined;
}

/** Exactly what will be sent, as the sender's Outlook reports it; the fingerprint is computed from it. */
export interface ReviewSnapshot {
  from: string;
  to: SnapshotRecipient[];
  cc: SnapshotRecipient[];
  bcc: SnapshotRecipient[];
  subject: string;
  attachments: SnapshotAttachment[];
  /** Fields Outlook returned only up to its limit (more recipients may exist unseen). */
  truncatedFields?: RecipientField[] | undefined;
  bodyExcerpt?: string | undefined;
}

export interface CreateReviewRequest {
  snapshot: ReviewSnapshot;
  fingerprint: string;
  reviewer: string;
  note?: string | undefined;
  language?: "ja" | "en" | undefined;
  /** The sender's earlier request for this draft, which this one replaces (cancelled if still pending). */
  replaces?: string | undefined;
}

export interface DecisionRequest {
  decision: "approve" | "reject";
  comment?: string | undefined;
  /** Keys of the checks (one per flagged item) the reviewer ticked. */
  acknowledged: string[];
}

/** One item the reviewer must tick before approving. */
export interface ReviewCheck {
  key: string;
  code: Finding["code"];
  /** The file name for attachment checks. */
  attachment?: string | undefined;
}

export interface Review {
  id: string;
  status: ReviewStatus;
  sender: string;
  senderName?: string | undefined;
  reviewer: string;
  reviewerName?: string | undefined;
  fingerprint: string;
  verdict: Verdict;
  snapshot: ReviewSnapshot;
  findings: Finding[];
  checks: ReviewCheck[];
  note: string;
  language: "ja" | "en";
  createdAt: string;
  expiresAt: string;
  decidedAt?: string | undefined;
  decidedBy?: string | undefined;
  comment?: string | undefined;
  acknowledged?: string[] | undefined;
  /** The signed approval (`sga1.…`); only ever shown to the sender. */
  approvalToken?: string | undefined;
  approvalExpiresAt?: string | undefined;
  sentAt?: string | undefined;
}

/** A Server-Sent Event (`event: review`) telling a sender or reviewer that a request changed. */
export interface ReviewEvent {
  id: string;
  status: ReviewStatus;
  sender: string;
  reviewer: string;
  at: string;
}

export interface ReviewerOption {
  address: string;
  name?: string | undefined;
}

export type AuditAction = "requested" | "approved" | "rejected" | "cancelled" | "expired" | "sent";

export interface AuditRecord {
  seq: string;
  at: string;
  action: AuditAction;
  reviewId?: string | undefined;
  actor?: string | undefined;
  sender?: string | undefined;
  reviewer?: string | undefined;
  detail: Record<string, unknown>;
}

/** Error bodies: a stable code for programs, a sentence for people. */
export interface ApiError {
  error: string;
  message: string;
  details?: unknown;
}
