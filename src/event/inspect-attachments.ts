import { toByteArray } from "base64-js";
import { strToU8 } from "fflate";
import { inspectFile, limitsOf, toInspection } from "../inspect";
import { attachmentKey } from "../policy";
import type { AttachmentInspection, DraftAttachment } from "../shared/types";
import { notInspected, type AttachmentContent, type InspectAttachmentsOptions } from "./pending-attachments";
import { DeadlineReached, within } from "./within";

/** The file's bytes and the name to inspect it under; undefined for content that is not a file (a cloud link). */
function fileOf(attachment: DraftAttachment, content: AttachmentContent): { name: string; bytes: Uint8Array } | "corrupt" | undefined {
  if (content.format === "base64") {
    try {
      // atob is not promised in classic Outlook's JavaScript-only runtime; base64-js is plain JavaScript.
      return { name: attachment.name, bytes: toByteArray(/\s/.test(content.content) ? content.content.replace(/\s+/g, "") : content.content) };
    } catch {
      return "corrupt";
    }
  }
  if (content.format === "eml") return { name: /\.eml$/i.test(attachment.name) ? attachment.name : `${attachment.name}.eml`, bytes: strToU8(content.content) };
  return undefined;
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
    if (file === undefined) results.set(key, { status: "skipped" });
    else if (file === "corrupt") results.set(key, { status: "unscannable", reason: "corrupt" });
    else {
      const limits = limitsOf({ ...options.limits, timeBudgetMs: Math.max(1, Math.min(options.limits.timeBudgetMs, remaining())) });
      const inspection = toInspection(await inspectFile(file.name, file.bytes, limits));
      // Stopped by the deadline rather than by the file's own budget: say so.
      const late = inspection.status === "unscannable" && inspection.reason === "time-budget" && remaining() <= 0;
      results.set(key, late ? notInspected("not-inspected") : inspection);
    }
  }
  return results;
}
