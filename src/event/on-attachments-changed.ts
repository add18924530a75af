import { readAttachmentContent } from "../office/attachments";
import { readAttachmentList } from "../office/draft";
import { INSPECTIONS_SESSION_KEY, readSessionValue, writeSessionValue } from "../office/session";
import { addedAttachmentKey, mergeInspectionCache, parseInspectionCache, serializeInspectionCache, withoutKeys } from "../attachments/cache";
import type { AttachmentInspection } from "../shared/types";
import { completeOnce } from "./complete-once";
import { inspectPendingAttachments, pendingAttachments } from "../attachments/pending";
import { builtInPolicyLater, loadPolicy } from "./policy-source";
import { DEFAULT_POLICY_FETCH_MS, type SendHandlerConfig } from "./on-message-send";

/** Must equal the manifest's LaunchEvent FunctionName for OnMessageAttachmentsChanged. */
export const ON_ATTACHMENTS_CHANGED = "onAttachmentsChangedHandler";

/**
 * Outlook ends an event runtime after about five minutes; the handler stops well before,
 * and whatever it did not get to is read again at Send.
 * https://learn.microsoft.com/office/dev/add-ins/testing/runtimes#javascript-only-runtime
 */
export const ATTACHMENTS_DEADLINE_MS = 60_000;
/** Reading stops this long before that deadline, leaving time to store what was found. */
const STORE_MARGIN_MS = 1000;

export interface AttachmentsHandlerConfig extends Pick<SendHandlerConfig, "origin" | "embeddedPolicy" | "policyFetchMs"> {
  deadlineMs?: number;
}

/**
 * Creates the OnMessageAttachmentsChanged handler (Mailbox 1.11): inspects the files the
 * item's cache does not know yet and stores the results on the item (sessionData), so the
 * send handler has nothing heavy left to do. The file the event reports as added is read
 * even when the cache has an entry under its key (that entry describes an earlier file),
 * and entries of files no longer attached are dropped. It decides nothing and shows
 * nothing: any failure just leaves the files for Send. Completes the event exactly once.
 */
export function createOnAttachmentsChanged(config: AttachmentsHandlerConfig) {
  const embedded = builtInPolicyLater(config.embeddedPolicy);
  const deadlineMs = config.deadlineMs ?? ATTACHMENTS_DEADLINE_MS;

  return function onAttachmentsChangedHandler(event: { completed: () => void; attachmentStatus?: unknown; attachmentDetails?: unknown }): void {
    const complete = completeOnce(event);
    const deadlineAt = Date.now() + deadlineMs;
    const timer = typeof setTimeout === "function" ? setTimeout(() => complete(), deadlineMs) : undefined;

    Promise.resolve()
      .then(() => Promise.all([readAttachmentList(), loadPolicy(embedded, config.origin, config.policyFetchMs ?? DEFAULT_POLICY_FETCH_MS), readSessionValue(INSPECTIONS_SESSION_KEY)]))
      .then(async ([attachments, policy, cacheText]) => {
        const added = addedAttachmentKey(event);
        const invalidated = new Set(added === undefined ? [] : [added]);
        const cache = withoutKeys(parseInspectionCache(cacheText), invalidated);
        const pending = policy.ok ? pendingAttachments(attachments, cache) : [];
        const results =
          policy.ok && pending.length > 0
            ? await inspectPendingAttachments(pending, { readContent: readAttachmentContent, limits: policy.policy.inspection, deadlineAt: deadlineAt - STORE_MARGIN_MS })
            : new Map<string, AttachmentInspection>();
        // Read again just before writing: the task pane may have stored files meanwhile.
        const current = parseInspectionCache(await readSessionValue(INSPECTIONS_SESSION_KEY));
        const text = mergeInspectionCache(current, results, attachments, undefined, invalidated);
        // Nothing new and nothing to drop: leave the item as it is.
        if (text === undefined || text === serializeInspectionCache(current)) return;
        await writeSessionValue(INSPECTIONS_SESSION_KEY, text);
      })
      .catch(() => undefined)
      .then(() => {
        if (timer !== undefined) clearTimeout(timer);
        // No options: this event only lets Outlook know the handler is done.
        complete();
      });
  };
}
