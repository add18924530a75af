import { malformedAnswer, officeCall } from "./async";
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
  return officeCall<unknown>("getAttachmentContentAsync", (cb) => item.getAttachmentContentAsync(id, cb)).then((value) => {
    const content = value as { format?: unknown; content?: unknown } | null | undefined;
    // "Succeeded" with no content is not an empty file: the file was not handed over.
    if (typeof content?.format !== "string" || typeof content.content !== "string") throw malformedAnswer("getAttachmentContentAsync", "the file's content");
    return { format: content.format, content: content.content };
  });
}
