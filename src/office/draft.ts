import type { Draft, DraftAttachment, DraftRecipient, RecipientField, RecipientType } from "../shared/types";
import { officeCall } from "./async";
import { composeItem, supportsMailbox } from "./host";

const RECIPIENT_TYPES: Record<string, RecipientType> = {
  user: "user",
  externalUser: "externalUser",
  distributionList: "distributionList",
  other: "other",
};

function toRecipient(details: Office.EmailAddressDetails): DraftRecipient {
  return {
    emailAddress: details.emailAddress ?? "",
    displayName: details.displayName,
    recipientType: RECIPIENT_TYPES[String(details.recipientType)] ?? "unknown",
  };
}

function toAttachment(details: Office.AttachmentDetailsCompose): DraftAttachment {
  return {
    id: details.id,
    name: details.name ?? "",
    size: typeof details.size === "number" ? details.size : 0,
    isInline: details.isInline === true,
    attachmentType: String(details.attachmentType) as DraftAttachment["attachmentType"],
  };
}

/**
 * How many recipients `getAsync` returns at most: 500 before Mailbox 1.16 in
 * classic Outlook, 1,000 on web/new Outlook and 1.16+. A field at the limit may
 * hold more recipients than we can see.
 * https://learn.microsoft.com/javascript/api/outlook/office.recipients#outlook-office-recipients-getasync-member(1)
 */
function recipientLimit(): number {
  return supportsMailbox("1.16") ? 1000 : 500;
}

function readSender(item: Office.MessageCompose): Promise<string | undefined> {
  const fallback = Office.context.mailbox.userProfile?.emailAddress;
  if (!item.from || typeof item.from.getAsync !== "function") return Promise.resolve(fallback);
  return officeCall<Office.EmailAddressDetails>("from.getAsync", (cb) => item.from.getAsync(cb)).then(
    (from) => from?.emailAddress || fallback,
  );
}

function readAttachments(item: Office.MessageCompose): Promise<DraftAttachment[]> {
  if (typeof item.getAttachmentsAsync !== "function") return Promise.resolve([]);
  return officeCall<Office.AttachmentDetailsCompose[]>("getAttachmentsAsync", (cb) => item.getAttachmentsAsync(cb)).then(
    (list) => (list ?? []).map(toAttachment),
  );
}

/** The attachment list alone (for the attachments-changed event). */
export function readAttachmentList(): Promise<DraftAttachment[]> {
  return readAttachments(composeItem());
}

function readField(item: Office.MessageCompose, field: RecipientField): Promise<Office.EmailAddressDetails[]> {
  return officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (cb) => item[field].getAsync(cb)).then((list) => list ?? []);
}

/**
 * Reads everything the policy needs from the compose item in one concurrent
 * round of Office calls: To, CC, BCC, sender, subject and the attachment list.
 */
export function readDraft(): Promise<Draft> {
  const item = composeItem();
  return Promise.all([
    readField(item, "to"),
    readField(item, "cc"),
    readField(item, "bcc"),
    readSender(item),
    officeCall<string>("subject.getAsync", (cb) => item.subject.getAsync(cb)),
    readAttachments(item),
  ]).then(([to, cc, bcc, from, subject, attachments]) => {
    const limit = recipientLimit();
    const truncatedFields = (["to", "cc", "bcc"] as const).filter((field) => ({ to, cc, bcc })[field].length >= limit);
    return {
      from,
      to: to.map(toRecipient),
      cc: cc.map(toRecipient),
      bcc: bcc.map(toRecipient),
      subject: subject ?? "",
      attachments,
      truncatedFields,
    };
  });
}
