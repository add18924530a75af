import { type InspectionPolicy } from "../policy";
import { attachmentKey, type StoredInspection } from "./cache";
import type { AttachmentInspection, DraftAttachment } from "../shared/types";
import { within } from "../util/within";

/**
 * Which attachments still need reading, and the on-demand entry to the code that reads
 * and inspects them (./read-and-inspect with the inspectors: its own chunk in browser
 * runtimes, inlined but not evaluated until needed in classic Outlook's single file).
 * Shared by the OnMessageAttachmentsChanged handler and the task pane (when attachments
 * change, where heavy work belongs) and the send handler (only for what they did not get
 * to, within its deadline).
 */

/** What Office hands over: base64 for files, the message text for attached items ("eml"), a link for cloud files ("url"). */
export interface AttachmentContent {
  format: string;
  content: string;
}

export interface InspectAttachmentsOptions {
  readContent(id: string): Promise<AttachmentContent>;
  limits: InspectionPolicy;
  /** Time (ms since the epoch) by which every file must be done; what is not done by then is "not-inspected". */
  deadlineAt?: number | undefined;
  now?: () => number;
}

/** Files and attached messages whose content the cache does not know. Inline images and cloud links are not read. */
export function pendingAttachments(attachments: readonly DraftAttachment[], cache: ReadonlyMap<string, StoredInspection>): DraftAttachment[] {
  return attachments.filter((a) => a.id !== undefined && a.id !== "" && !a.isInline && a.attachmentType !== "cloud" && !cache.has(attachmentKey(a)));
}

export function notInspected(reason: "not-inspected" | "read-failed"): AttachmentInspection {
  return { status: "not-inspected", reason };
}

/**
 * Reads and inspects the pending attachments (see ./read-and-inspect). Never rejects:
 * when the inspection code cannot be loaded in time, every file is "not-inspected".
 */
export function inspectPendingAttachments(pending: readonly DraftAttachment[], options: InspectAttachmentsOptions): Promise<Map<string, AttachmentInspection>> {
  const now = options.now ?? (() => Date.now());
  const deadlineAt = options.deadlineAt ?? Number.POSITIVE_INFINITY;
  return within(import(/* webpackChunkName: "inspect" */ "./read-and-inspect"), deadlineAt - now()).then(
    (module) => module.inspectAttachments(pending, options),
    () => new Map(pending.map((attachment) => [attachmentKey(attachment), notInspected("not-inspected")])),
  );
}
