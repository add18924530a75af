import { inspectPendingAttachments, pendingAttachments } from "../event/pending-attachments";
import { mergeInspectionCache, parseInspectionCache, type Policy } from "../policy";
import { INSPECTIONS_SESSION_KEY } from "../shared/session-keys";
import type { Draft } from "../shared/types";
import type { PaneHost } from "./host";

/**
 * Inspects the attachments of the draft that the item's cache does not know yet
 * (the pane's item event, alongside the OnMessageAttachmentsChanged launch event)
 * and stores the results on the item for the send handler. Resolves to true when
 * something new was stored.
 */
export async function inspectNewAttachments(host: PaneHost, draft: Draft, policy: Policy): Promise<boolean> {
  const pending = pendingAttachments(draft.attachments, parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY)));
  if (pending.length === 0) return false;
  const results = await inspectPendingAttachments(pending, { readContent: (id) => host.readAttachmentContent(id), limits: policy.inspection });
  // Files Outlook did not hand over stay pending: tried again on the next change, or at Send.
  if (![...results.values()].some((r) => r.status !== "not-inspected")) return false;
  // Read again just before writing: the launch event may have stored files meanwhile.
  const text = mergeInspectionCache(parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY)), results, draft.attachments);
  if (text === undefined) return false;
  await host.writeItemValue(INSPECTIONS_SESSION_KEY, text);
  return true;
}
