import { randomBytes } from "node:crypto";
import type { AuditAction, AuditRecord, Review, ReviewCheck, ReviewEvent, ReviewSnapshot, ReviewStatus } from "../../api/contract";
import type { Finding, Verdict } from "../../shared/types";
import type { Database, Queryable } from "./database";

/** NOTIFY channel for review changes; every instance listens and forwards to its Server-Sent Event clients. */
export const REVIEW_CHANNEL = "sendguard_reviews";

interface ReviewRow {
  id: string;
  sender: string;
  sender_name: string | null;
  reviewer: string;
  status: ReviewStatus;
  fingerprint: string;
  verdict: Verdict;
  snapshot: ReviewSnapshot;
  findings: { findings: Finding[]; checks: ReviewCheck[]; reviewerName?: string };
  note: string;
  language: "ja" | "en";
  created_at: Date | string;
  expires_at: Date | string;
  decided_at: Date | string | null;
  decided_by: string | null;
  decision_comment: string | null;
  acknowledged: string[] | null;
  approval_token: string | null;
  approval_expires_at: Date | string | null;
  sent_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrUndefined = (value: Date | string | null) => (value === null ? undefined : iso(value));

function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    status: row.status,
    sender: row.sender,
    senderName: row.sender_name ?? undefined,
    reviewer: row.reviewer,
    reviewerName: row.findings.reviewerName,
    fingerprint: row.fingerprint,
    verdict: row.verdict,
    snapshot: row.snapshot,
    findings: row.findings.findings,
    checks: row.findings.checks,
    note: row.note,
    language: row.language,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    decidedAt: isoOrUndefined(row.decided_at),
    decidedBy: row.decided_by ?? undefined,
    comment: row.decision_comment ?? undefined,
    acknowledged: row.acknowledged ?? undefined,
    approvalToken: row.approval_token ?? undefined,
    approvalExpiresAt: isoOrUndefined(row.approval_expires_at),
    sentAt: isoOrUndefined(row.sent_at),
  };
}

export interface NewReview {
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
  expiresInSeconds: number;
  /**
   * Earlier requests by the same sender that this one replaces (the pane's previous request
   * for the same draft). Besides these, every pending request of the sender for the same
   * fingerprint is replaced: the reviewer never sees two live requests for one message.
   */
  replaces?: readonly string[] | undefined;
}

export interface Decision {
  id: string;
  reviewer: string;
  status: "approved" | "rejected";
  comment: string;
  acknowledged: string[];
  /** Builds the approval token once the decision time is known (approvals only). */
  sign?: ((decidedAt: Date) => { token: string; expiresAt: Date }) | undefined;
}

export interface AuditQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  action?: AuditAction | undefined;
  /** Matches actor, sender or reviewer. */
  person?: string | undefined;
  reviewId?: string | undefined;
  limit: number;
  /** Records older than this sequence number (paging backwards). */
  before?: string | undefined;
}

function newReviewId(): string {
  return `rv_${randomBytes(15).toString("base64url")}`;
}

async function audit(
  tx: Queryable,
  action: AuditAction,
  review: Pick<Review, "id" | "sender" | "reviewer">,
  actor: string | undefined,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.query("insert into audit_events (action, review_id, actor, sender, reviewer, detail) values ($1, $2, $3, $4, $5, $6)", [
    action,
    review.id,
    actor ?? null,
    review.sender,
    review.reviewer,
    JSON.stringify(detail),
  ]);
}

async function notify(tx: Queryable, review: Review): Promise<void> {
  const event: ReviewEvent = { id: review.id, status: review.status, sender: review.sender, reviewer: review.reviewer, at: new Date().toISOString() };
  await tx.query("select pg_notify($1, $2)", [REVIEW_CHANNEL, JSON.stringify(event)]);
}

/**
 * Reviews and their audit trail. Every state change is one transaction that
 * updates the review only from `pending`, appends the audit record and
 * notifies listeners on commit, so concurrent instances agree on the first
 * decision and never double-audit.
 */
export class ReviewStore {
  constructor(private readonly db: Database) {}

  async create(input: NewReview): Promise<Review> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        `insert into reviews (id, sender, sender_name, reviewer, status, fingerprint, verdict, snapshot, findings, note, language, expires_at)
         values ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, now() + make_interval(secs => $11))
         returning *`,
        [
          newReviewId(),
          input.sender,
          input.senderName ?? null,
          input.reviewer,
          input.fingerprint,
          input.verdict,
          JSON.stringify(input.snapshot),
          JSON.stringify({ findings: input.findings, checks: input.checks, reviewerName: input.reviewerName }),
          input.note,
          input.language,
          input.expiresInSeconds,
        ],
      );
      const review = toReview(rows[0] as ReviewRow);
      await audit(tx, "requested", review, review.sender, {
        fingerprint: review.fingerprint,
        verdict: review.verdict,
        codes: review.findings.map((f) => f.code),
        subject: review.snapshot.subject,
        recipients: review.snapshot.to.length + review.snapshot.cc.length + review.snapshot.bcc.length,
        attachments: review.snapshot.attachments.map((a) => a.name),
        note: review.note,
      });
      await notify(tx, review);
      // The sender's older pending requests for this message are cancelled (audited: superseded by this one).
      const superseded = await tx.query<ReviewRow>(
        `update reviews set status = 'cancelled', decided_at = now(), decided_by = $1
         where sender = $1 and status = 'pending' and id <> $2 and (fingerprint = $3 or id = any($4::text[]))
         returning *`,
        [review.sender, review.id, review.fingerprint, [...(input.replaces ?? [])]],
      );
      for (const row of superseded) {
        const old = toReview(row);
        await audit(tx, "cancelled", old, review.sender, { reason: "superseded", supersededBy: review.id });
        await notify(tx, old);
      }
      return review;
    });
  }

  async get(id: string): Promise<Review | undefined> {
    const rows = await this.db.query<ReviewRow>("select * from reviews where id = $1", [id]);
    return rows[0] ? toReview(rows[0]) : undefined;
  }

  /** Newest first. `as` chooses whose requests: the ones to review or the ones sent. */
  async list(as: "reviewer" | "sender", person: string, status: ReviewStatus | undefined, limit: number): Promise<Review[]> {
    const column = as === "reviewer" ? "reviewer" : "sender";
    const rows = await this.db.query<ReviewRow>(
      `select * from reviews where ${column} = $1 and ($2::text is null or status = $2) order by created_at desc, id limit $3`,
      [person, status ?? null, limit],
    );
    return rows.map(toReview);
  }

  /** Records the first decision. Returns the review after the call and whether this call decided it. */
  async decide(decision: Decision): Promise<{ review: Review | undefined; changed: boolean }> {
    return this.db.transaction(async (tx) => {
      const now = (await tx.query<{ now: Date | string }>("select now() as now"))[0]?.now ?? new Date();
      const signed = decision.sign?.(new Date(now));
      const rows = await tx.query<ReviewRow>(
        `update reviews set status = $2, decided_at = now(), decided_by = $3, decision_comment = $4, acknowledged = $5,
           approval_token = $6, approval_expires_at = $7
         where id = $1 and status = 'pending' and expires_at > now() and reviewer = $3
         returning *`,
        [
          decision.id,
          decision.status,
          decision.reviewer,
          decision.comment,
          JSON.stringify(decision.acknowledged),
          signed?.token ?? null,
          signed?.expiresAt.toISOString() ?? null,
        ],
      );
      if (!rows[0]) {
        const current = await tx.query<ReviewRow>("select * from reviews where id = $1", [decision.id]);
        return { review: current[0] ? toReview(current[0]) : undefined, changed: false };
      }
      const review = toReview(rows[0]);
      await audit(tx, decision.status, review, decision.reviewer, {
        fingerprint: review.fingerprint,
        comment: decision.comment,
        acknowledged: decision.acknowledged,
        approvalExpiresAt: review.approvalExpiresAt,
      });
      await notify(tx, review);
      return { review, changed: true };
    });
  }

  async cancel(id: string, sender: string): Promise<{ review: Review | undefined; changed: boolean }> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        "update reviews set status = 'cancelled', decided_at = now(), decided_by = $2 where id = $1 and sender = $2 and status = 'pending' returning *",
        [id, sender],
      );
      if (!rows[0]) {
        const current = await tx.query<ReviewRow>("select * from reviews where id = $1", [id]);
        return { review: current[0] ? toReview(current[0]) : undefined, changed: false };
      }
      const review = toReview(rows[0]);
      await audit(tx, "cancelled", review, sender, {});
      await notify(tx, review);
      return { review, changed: true };
    });
  }

  /** Marks every pending request past its expiry as expired (audited and notified once, whichever instance runs it). */
  async expireDue(): Promise<Review[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        "update reviews set status = 'expired', decided_at = now() where status = 'pending' and expires_at <= now() returning *",
      );
      const reviews = rows.map(toReview);
      for (const review of reviews) {
        await audit(tx, "expired", review, undefined, { expiresAt: review.expiresAt });
        await notify(tx, review);
      }
      return reviews;
    });
  }

  /** Records that the approved message was sent (the first report only). */
  async markSent(id: string, fingerprint: string): Promise<Review | undefined> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        "update reviews set sent_at = now() where id = $1 and status = 'approved' and fingerprint = $2 and sent_at is null returning *",
        [id, fingerprint],
      );
      if (!rows[0]) return undefined;
      const review = toReview(rows[0]);
      await audit(tx, "sent", review, review.sender, { fingerprint });
      await notify(tx, review);
      return review;
    });
  }

  async auditTrail(query: AuditQuery): Promise<AuditRecord[]> {
    const rows = await this.db.query<{
      seq: string;
      at: Date | string;
      action: AuditAction;
      review_id: string | null;
      actor: string | null;
      sender: string | null;
      reviewer: string | null;
      detail: Record<string, unknown>;
    }>(
      `select seq::text as seq, at, action, review_id, actor, sender, reviewer, detail from audit_events
       where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2)
         and ($3::text is null or action = $3)
         and ($4::text is null or actor = $4 or sender = $4 or reviewer = $4)
         and ($5::text is null or review_id = $5)
         and ($6::bigint is null or seq < $6)
       order by audit_events.seq desc limit $7`,
      [
        query.from?.toISOString() ?? null,
        query.to?.toISOString() ?? null,
        query.action ?? null,
        query.person ?? null,
        query.reviewId ?? null,
        query.before ?? null,
        query.limit,
      ],
    );
    return rows.map((row) => ({
      seq: row.seq,
      at: iso(row.at),
      action: row.action,
      reviewId: row.review_id ?? undefined,
      actor: row.actor ?? undefined,
      sender: row.sender ?? undefined,
      reviewer: row.reviewer ?? undefined,
      detail: row.detail,
    }));
  }

  /** The approval signing key, created by whichever instance starts first and then shared by all. */
  async signingKeyPem(generate: () => { pem: string; publicKeyHex: string }): Promise<string> {
    const fresh = generate();
    await this.db.query(
      "insert into signing_keys (id, private_key_pem, public_key_hex) values ('current', $1, $2) on conflict (id) do nothing",
      [fresh.pem, fresh.publicKeyHex],
    );
    const rows = await this.db.query<{ private_key_pem: string }>("select private_key_pem from signing_keys where id = 'current'");
    const pem = rows[0]?.private_key_pem;
    if (!pem) throw new Error("no approval signing key in the database");
    return pem;
  }
}
