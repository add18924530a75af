import { inspectPendingAttachments, notInspected, pendingAttachments } from "../attachments/pending";
import { inspectsContent, type Policy } from "../policy";
import { attachmentKey, mergeInspectionCache, parseInspectionCache, withoutKeys } from "../attachments/cache";
import { INSPECTIONS_SESSION_KEY } from "../shared/session-keys";
import type { Draft } from "../shared/types";
import type { PaneHost } from "./host";

/**
 * Inspects the attachments of the draft that the item's cache does not know yet
 * (the pane's item event, alongside the OnMessageAttachmentsChanged launch event)
 * and stores the results on the item for the send handler. Resolves to true when the
 * item now knows more than the draft the pane evaluated: files it stored, or files the
 * launch event stored since the pane read the item (the pane then evaluates again).
 * `invalidated` names files just reported as added: their cached entries describe an
 * earlier file under the same key and are read again.
 */
export async function inspectNewAttachments(host: PaneHost, draft: Draft, policy: Policy, invalidated: ReadonlySet<string> = new Set()): Promise<boolean> {
  const cache = withoutKeys(parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY)), invalidated);
  const storedMeanwhile = draft.attachments.some((a) => !a.inspection && cache.has(attachmentKey(a)));
  const pending = pendingAttachments(draft.attachments, cache);
  if (pending.length === 0) return storedMeanwhile;
  const results = await inspectPendingAttachments(pending, { readContent: (id) => host.readAttachmentContent(id), limits: policy.inspection });
  // Files Outlook did not hand over stay pending: tried again on the next change, or at Send.
  if (![...results.values()].some((r) => r.status !== "not-inspected")) return storedMeanwhile;
  // Read again just before writing: the launch event may have stored files meanwhile.
  const text = mergeInspectionCache(parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY)), results, draft.attachments, undefined, invalidated);
  if (text === undefined) return storedMeanwhile;
  await host.writeItemValue(INSPECTIONS_SESSION_KEY, text);
  return true;
}

/**
 * The draft as a review request must describe it: every file Send would judge by its
 * content is inspected first (so its findings and content hash are in the snapshot), and
 * a file Outlook still does not hand over is marked as not inspected, which the reviewer
 * then sees and acknowledges; at Send the same file gives the same finding.
 */
export async function draftForReview(host: PaneHost, policy: Policy): Promise<Draft> {
  let draft = await host.readDraft();
  if (!inspectsContent(draft, policy)) return draft;
  if (await inspectNewAttachments(host, draft, policy)) draft = await host.readDraft();
  const cache = parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY));
  const unread = new Set(pendingAttachments(draft.attachments, cache).map(attachmentKey));
  if (unread.size === 0) return draft;
  return { ...draft, attachments: draft.attachments.map((a) => (unread.has(attachmentKey(a)) ? { ...a, inspection: notInspected("read-failed") } : a)) };
}
