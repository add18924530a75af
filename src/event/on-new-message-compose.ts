import { serializeComposeStart } from "../memory/compose-start";
import { CorrespondenceMemory, MEMORY_SETTING_KEY } from "../memory/correspondence";
import { threadLessonOf } from "../memory/lesson";
import { readRoamingValue, saveRoamingValue } from "../office/roaming";
import type { Policy } from "../policy/policy";
import type { ComposeStart } from "../shared/types";
import { readComposeStart } from "../office/compose";
import { COMPOSE_SESSION_KEY, writeSessionValue } from "../office/session";
import { completeOnce } from "./complete-once";
import { builtInPolicyLater, loadPolicy } from "./policy-source";

/** Must equal the manifest's LaunchEvent FunctionName for OnNewMessageCompose. */
export const ON_NEW_MESSAGE_COMPOSE = "onNewMessageComposeHandler";

/** The record is small and local; a client that takes longer than this gets none (the message is then judged on its own). */
export const COMPOSE_DEADLINE_MS = 10_000;
/** How long compose start waits for policy.json (nobody waits on it; the Send fetches again if it did not come). */
export const COMPOSE_POLICY_FETCH_MS = 3000;

/**
 * Creates the OnNewMessageCompose handler (Mailbox 1.10): records on the item how the
 * message started (compose type, and the To and CC Outlook pre-filled: a reply-all's
 * participants), so that Send can tell what is new in a reply, and teaches the memory that those
 * participants have seen each other (received mail). It decides nothing and shows
 * nothing; any failure just leaves no record, and the message is judged on its own.
 * Completes the event exactly once.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch
 */
export function createOnNewMessageCompose(config: { deadlineMs?: number; embeddedPolicy?: unknown; origin?: string; policyFetchMs?: number } = {}) {
  const embedded = config.embeddedPolicy === undefined ? undefined : builtInPolicyLater(config.embeddedPolicy);

  /**
   * The policy for this message, found as the Send will find it (policy/source.ts); when it comes
   * from policy.json it is kept on the item sealed (validated once), so the Send reads it back
   * without fetching or validating again. Without an origin (tests), the policy built in.
   */
  const policyFor = (): Promise<Policy | undefined> => {
    if (!embedded) return Promise.resolve(undefined);
    const found = config.origin === undefined ? embedded() : loadPolicy(embedded, config.origin, config.policyFetchMs ?? COMPOSE_POLICY_FETCH_MS);
    return found.then((result) => (result.ok ? result.policy : undefined));
  };

  /**
   * A reply's participants received the message together: the memory learns them as a group
   * (received mail). Classified with the message's policy. Best effort: a failed save only
   * means the memory did not grow.
   */
  const learnThread = (start: ComposeStart, policy: Policy | undefined): Promise<void> => {
    if (!policy || !policy.memory.learn) return Promise.resolve();
    const lesson = threadLessonOf(start, policy);
    if (lesson.group.length === 0) return Promise.resolve();
    const memory = CorrespondenceMemory.decode(readRoamingValue(MEMORY_SETTING_KEY)) ?? CorrespondenceMemory.empty();
    if (!memory.learn(lesson, Date.now())) return Promise.resolve();
    return saveRoamingValue(MEMORY_SETTING_KEY, memory.encode()).catch(() => undefined);
  };

  return function onNewMessageComposeHandler(event: { completed: () => void }): void {
    const complete = completeOnce(event);
    const timer = typeof setTimeout === "function" ? setTimeout(() => complete(), config.deadlineMs ?? COMPOSE_DEADLINE_MS) : undefined;
    Promise.resolve()
      .then(() => Promise.all([readComposeStart(), policyFor().catch(() => undefined)]))
      .then(([start, policy]) => {
        const text = start && serializeComposeStart(start);
        return Promise.all([text === undefined ? undefined : writeSessionValue(COMPOSE_SESSION_KEY, text), start ? learnThread(start, policy) : undefined]);
      })
      .catch(() => undefined)
      .then(() => {
        if (timer !== undefined) clearTimeout(timer);
        complete();
      });
  };
}
