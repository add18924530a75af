import { officeCall } from "./async";
import { composeItem } from "./host";

/** Removes an attachment from the draft by the id `getAttachmentsAsync` gave in this session. */
export function removeAttachment(id: string): Promise<void> {
  const item = composeItem();
  return officeCall<void>("removeAttachmentAsync", (cb) => item.removeAttachmentAsync(id, cb));
}
