import { composeFailureText, composeWarningText, languageOf } from "../i18n";
import { parseComposeStart } from "../memory/compose-start";
import { CorrespondenceMemory, MEMORY_SETTING_KEY, taughtKeys } from "../memory/correspondence";
import { readDraft } from "../office/draft";
import { displayLanguage } from "../office/host";
import { clearNotification, showNotification } from "../office/notifications";
import { readRoamingValue } from "../office/roaming";
import { COMPOSE_SESSION_KEY, readSessionValue, TAUGHT_SESSION_KEY } from "../office/session";
import { evaluate } from "../policy/engine";
import { completeOnce } from "./complete-once";
import { builtInPolicyLater, loadPolicy } from "./policy-source";

/** Must equal the manifest's LaunchEvent FunctionName for OnMessageRecipientsChanged (MobileFormFactor). */
export const ON_RECIPIENTS_CHANGED = "onMessageRecipientsChangedHandler";

/** Outlook mobile gives an event-based add-in 60 seconds; the warning is worth little after a few. */
export const RECIPIENTS_DEADLINE_MS = 8000;
/** How long to wait for policy.json before judging with the policy built in. */
export const RECIPIENTS_POLICY_FETCH_MS = 3000;

function safeLanguage() {
  try {
    return languageOf(displayLanguage());
  } catch {
    return languageOf(undefined);
  }
}

/**
 * Creates the OnMessageRecipientsChanged handler for Outlook on Android and iOS, where Smart
 * Alerts do not run and nothing can stop a message at Send: each time recipients change it
 * judges the message as Send would (recipients, From, subject, how the message started, the
 * correspondence memory; not the files, which mobile add-ins cannot read) and shows the strictest
 * finding in the compose window's notification bar, or removes the warning once nothing is left.
 * When the check cannot finish it says so rather than staying silent. Completes exactly once.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/mobile-event-based
 */
export function createOnRecipientsChanged(config: { origin: string; embeddedPolicy: unknown; deadlineMs?: number; policyFetchMs?: number }) {
  const embedded = builtInPolicyLater(config.embeddedPolicy);

  return function onMessageRecipientsChangedHandler(event: { completed: () => void }): void {
    const complete = completeOnce(event);
    const language = safeLanguage();
    let ended = false;
    const end = (show: () => Promise<void>) => {
      if (ended) return;
      ended = true;
      if (timer !== undefined) clearTimeout(timer);
      show()
        .catch(() => undefined)
        .then(() => complete());
    };
    const failed = () => end(() => showNotification(composeFailureText(language)));
    const timer = typeof setTimeout === "function" ? setTimeout(failed, config.deadlineMs ?? RECIPIENTS_DEADLINE_MS) : undefined;

    Promise.all([
      readDraft(),
      loadPolicy(embedded, config.origin, config.policyFetchMs ?? RECIPIENTS_POLICY_FETCH_MS),
      readSessionValue(COMPOSE_SESSION_KEY).catch(() => undefined),
      readSessionValue(TAUGHT_SESSION_KEY).catch(() => undefined),
    ])
      .then(([draft, policy, composeText, taughtText]) => {
        if (!policy.ok) return failed();
        const memory = CorrespondenceMemory.decode(readRoamingValue(MEMORY_SETTING_KEY));
        const evaluation = evaluate(draft, policy.policy, { composeStart: parseComposeStart(composeText), memory: memory?.without(memory.groupIdOf(taughtKeys(taughtText))) });
        if (evaluation.verdict === "allow") return end(clearNotification);
        return end(() => showNotification(composeWarningText(evaluation, language)));
      })
      .catch(failed);
  };
}
