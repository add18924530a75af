import type { SendDecision } from "../approval/decide";
import { alertText, approvalAlertText, failureText, type AlertClient, type FailureReason, type Language } from "../i18n";
import type { BlockAlert } from "../office/alert-options";
import type { Policy } from "../policy";
import type { AlertContext } from "../shared/types";

/**
 * How a Send ends, decided without Office: let it go (reporting an approval that was used),
 * or stop it with a Smart Alert (its text, the context the pane opens with, and whether
 * Send Anyway is offered). office/alert-options turns it into `event.completed` options.
 */
export type SendCompletion =
  | { allow: true; approvedReview?: string | undefined; /** The sender confirmed a `confirm` verdict in the pane. */ confirmedBySender?: true | undefined }
  | { allow: false; alert: BlockAlert };

/**
 * The alert for a decision that stops the message: what is found, or what the approval did not
 * cover; worded for what this client's alert offers (`basic`: no Send Anyway, no pane button).
 */
export function completionFor(decision: SendDecision, language: Language, client: AlertClient = "full"): SendCompletion {
  if (decision.allow) return { allow: true, approvedReview: decision.approved?.rid, ...(decision.confirmedBySender ? { confirmedBySender: true as const } : {}) };
  const text =
    decision.approval?.refusal === "not-covered"
      ? approvalAlertText(decision.findings, decision.verdict, decision.approval.claims?.rvn ?? decision.approval.claims?.rev ?? "", language, client)
      : alertText(decision, language, client);
  return { allow: false, alert: { ...text, contextData: JSON.stringify(decision.context), promptUser: decision.promptUser } };
}

/**
 * When the check could not finish (an Office error, an invalid policy, the deadline): the
 * policy's failMode decides. "open" lets the message go; "closed" (the default) stops it
 * with the reason in words and no Send Anyway.
 */
export function failureCompletion(reason: FailureReason, failMode: Policy["failMode"], language: Language): SendCompletion {
  if (failMode === "open") return { allow: true };
  const context: AlertContext = { v: 1, verdict: "error", codes: [], fingerprint: null, error: reason };
  return { allow: false, alert: { ...failureText(reason, language), contextData: JSON.stringify(context), promptUser: false } };
}
