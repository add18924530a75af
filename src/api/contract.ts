/**
 * The review API contract shared by the server, the task panes and the web pages. What a
 * request may hold is defined once, by the schemas the server validates it with
 * (./schemas.ts); the request types below are derived from them. Responses are declared here.
 */
import type { z } from "zod";
import type { Finding, Verdict } from "../shared/types";
import type { createReviewSchema, decisionSchema, snapshotSchema } from "./schemas";

/**
 * The longest approval token the API and the send handler accept: 200 item digests
 * (approval/token.ts MAX_APPROVAL_ITEMS) and the claims, hex-encoded, with room to spare.
 */
export const MAX_TOKEN_LENGTH = 16_000;

export const REVIEW_STATUSES = ["pending", "approved", "rejected", "cancelled", "expired"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Exactly what will be sent, as the sender's Outlook reports it; the fingerprint is computed from it. */
export type ReviewSnapshot = z.output<typeof snapshotSchema>;
export type SnapshotRecipient = ReviewSnapshot["to"][number];
/** A file as the request carries it: what inspection found, as counts (the addresses never leave the sender's machine). */
export type SnapshotAttachment = ReviewSnapshot["attachments"][number];

/** `POST /api/reviews`: the snapshot, its fingerprint, the reviewer, a note; `replaces` the sender's earlier request for this draft. */
export type CreateReviewRequest = z.output<typeof createReviewSchema>;

/** `POST /api/reviews/:id/decision`: `acknowledged` lists the keys of the checks (one per flagged item) the reviewer ticked. */
export type DecisionRequest = z.output<typeof decisionSchema>;

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

export const AUDIT_ACTIONS = ["requested", "approved", "rejected", "cancelled", "expired", "sent"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
export interface ApiErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

/** A correspondence memory as the add-in stores it and the server keeps it (salted hashes only). */
export type { StoredMemory } from "../memory/correspondence";
