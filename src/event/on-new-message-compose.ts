import { serializeComposeStart } from "../memory/compose-start";
import { readComposeStart } from "../office/compose";
import { COMPOSE_SESSION_KEY, writeSessionValue } from "../office/session";
import { completeOnce } from "./complete-once";

/** Must equal the manifest's LaunchEvent FunctionName for OnNewMessageCompose. */
export const ON_NEW_MESSAGE_COMPOSE = "onNewMessageComposeHandler";

/** The record is small and local; a client that takes longer than this gets none (the message is then judged on its own). */
export const COMPOSE_DEADLINE_MS = 10_000;

/**
 * Creates the OnNewMessageCompose handler (Mailbox 1.10): records on the item how the
 * message started (compose type, and the To and CC Outlook pre-filled: a reply-all's
 * participants), so that Send can tell what is new in a reply. It decides nothing and shows
 * nothing; any failure just leaves no record, and the message is judged on its own.
 * Completes the event exactly once.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch
 */
export function createOnNewMessageCompose(config: { deadlineMs?: number } = {}) {
  return function onNewMessageComposeHandler(event: { completed: () => void }): void {
    const complete = completeOnce(event);
    const timer = typeof setTimeout === "function" ? setTimeout(() => complete(), config.deadlineMs ?? COMPOSE_DEADLINE_MS) : undefined;
    Promise.resolve()
      .then(readComposeStart)
      .then((start) => {
        const text = start && serializeComposeStart(start);
        return text === undefined ? undefined : writeSessionValue(COMPOSE_SESSION_KEY, text);
      })
      .catch(() => undefined)
      .then(() => {
        if (timer !== undefined) clearTimeout(timer);
        complete();
      });
  };
}
