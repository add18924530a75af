import { toByteArray } from "base64-js";
import { strToU8 } from "fflate";
import { inspectFile, limitsOf, toInspection } from "../inspect";
import { contentHash, utf8Bytes } from "../policy";
import { attachmentKey } from "./cache";
import type { AttachmentInspection, DraftAttachment } from "../shared/types";
import { notInspected, type AttachmentContent, type InspectAttachmentsOptions } from "./pending";
import { DeadlineReached, within } from "../util/within";

/**
 * The file's bytes and the name to inspect it under; "link" for content that is not a file
 * (a cloud link); "unknown" for a format Office does not document, which is not taken as
 * an empty file.
 */
function fileOf(attachment: DraftAttachment, content: AttachmentContent): { name: string; bytes: Uint8Array } | "corrupt" | "link" | "unknown" {
  if (content.format === "base64") {
    try {
      // atob is not promised in classic Outlook's JavaScript-only runtime; base64-js is plain JavaScript.
      return { name: attachment.name, bytes: toByteArray(/\s/.test(content.content) ? content.content.replace(/\s+/g, "") : content.content) };
    } catch {
      return "corrupt";
    }
  }
  if (content.format === "eml") return { name: /\.eml$/i.test(attachment.name) ? attachment.name : `${attachment.name}.eml`, bytes: strToU8(content.content) };
  if (content.format.toLowerCase() === "icalendar") return { name: /\.ics$/i.test(attachment.name) ? attachment.name : `${attachment.name}.ics`, bytes: strToU8(content.content) };
  return content.format === "url" ? "link" : "unknown";
}

/**
 * Reads and inspects each attachment, smallest first (most files done before a deadline),
 * one at a time (a few large files never sit in memory together). Never rejects: a file
 * Office cannot hand over is "not-inspected" with reason "read-failed", one not done by
 * the deadline "not-inspected"; anything the inspectors cannot read is "unscannable".
 * Results are keyed by attachmentKey and keep the addresses (local only) for exact counts.
 */
export async function inspectAttachments(pending: readonly DraftAttachment[], options: InspectAttachmentsOptions): Promise<Map<string, AttachmentInspection>> {
  const now = options.now ?? (() => Date.now());
  const deadlineAt = options.deadlineAt ?? Number.POSITIVE_INFINITY;
  const remaining = () => deadlineAt - now();
  const results = new Map<string, AttachmentInspection>();
  for (const attachment of [...pending].sort((a, b) => a.size - b.size)) {
    const key = attachmentKey(attachment);
    if (remaining() <= 0) {
      results.set(key, notInspected("not-inspected"));
      continue;
    }
    // Bigger than the policy allows: known from the size alone, not worth reading.
    if (attachment.size > options.limits.maxBytes) {
      results.set(key, { status: "unscannable", reason: "too-large" });
      continue;
    }
    let content: AttachmentContent;
    try {
      content = await within(options.readContent(attachment.id as string), remaining());
    } catch (error) {
      results.set(key, notInspected(error instanceof DeadlineReached ? "not-inspected" : "read-failed"));
      continue;
    }
    const file = fileOf(attachment, content);
    if (file === "link") results.set(key, { status: "skipped" });
    else if (file === "unknown") results.set(key, notInspected("read-failed"));
    else if (file === "corrupt") results.set(key, { status: "unscannable", reason: "corrupt", contentHash: contentHash(utf8Bytes(content.content)) });
    else {
      const limits = limitsOf({ ...options.limits, timeBudgetMs: Math.max(1, Math.min(options.limits.timeBudgetMs, remaining())) });
      const inspection = toInspection(await inspectFile(file.name, file.bytes, limits));
      // Stopped by the deadline rather than by the file's own budget: say so.
      const late = inspection.status === "unscannable" && inspection.reason === "time-budget" && remaining() <= 0;
      // The bytes were read: an approval is bound to them (a file replaced by another of the same name and size is new).
      results.set(key, late ? notInspected("not-inspected") : { ...inspection, contentHash: contentHash(file.bytes) });
    }
  }
  return results;
}
