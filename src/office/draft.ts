import type { Draft, DraftAttachment, DraftRecipient, RecipientField, RecipientType } from "../shared/types";
import { malformedAnswer, officeCall } from "./async";
import { composeItem, supportsMailbox } from "./host";

const RECIPIENT_TYPES: Record<string, RecipientType> = {
  user: "user",
  externalUser: "externalUser",
  distributionList: "distributionList",
  other: "other",
};

const optional = (value: unknown, type: "string" | "boolean") => value === undefined || typeof value === type;

/**
 * One recipient as Office reports it. An entry that is not an object, or whose address,
 * name or type is not text, is an answer Office never documents: the whole read fails
 * (and the check with it) rather than losing or guessing a recipient. An entry with no
 * address is kept as it is and judged as an address that cannot be verified.
 */
function toRecipient(call: string, details: unknown): DraftRecipient {
  const d = details as Office.EmailAddressDetails | null;
  if (typeof d !== "object" || d === null || !optional(d.emailAddress, "string") || !optional(d.displayName, "string") || !optional(d.recipientType, "string")) {
    throw malformedAnswer(call, "a recipient that is not a recipient");
  }
  return {
    emailAddress: d.emailAddress ?? "",
    displayName: d.displayName,
    recipientType: RECIPIENT_TYPES[String(d.recipientType)] ?? "unknown",
  };
}

/** One attachment: an id, a name and a size are what the checks and the fingerprint rest on, so all three must be there. */
function toAttachment(details: unknown): DraftAttachment {
  const d = details as Office.AttachmentDetailsCompose | null;
  if (
    typeof d !== "object" || d === null ||
    typeof d.id !== "string" || typeof d.name !== "string" ||
    typeof d.size !== "number" || !Number.isFinite(d.size) || d.size < 0 ||
    !optional(d.attachmentType, "string") || !optional(d.isInline, "boolean")
  ) {
    throw malformedAnswer("getAttachmentsAsync", "an attachment with an id, a name and a size");
  }
  return {
    id: d.id,
    name: d.name,
    size: d.size,
    isInline: d.isInline === true,
    attachmentType: (d.attachmentType === undefined ? "file" : String(d.attachmentType)) as DraftAttachment["attachmentType"],
  };
}

function arrayOf<T>(call: string, value: unknown, what: string, each: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw malformedAnswer(call, what);
  return value.map(each);
}

/**
 * How many recipients `getAsync` returns at most, and `setAsync`/`addAsync` let a
 * field hold: 500 up to Mailbox 1.15, 1,000 from 1.16. A field at the limit may
 * hold more recipients than we can see.
 * https://learn.microsoft.com/javascript/api/outlook/office.recipients#outlook-office-recipients-getasync-member(1)
 */
function recipientLimit(): number {
  return supportsMailbox("1.16") ? 1000 : 500;
}

/**
 * The sender: `item.from` (Mailbox 1.7) where the client has it, else the signed-in
 * mailbox. A `from` that answers without an address is malformed, not "the user".
 */
function readSender(item: Office.MessageCompose): Promise<string | undefined> {
  if (!item.from || typeof item.from.getAsync !== "function") return Promise.resolve(Office.context.mailbox.userProfile?.emailAddress);
  return officeCall<Office.EmailAddressDetails>("from.getAsync", (cb) => item.from.getAsync(cb)).then((from) => {
    const address = (from as { emailAddress?: unknown } | null | undefined)?.emailAddress;
    if (typeof address !== "string" || address.trim() === "") throw malformedAnswer("from.getAsync", "the sender's address");
    return address;
  });
}

function readAttachments(item: Office.MessageCompose): Promise<DraftAttachment[]> {
  if (typeof item.getAttachmentsAsync !== "function") return Promise.resolve([]);
  return officeCall<unknown>("getAttachmentsAsync", (cb) => item.getAttachmentsAsync(cb)).then((list) =>
    arrayOf("getAttachmentsAsync", list, "the attachment list", toAttachment),
  );
}

/** The attachment list alone (for the attachments-changed event). */
export function readAttachmentList(): Promise<DraftAttachment[]> {
  return readAttachments(composeItem());
}

export function readField(item: Office.MessageCompose, field: RecipientField): Promise<DraftRecipient[]> {
  const call = `${field}.getAsync`;
  return officeCall<unknown>(call, (cb) => item[field].getAsync(cb)).then((list) => arrayOf(call, list, "a recipient list", (r) => toRecipient(call, r)));
}

function readSubject(item: Office.MessageCompose): Promise<string> {
  return officeCall<unknown>("subject.getAsync", (cb) => item.subject.getAsync(cb)).then((subject) => {
    if (typeof subject !== "string") throw malformedAnswer("subject.getAsync", "the subject");
    return subject;
  });
}

/**
 * Reads everything the policy needs from the compose item in one concurrent
 * round of Office calls: To, CC, BCC, sender, subject and the attachment list.
 * Rejects (OfficeCallError) on a failed call and on any answer Office never
 * documents, such as "succeeded" with no value: the check then fails closed.
 */
export function readDraft(): Promise<Draft> {
  const item = composeItem();
  return Promise.all([
    readField(item, "to"),
    readField(item, "cc"),
    readField(item, "bcc"),
    readSender(item),
    readSubject(item),
    readAttachments(item),
  ]).then(([to, cc, bcc, from, subject, attachments]) => {
    const limit = recipientLimit();
    const truncatedFields = (["to", "cc", "bcc"] as const).filter((field) => ({ to, cc, bcc })[field].length >= limit);
    return { from, to, cc, bcc, subject, attachments, truncatedFields, recipientLimit: limit };
  });
}
