import { z } from "zod";
import { parseAddress } from "../policy/address";
import { FINGERPRINT_PATTERN, FINGERPRINT_VERSION } from "../policy/fingerprint";
import { COMPOSE_TYPES, INSPECTED_KINDS, INSPECTION_STATUSES, RECIPIENT_FIELDS, RECIPIENT_TYPES } from "../shared/types";
import { MAX_RECORDED_ADDRESSES } from "../memory/compose-start";
import { AUDIT_ACTIONS, MAX_TOKEN_LENGTH, REVIEW_STATUSES } from "./contract";

/** Office's own caps: at most 1,000 recipients per field are readable; Outlook allows far fewer attachments. */
export const LIMITS = {
  recipientsPerField: 1000,
  attachments: 500,
  text: 2000,
  subject: 1000,
  bodyExcerpt: 4000,
  /** Bytes of a create request: a full 3 × 1,000-recipient snapshot fits well inside. */
  createBodyBytes: 2 * 1024 * 1024,
  otherBodyBytes: 64 * 1024,
} as const;

const address = z
  .string()
  .max(320)
  .refine((value) => parseAddress(value).ok, "is not a valid email address");

/** A recipient as Outlook reported it; an address Office could not resolve is kept as written (up to 320 characters). */
const recipient = z.strictObject({
  address: z.string().min(1).max(320),
  name: z.string().max(320).optional(),
  type: z.enum(RECIPIENT_TYPES).optional(),
});

const field = z.array(recipient).max(LIMITS.recipientsPerField);

const count = z.number().int().min(0).max(10_000_000);
const label = z.string().max(200);

/** Inspection results as counts; `addresses` is refused: they never leave the sender's machine. */
const inspectionSchema = z.strictObject({
  status: z.enum(INSPECTION_STATUSES),
  reason: z.string().max(60).optional(),
  counts: z.partialRecord(z.enum(INSPECTED_KINDS), count).optional(),
  headers: z.array(z.strictObject({ where: label, columns: z.array(label).max(100), rows: count })).max(100).optional(),
  samples: z.array(z.strictObject({ kind: z.enum(INSPECTED_KINDS), where: label, masked: z.string().max(120) })).max(10).optional(),
  addressCount: count.optional(),
  notRecipientCount: count.optional(),
  unreadable: z.array(z.strictObject({ entry: z.string().max(400), reason: z.string().max(60) })).max(200).optional(),
});

export const snapshotSchema = z.strictObject({
  from: address,
  to: field,
  cc: field,
  bcc: field,
  subject: z.string().max(LIMITS.subject),
  attachments: z
    .array(
      z.strictObject({
        name: z.string().max(255),
        size: z.number().int().min(0).max(1024 ** 4),
        contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex>").optional(),
        inspection: inspectionSchema.optional(),
      }),
    )
    .max(LIMITS.attachments),
  truncatedFields: z.array(z.enum(RECIPIENT_FIELDS)).max(3).optional(),
  bodyExcerpt: z.string().max(LIMITS.bodyExcerpt).optional(),
  /** How the message started (a reply-all's participants): the server judges what is new, as the pane and Send do. */
  composeStart: z
    .strictObject({
      type: z.enum(COMPOSE_TYPES),
      to: z.array(z.string().max(320)).max(MAX_RECORDED_ADDRESSES),
      cc: z.array(z.string().max(320)).max(MAX_RECORDED_ADDRESSES),
    })
    .optional(),
});

export const createReviewSchema = z.strictObject({
  snapshot: snapshotSchema,
  fingerprint: z.string().regex(FINGERPRINT_PATTERN, `must be a message fingerprint (${FINGERPRINT_VERSION}:<64 hex>)`),
  reviewer: address,
  note: z.string().max(LIMITS.text).optional(),
  language: z.enum(["ja", "en"]).optional(),
  /** The sender's earlier request for this draft, which this one replaces (cancelled if still pending). */
  replaces: z.string().regex(/^rv_[A-Za-z0-9_-]{10,40}$/, "is not a review id").optional(),
});

export const decisionSchema = z.strictObject({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().max(LIMITS.text).optional(),
  acknowledged: z.array(z.string().max(400)).max(1000).default([]),
});

export const listQuerySchema = z.strictObject({
  role: z.enum(["reviewer", "sender"]).default("reviewer"),
  status: z.enum(REVIEW_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET /api/reviewers`: `from`, the mailbox the message is sent from when it is not the signed-in person's own (a shared mailbox). */
export const reviewersQuerySchema = z.strictObject({ from: address.optional() });

export const reviewIdSchema = z.strictObject({ id: z.string().regex(/^rv_[A-Za-z0-9_-]{10,40}$/, "is not a review id") });

export const sentSchema = z.strictObject({ token: z.string().min(1).max(MAX_TOKEN_LENGTH) });

export const devSignInSchema = z.strictObject({ email: address, name: z.string().max(200).optional() });

export const auditQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  person: z.string().max(320).optional(),
  review: z.string().max(60).optional(),
  before: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(200),
  format: z.enum(["json", "csv"]).default("json"),
});

/** zod issues as `path: message` lines, for error bodies that name the bad field. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

/** Characters of a stored correspondence memory: the add-in keeps it under 30,000 (roaming settings hold 32 KB). */
export const MAX_MEMORY_CHARS = 32 * 1024;

const base64Text = z.string().max(MAX_MEMORY_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, "is not base64");

/**
 * A correspondence memory as the add-in stores it (salted hashes; src/memory/correspondence.ts).
 * The shape is checked here; that the hashes and groups hang together is checked by decoding it.
 */
export const storedMemorySchema = z.strictObject({
  v: z.literal(1),
  t: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
  s: base64Text,
  a: base64Text,
  d: base64Text,
  g: base64Text,
});

export const putMemorySchema = z.strictObject({ memory: storedMemorySchema });
