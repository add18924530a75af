import { officeCall } from "./async";

/**
 * The compose window's notification bar (Mailbox 1.3 `item.notificationMessages`), the one
 * way an add-in can tell the sender something while composing on Outlook for Android and iOS,
 * where Smart Alerts do not run. One message per key: replaced as the recipients change,
 * removed when nothing is left to say.
 * https://learn.microsoft.com/javascript/api/outlook/office.notificationmessages
 */

/** The key of Send Guard's warning (at most 32 characters). */
export const WARNING_KEY = "sendguard-warning";
/** The manifest's icon resource the notification shows (InformationalMessage needs one). */
const ICON = "Icon.16x16";

function messages(): Office.NotificationMessages | undefined {
  return Office.context?.mailbox?.item?.notificationMessages;
}

/** Shows `message` (at most 150 characters) until it is replaced or removed. */
export function showNotification(message: string): Promise<void> {
  const bar = messages();
  if (!bar) return Promise.reject(new Error("this Outlook has no notification bar"));
  const details: Office.NotificationMessageDetails = {
    type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message,
    icon: ICON,
    persistent: true,
  };
  return officeCall<void>("notificationMessages.replaceAsync", (cb) => bar.replaceAsync(WARNING_KEY, details, cb));
}

/**
 * Removes the warning. Office reports an error when there is none under the key (first
 * message, or nothing was ever shown); nothing more can be done about a failed removal either,
 * so it resolves in every case.
 */
export function clearNotification(): Promise<void> {
  const bar = messages();
  if (!bar) return Promise.resolve();
  return officeCall<void>("notificationMessages.removeAsync", (cb) => bar.removeAsync(WARNING_KEY, cb)).catch(() => undefined);
}
