import { languageOf, type FailureReason } from "../i18n";
import { ALLOW_OPTIONS, blockOptions } from "../office/alert-options";
import { OfficeCallError } from "../office/async";
import { readDraft } from "../office/draft";
import { displayLanguage, supportsMailbox } from "../office/host";
import { evaluate, inspectsContent } from "../policy/engine";
import { unsealPolicy } from "../policy/sealed";
import type { Policy } from "../policy/policy";
import { formatPolicyErrors } from "../policy/policy-errors";
import { mergeInspectionCache, parseInspectionCache, withCachedInspections } from "../attachments/cache";
import type { Draft, Finding } from "../shared/types";
import { decideSend } from "../approval/decide";
import { readAttachmentContent } from "../office/attachments";
import { APPROVAL_SESSION_KEY, COMPOSE_SESSION_KEY, CONFIRMATION_SESSION_KEY, INSPECTIONS_SESSION_KEY, readSessionValue, TAUGHT_SESSION_KEY, writeSessionValue } from "../office/session";
import { parseComposeStart } from "../memory/compose-start";
import { CorrespondenceMemory, MEMORY_SETTING_KEY, taughtKeys } from "../memory/correspondence";
import { doubtedAddresses, lessonOf } from "../memory/lesson";
import { readRoamingValue, saveRoamingValue } from "../office/roaming";
import { APPROVAL_SHARE_MAX_AGE_MS, approvalShareName, canShare, sharedValue } from "../office/local-share";
import { within } from "../util/within";
import { inspectPendingAttachments, pendingAttachments } from "../attachments/pending";
import { completeOnce } from "./complete-once";
import { setInternetHeader } from "../office/headers";
import { STAMP_HEADER, STAMP_PENDING, stampFor } from "./stamp";
import { builtInPolicyLater, loadPolicy } from "./policy-source";
import { reportApprovedSend } from "./report-sent";
import { completionFor, failureCompletion, type SendCompletion } from "./send-completion";

export interface SendHandlerConfig {
  /** HTTPS origin that serves policy.json, e.g. https://sendguard.example.co.jp */
  origin: string;
  /** The policy embedded at build time (used when the server cannot be reached). */
  embeddedPolicy: unknown;
  /** Internal deadline, well inside Outlook's 5-second "taking longer" dialog. */
  deadlineMs?: number;
  /** How long to wait for policy.json before using the embedded policy. */
  policyFetchMs?: number;
}

/** Must equal the manifest's LaunchEvent FunctionName. */
export const ON_MESSAGE_SEND = "onMessageSendHandler";

export const DEFAULT_DEADLINE_MS = 3000;
export const DEFAULT_POLICY_FETCH_MS = 1500;
/** Reading files at Send stops this long before the deadline (at most a quarter of it), leaving time to decide and complete. */
export const SEND_INSPECTION_MARGIN_MS = 600;
/** Saving what a Send taught the memory waits at most this long, and never past the deadline less this margin. */
export const MEMORY_SAVE_MS = 1000;
const MEMORY_SAVE_MARGIN_MS = 250;

class PolicyInvalidError extends Error {}

/**
 * The memory decoded at the last Send of this runtime, with the stored value it came from.
 * Web and new Outlook keep the event runtime between Sends: an unchanged value is not decoded
 * (nor its hashes computed) again. Classic Outlook starts a runtime per Send and never hits it.
 */
let lastMemory: { stored: Record<string, unknown>; memory: CorrespondenceMemory } | undefined;

function memoryFrom(value: unknown): CorrespondenceMemory | undefined {
  if (!value || typeof value !== "object") return undefined;
  const stored = value as Record<string, unknown>;
  const known = lastMemory;
  if (known && ["v", "t", "n", "s", "a", "d", "g"].every((k) => known.stored[k] === stored[k])) return known.memory;
  const memory = CorrespondenceMemory.decode(stored);
  lastMemory = memory ? { stored: { ...stored }, memory } : undefined;
  return memory;
}


function reasonOf(error: unknown): FailureReason {
  if (error instanceof OfficeCallError) return "office-error";
  if (error instanceof PolicyInvalidError) return "policy-invalid";
  return "internal";
}

function safeLanguage() {
  try {
    return languageOf(displayLanguage());
  } catch {
    return languageOf(undefined);
  }
}

/**
 * Creates the OnMessageSend handler. It reads the draft and the policy in one
 * concurrent round, evaluates, and completes the event exactly once; any
 * failure (Office error, exception, a callback that never comes, the internal
 * deadline, an invalid policy) completes according to the policy's failMode.
 * A review or confirm verdict is lifted by an approval token on the item whose
 * signature, fingerprint, sender and expiry all check out (verified offline) and
 * which covers every finding seen now (../approval/decide).
 */
export function createOnMessageSend(config: SendHandlerConfig) {
  const embedded = builtInPolicyLater(config.embeddedPolicy);
  // Sealed at build time: its failMode applies from the start (a policy file, in tests, once validated).
  const embeddedFailMode = unsealPolicy(config.embeddedPolicy)?.failMode;
  const deadlineMs = config.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const policyFetchMs = config.policyFetchMs ?? DEFAULT_POLICY_FETCH_MS;

  return function onMessageSendHandler(event: Office.AddinCommands.Event): void {
    const complete = completeOnce(event);
    const language = safeLanguage();
    // The policy's failMode once known; before, the built-in policy's (sealed: known at once).
    let failMode: Policy["failMode"] | undefined = embeddedFailMode;
    let timer: ReturnType<typeof setTimeout> | undefined;

    let ended = false;
    const end = (completion: SendCompletion, token?: string) => {
      // The first ending wins (result, failure or deadline): an approval is reported used only if this Send really goes.
      if (ended) return;
      ended = true;
      if (completion.allow) {
        if (completion.approvedReview) reportApprovedSend(config.origin, completion.approvedReview, token);
        complete(ALLOW_OPTIONS);
      } else complete(blockOptions(completion.alert));
    };
    const fail = (reason: FailureReason) => {
      if (failMode !== undefined) return end(failureCompletion(reason, failMode, language));
      // A built-in policy file (tests) not validated yet: its failMode, "closed" if it has none.
      embedded().then(
        (result) => end(failureCompletion(reason, failMode ?? (result.ok ? result.policy.failMode : "closed"), language)),
        () => end(failureCompletion(reason, "closed", language)),
      );
    };

    const startedAt = Date.now();
    if (typeof setTimeout === "function") timer = setTimeout(() => fail("timeout"), deadlineMs);

    /**
     * Files the attachments-changed path has not inspected yet (the user sent right after
     * attaching, or that runtime could not read them) are read now, within the deadline;
     * only for mail with outside recipients, where content counts. Their results are kept
     * on the item for the next Send.
     */
    const inspectPending = (draft: Draft, policy: Policy, cached: ReturnType<typeof parseInspectionCache>): Promise<Draft> => {
      const pending = pendingAttachments(draft.attachments, cached);
      if (pending.length === 0 || !inspectsContent(draft, policy)) return Promise.resolve(draft);
      return inspectPendingAttachments(pending, {
        readContent: readAttachmentContent,
        limits: policy.inspection,
        deadlineAt: startedAt + deadlineMs - Math.min(SEND_INSPECTION_MARGIN_MS, deadlineMs / 4),
      }).then((results) => {
        const text = mergeInspectionCache(cached, results, draft.attachments);
        if (text !== undefined) writeSessionValue(INSPECTIONS_SESSION_KEY, text).catch(() => undefined);
        return withCachedInspections(draft, results);
      });
    };

    /**
     * What a message that goes out teaches the memory (allowed, approved, or shown a confirm
     * alert when the policy learns on confirm), saved before the event completes: Outlook
     * may end the runtime right after. Best effort within the deadline; a failed or slow
     * save only means the memory did not grow.
     */
    const learn = (draft: Draft, policy: Policy, memory: CorrespondenceMemory | undefined, completion: SendCompletion, findings: Finding[]): Promise<void> => {
      // Shown a confirm alert, or let go on the sender's own confirmation in the pane: a confirm either way.
      const onConfirm = completion.allow ? completion.confirmedBySender === true : completion.alert.promptUser;
      if (!policy.memory.learn || !(completion.allow || (onConfirm && policy.memory.learnOnConfirm))) return Promise.resolve();
      const target = memory ?? CorrespondenceMemory.empty();
      // A confirm never teaches the addresses it asks about (a slip learned once would pass ever after).
      const lesson = lessonOf(draft, policy, onConfirm ? doubtedAddresses(findings) : new Set());
      const newGroup = lesson.group.length > 0 && !target.hasGroup(lesson.group);
      if (!target.learn(lesson, Date.now())) return Promise.resolve();
      // The decoded copy no longer matches what is stored (until the save lands): decode afresh next time.
      lastMemory = undefined;
      const left = startedAt + deadlineMs - MEMORY_SAVE_MARGIN_MS - Date.now();
      if (left <= 0) return Promise.resolve();
      const writes = [saveRoamingValue(MEMORY_SETTING_KEY, target.encode())];
      // Shown a confirm, the sender may still not send: this item is asked again next time.
      if (onConfirm && newGroup && !completion.allow) writes.push(writeSessionValue(TAUGHT_SESSION_KEY, JSON.stringify(lesson.group)));
      return within(Promise.all(writes), Math.min(MEMORY_SAVE_MS, left)).then(
        () => undefined,
        () => undefined,
      );
    };

    /**
     * The verdict's header for the mail-flow backstop, written before the event completes, within
     * the deadline; a failed or late write leaves `pending`, which the rule treats as unchecked.
     */
    const stamp = (completion: SendCompletion): Promise<void> => {
      const left = startedAt + deadlineMs - Math.min(MEMORY_SAVE_MARGIN_MS, deadlineMs / 4) - Date.now();
      if (left <= 0) return Promise.resolve();
      return within(setInternetHeader(STAMP_HEADER, stampFor(completion)), Math.min(MEMORY_SAVE_MS, left)).catch(() => undefined);
    };

    Promise.resolve()
      .then(() =>
        Promise.all([
          readDraft(),
          loadPolicy(embedded, config.origin, policyFetchMs),
          readSessionValue(APPROVAL_SESSION_KEY),
          // Files inspected when attachments changed (launch event, task pane).
          readSessionValue(INSPECTIONS_SESSION_KEY),
          // How the message started (the compose-start event); a failed read only means no record.
          readSessionValue(COMPOSE_SESSION_KEY).catch(() => undefined),
          // A group this item taught the memory on an earlier confirm (not to be used for it).
          readSessionValue(TAUGHT_SESSION_KEY).catch(() => undefined),
          // The sender's confirmation from the pane (clients without Send Anyway); a failed read only means none.
          readSessionValue(CONFIRMATION_SESSION_KEY).catch(() => undefined),
          // Until a verdict replaces it, the message is not marked as checked (stamp.ts).
          setInternetHeader(STAMP_HEADER, STAMP_PENDING).catch(() => undefined),
        ]),
      )
      .then(([read, policy, token, inspections, composeText, taughtText, confirmation]) => {
        if (!policy.ok) throw new PolicyInvalidError(formatPolicyErrors(policy.errors));
        failMode = policy.policy.failMode;
        const cached = parseInspectionCache(inspections);
        // The memory is read from the copy Outlook loaded with the add-in: no Office round.
        const memory = memoryFrom(readRoamingValue(MEMORY_SETTING_KEY));
        return inspectPending(withCachedInspections(read, cached), policy.policy, cached).then((draft) => {
          const evaluation = evaluate(draft, policy.policy, { composeStart: parseComposeStart(composeText), memory: memory?.without(memory.groupIdOf(taughtKeys(taughtText))) });
          const decide = (candidate: string | undefined) =>
            decideSend({ evaluation, sender: draft.from, token: candidate, approvalKeys: policy.policy.approvalKeys, nowMs: Date.now(), confirmation });
          // The pane's approval reaches the handler in sessionData, or on Mac through localStorage under this message's fingerprint.
          let used = token;
          let decision = decide(token);
          // (Only where there is such a store: elsewhere the fingerprint is not computed for it.)
          const shared = decision.allow || !canShare() ? undefined : sharedValue(approvalShareName(evaluation.fingerprint), APPROVAL_SHARE_MAX_AGE_MS);
          if (shared !== undefined && shared !== token) {
            const withShared = decide(shared);
            // Used when it lets the message go, or when the item has no token of its own (the alert then says what it lacks).
            if (withShared.allow || token === undefined) [decision, used] = [withShared, shared];
          }
          // Below Mailbox 1.14 the alert has no Send Anyway and no pane button: its text says where the pane is.
          const completion = completionFor(decision, language, supportsMailbox("1.14") ? "full" : "basic");
          return Promise.all([learn(draft, policy.policy, memory, completion, evaluation.findings), stamp(completion)]).then(() => end(completion, used));
        });
      })
      .catch((error: unknown) => fail(reasonOf(error)))
      .finally(() => {
        if (timer !== undefined) clearTimeout(timer);
      });
  };
}
