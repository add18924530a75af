import { officeCall } from "./async";
import { composeItem } from "./host";

/** Removes an attachment from the draft by the id `getAttachmentsAsync` gave in this session. */
export function removeAttachment(id: string): Promise<void> {
  const item = composeItem();
  return officeCall<void>("removeAttachmentAsync", (cb) => item.removeAttachmentAsync(id, cb));
}

/**
 * The content of an attachment (Mailbox 1.8): base64 for files, the message text
 * for attached items ("eml"), a link for cloud attachments ("url").
 * https://learn.microsoft.com/javascript/api/outlook/office.messagecompose#outlook-office-messagecompose-getattachmentcontentasync-member(1)
 */
export function readAttachmentContent(id: string): Promise<{ format: string; content: string }> {
  const item = composeItem();
  if (typeof item.getAttachmentContentAsync !== "function") return Promise.reject(new Error("getAttachmentContentAsync is not supported here"));
  return officeCall<Office.AttachmentContent>("getAttachmentContentAsync", (cb) => item.getAttachmentContentAsync(id, cb)).then((content) => ({
    format: String(content?.format ?? ""),
    content: content?.content ?? "",
  }));
}
