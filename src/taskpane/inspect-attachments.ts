import { inspectPendingAttachments, pendingAttachments } from "../event/pending-attachments";
import { attachmentKey, mergeInspectionCache, parseInspectionCache, type Policy } from "../policy";
import { INSPECTIONS_SESSION_KEY } from "../shared/session-keys";
import type { Draft } from "../shared/types";
import type { PaneHost } from "./host";

/**
 * Inspects the attachments of the draft that the item's cache does not know yet
 * (the pane's item event, alongside the OnMessageAttachmentsChanged launch event)
 * and stores the results on the item for the send handler. Resolves to true when the
 * item now knows more than the draft the pane evaluated: files it stored, or files the
 * launch event stored since the pane read the item (the pane then evaluates again).
 */
export async function inspectNewAttachments(host: PaneHost, draft: Draft, policy: Policy): Promise<boolean> {
  const cache = parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY));
  const storedMeanwhile = draft.attachments.some((a) => !a.inspection && cache.has(attachmentKey(a)));
  const pending = pendingAttachments(draft.attachments, cache);
  if (pending.length === 0) return storedMeanwhile;
  const results = await inspectPendingAttachments(pending, { readContent: (id) => host.readAttachmentContent(id), limits: policy.inspection });
  // Files Outlook did not hand over stay pending: tried again on the next change, or at Send.
  if (![...results.values()].some((r) => r.status !== "not-inspected")) return storedMeanwhile;
  // Read again just before writing: the launch event may have stored files meanwhile.
  const text = mergeInspectionCache(parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY)), results, draft.attachments);
  if (text === undefined) return storedMeanwhile;
  await host.writeItemValue(INSPECTIONS_SESSION_KEY, text);
  return true;
}
