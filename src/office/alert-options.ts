import { supportsMailbox } from "./host";

/** The compose ribbon button that opens the task pane; Smart Alerts' `commandId` must equal it (manifest.xml). */
export const TASKPANE_COMMAND_ID = "SendGuardComposeButton";

export interface BlockAlert {
  errorMessage: string;
  cancelLabel: string;
  contextData: string;
  /** Offer Send Anyway (confirm verdict). */
  promptUser: boolean;
}

/**
 * Builds `event.completed` options for a blocked send. The task-pane button,
 * its label, context data and Send Anyway need Mailbox 1.14; older clients get
 * the message only.
 * https://learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions
 */
export function blockOptions(alert: BlockAlert): Office.SmartAlertsEventCompletedOptions {
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: alert.errorMessage };
  if (!supportsMailbox("1.14")) return options;
  options.cancelLabel = alert.cancelLabel;
  options.commandId = TASKPANE_COMMAND_ID;
  // Classic Outlook before 2402 accepts only a string here, so always send JSON text.
  options.contextData = alert.contextData;
  if (alert.promptUser) {
    options.sendModeOverride = Office.MailboxEnums?.SendModeOverride?.PromptUser ?? ("promptUser" as Office.MailboxEnums.SendModeOverride);
  }
  return options;
}

export const ALLOW_OPTIONS: Office.SmartAlertsEventCompletedOptions = { allowEvent: true };
