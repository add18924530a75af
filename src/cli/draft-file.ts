import { hash as sha256 } from "@stablelib/sha256";
import PostalMime, { type Address } from "postal-mime";
import { z } from "zod";
import { bytesToHex } from "../policy/fingerprint";
import { parseMailbox } from "../policy/mailbox";
import { COMPOSE_TYPES, type Draft, type DraftAttachment, type DraftRecipient, type SendContext } from "../shared/types";

/** Largest input file the CLI reads (bytes). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export class InputError extends Error {}

const recipientSchema = z.looseObject({
  emailAddress: z.string(),
  displayName: z.string().optional(),
  recipientType: z.enum(["user", "externalUser", "distributionList", "other", "unknown"]).optional(),
});

const draftSchema = z.strictObject({
  from: z.string().optional(),
  to: z.array(recipientSchema).default([]),
  cc: z.array(recipientSchema).default([]),
  bcc: z.array(recipientSchema).default([]),
  subject: z.string().default(""),
  attachments: z
    .array(
      z.strictObject({
        name: z.string(),
        size: z.number().int().nonnegative().optional(),
        contentBase64: z.string().optional(),
        isInline: z.boolean().optional(),
      }),
    )
    .default([]),
  /** How the message started, as the compose-start event records it (a reply-all's participants). */
  /** When it was sent (ISO 8601), its Message-ID and the Message-ID it replies to: for `send-guard simulate`. */
  date: z.iso.datetime({ offset: true }).optional(),
  messageId: z.string().min(1).optional(),
  inReplyTo: z.string().min(1).optional(),
  compose: z
    .strictObject({
      type: z.enum(COMPOSE_TYPES),
      to: z.array(z.string()).default([]),
      cc: z.array(z.string()).default([]),
    })
    .optional(),
});

export function contentHash(bytes: Uint8Array): string {
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  return `${path || "(root)"}: ${issue.message}`;
}

/** A draft and the bytes of its attachments, where known (by index), for content inspection. */
export interface DraftWithContent {
  draft: Draft;
  contents: (Uint8Array | undefined)[];
  /** What is known beyond the message (draft JSON `compose`); `{}` for a message file. */
  context: SendContext;
  /** Where the message stands in time and in its thread (headers of a message file, optional fields of a draft). */
  meta: MessageMeta;
}

export interface MessageMeta {
  date?: Date | undefined;
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  /** The References header's ids, oldest first. */
  references?: string[] | undefined;
}

/** `<id>` lists as in In-Reply-To and References, without the brackets, lower-cased for matching. */
export function messageIds(text: string | undefined): string[] {
  if (!text) return [];
  const ids = text.match(/<[^<>\s]+>/g) ?? (text.trim() ? [text.trim()] : []);
  return ids.map((id) => id.replace(/^<|>$/g, "").toLowerCase());
}

function dateOf(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A draft JSON file: `to`/`cc`/`bcc` as Office reports them, `attachments` of `{name, size, contentBase64?}`. */
export function parseDraftJson(text: string): DraftWithContent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`);
  }
  const result = draftSchema.safeParse(value);
  if (!result.success) throw new InputError(`not a valid draft: ${result.error.issues.map(describeZodIssue).join("; ")}`);
  const draft = result.data;
  const contents: (Uint8Array | undefined)[] = [];
  const attachments: DraftAttachment[] = draft.attachments.map((a) => {
    if (a.contentBase64 === undefined) {
      if (a.size === undefined) throw new InputError(`attachment "${a.name}" needs a size or contentBase64`);
      contents.push(undefined);
      return { name: a.name, size: a.size, isInline: a.isInline };
    }
    const bytes = Buffer.from(a.contentBase64, "base64");
    if (a.size !== undefined && a.size !== bytes.length) {
      throw new InputError(`attachment "${a.name}": size ${a.size} does not match its content (${bytes.length} bytes)`);
    }
    contents.push(new Uint8Array(bytes));
    return { name: a.name, size: bytes.length, contentHash: contentHash(bytes), isInline: a.isInline };
  });
  const recipients = (list: z.infer<typeof recipientSchema>[]): DraftRecipient[] => list.map(toRecipient);
  return {
    draft: { from: draft.from, to: recipients(draft.to), cc: recipients(draft.cc), bcc: recipients(draft.bcc), subject: draft.subject, attachments },
    contents,
    context: draft.compose ? { composeStart: { type: draft.compose.type, to: draft.compose.to, cc: draft.compose.cc } } : {},
    meta: { date: dateOf(draft.date), messageId: messageIds(draft.messageId)[0], inReplyTo: messageIds(draft.inReplyTo)[0] },
  };
}

/** Accepts `"山田 太郎" <yamada@example.co.jp>` as an emailAddress too (people write drafts by hand). */
function toRecipient(r: z.infer<typeof recipientSchema>): DraftRecipient {
  if (r.emailAddress.includes("<")) {
    const parsed = parseMailbox(r.emailAddress);
    if (parsed.ok) return { emailAddress: parsed.display, displayName: r.displayName ?? parsed.displayName, recipientType: r.recipientType };
  }
  return { emailAddress: r.emailAddress, displayName: r.displayName, recipientType: r.recipientType };
}

function flatten(addresses: Address[] | undefined): DraftRecipient[] {
  const out: DraftRecipient[] = [];
  for (const address of addresses ?? []) {
    if (address.group !== undefined) out.push(...flatten(address.group));
    else out.push({ emailAddress: address.address ?? "", displayName: address.name || undefined, recipientType: "unknown" });
  }
  return out;
}

const HEADER_LINE = /^[!-9;-~]+:/;

/** An RFC 5322 message (.eml), parsed with postal-mime; attachments included with their content hashes. */
export async function parseEml(bytes: Uint8Array): Promise<DraftWithContent> {
  const firstLine = Buffer.from(bytes.subarray(0, 1000)).toString("latin1").split(/\r?\n/)[0] ?? "";
  if (!HEADER_LINE.test(firstLine)) throw new InputError("not an RFC 5322 message: it does not start with a header line");
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
  } catch (error) {
    throw new InputError(`could not parse the message: ${(error as Error).message}`);
  }
  const hasRecipients = [email.to, email.cc, email.bcc].some((list) => (list?.length ?? 0) > 0);
  if (!hasRecipients && !email.from && email.subject === undefined) throw new InputError("no From, To, CC, BCC or Subject header found");
  const contents = email.attachments.map((a) => (typeof a.content === "string" ? new Uint8Array(Buffer.from(a.content)) : new Uint8Array(a.content)));
  return {
    draft: {
      from: email.from && email.from.group === undefined ? email.from.address : undefined,
      to: flatten(email.to),
      cc: flatten(email.cc),
      bcc: flatten(email.bcc),
      subject: email.subject ?? "",
      attachments: email.attachments.map((a, i) => {
        const content = contents[i] as Uint8Array;
        return {
          name: a.filename ?? "(unnamed attachment)",
          size: content.byteLength,
          contentHash: contentHash(content),
          isInline: a.disposition === "inline" && a.contentId !== undefined,
        };
      }),
    },
    contents,
    context: {},
    meta: { date: dateOf(email.date), messageId: messageIds(email.messageId)[0], inReplyTo: messageIds(email.inReplyTo)[0], references: messageIds(email.references) },
  };
}
