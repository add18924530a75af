/**
 * Constants and argument rules of Outlook's JavaScript API (Office.js) that the
 * simulator follows. Values are those of office.js 1.1 (`outlook-web-16.01.js`)
 * and the Outlook API reference:
 * https://learn.microsoft.com/javascript/api/outlook/office.recipients
 * https://learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins
 */

export const ASYNC_RESULT_STATUS = { Succeeded: "succeeded", Failed: "failed" } as const;

export const EVENT_TYPE = {
  RecipientsChanged: "olkRecipientsChanged",
  AttachmentsChanged: "olkAttachmentsChanged",
  InitializationContextChanged: "olkInitializationContextChanged",
} as const;

export const MAILBOX_ENUMS = {
  RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" },
  AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
  AttachmentStatus: { Added: "added", Removed: "removed" },
  SendModeOverride: { PromptUser: "promptUser" },
  ItemType: { Message: "message", Appointment: "appointment" },
  ComposeType: { Reply: "reply", NewMail: "newMail", Forward: "forward" },
  ItemNotificationMessageType: { ProgressIndicator: "progressIndicator", InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage", InsightMessage: "insightMessage" },
} as const;

/** `setAsync` / `addAsync` accept at most 100 recipients per call (office.js `recipientsLimit`). */
export const RECIPIENTS_PER_CALL = 100;
export const DISPLAY_NAME_LIMIT = 255;
export const SMTP_ADDRESS_LIMIT = 571;
/** Attachment ids passed to removeAttachmentAsync (office.js `MaxRemoveIdLength`). */
export const ATTACHMENT_ID_LIMIT = 200;

/** Host error codes (office.js `addErrorMessage`). */
export const HOST_ERRORS = {
  InternalFormatError: 9002,
  InvalidAttachmentId: 9003,
  AttachmentToDeleteDoesNotExist: 9008,
  NumberOfRecipientsExceeded: 9012,
  InvalidEventType: 5000,
  SessionObjectMaxLengthExceeded: 9051,
  GenericSettingsError: 9019,
  InternalServerError: 9042,
  // notificationMessages: documented by name; the reference publishes no number for them.
  KeyNotFound: undefined,
  NumberOfNotificationMessagesExceeded: undefined,
  DuplicateNotificationKey: undefined,
} as const;

/** notificationMessages limits: a key of at most 32 characters, a message of at most 150, five per item. */
export const NOTIFICATION_KEY_LIMIT = 32;
export const NOTIFICATION_MESSAGE_LIMIT = 150;
export const NOTIFICATIONS_PER_ITEM = 5;

export type HostErrorName = keyof typeof HOST_ERRORS;

export function versionAtLeast(have: string, want: string): boolean {
  const [hMajor = 0, hMinor = 0] = have.split(".").map(Number);
  const [wMajor = 0, wMinor = 0] = want.split(".").map(Number);
  return hMajor > wMajor || (hMajor === wMajor && hMinor >= wMinor);
}

/** How many recipients `getAsync` returns, and a field may hold for add-ins: 500 before Mailbox 1.16, then 1,000. */
export function recipientLimit(mailboxVersion: string): number {
  return versionAtLeast(mailboxVersion, "1.16") ? 1000 : 500;
}

/** sessionData size per add-in per item: 50,000 characters before Mailbox 1.16, then 2,621,440. */
export function sessionDataLimit(mailboxVersion: string): number {
  return versionAtLeast(mailboxVersion, "1.16") ? 2_621_440 : 50_000;
}

/** Roaming settings: all of an add-in's settings, serialised as office.js does, may hold 32 KB characters (`settingsMaxNumberOfCharacters`). */
export const ROAMING_SETTINGS_LIMIT = 32 * 1024;

/** office.js `serializeSettings`: each value as JSON text, then the whole bag as JSON, is what the limit counts. */
export function serializedSettingsLength(values: Readonly<Record<string, unknown>>): number {
  const bag: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) bag[key] = JSON.stringify(value);
  return JSON.stringify(bag).length;
}

/** The exceptions office.js throws synchronously for bad arguments (before reaching the host). */
export function argumentOutOfRange(parameter: string, actual?: number): Error {
  const suffix = actual === undefined ? "" : `\nActual value was ${actual}.`;
  return new Error(`Sys.ArgumentOutOfRangeException: Specified argument was out of the range of valid values.\nParameter name: ${parameter}${suffix}`);
}

export function argumentError(parameter: string): Error {
  return new Error(`Sys.ArgumentException: Value does not fall within the expected range.\nParameter name: ${parameter}`);
}

export interface CommonArgs {
  options: { asyncContext?: unknown } | undefined;
  callback: ((result: unknown) => void) | undefined;
}

/**
 * office.js `parseCommonArgs`: trailing arguments are `(callback)`, `(options)`,
 * `(options, callback)` or nothing; anything else throws. Getters require the callback.
 */
export function parseCommonArgs(args: readonly unknown[], callbackRequired: boolean): CommonArgs {
  let options: CommonArgs["options"];
  let callback: CommonArgs["callback"];
  if (args.length === 1) {
    if (typeof args[0] === "function") callback = args[0] as CommonArgs["callback"];
    else if (typeof args[0] === "object" && args[0] !== null) options = args[0] as CommonArgs["options"];
    else throw new Error("Sys.ArgumentTypeException: Object cannot be converted to the required type.");
  } else if (args.length === 2) {
    if (typeof args[0] !== "object") throw argumentError("options");
    if (typeof args[1] !== "function") throw argumentError("callback");
    options = (args[0] ?? undefined) as CommonArgs["options"];
    callback = args[1] as CommonArgs["callback"];
  } else if (args.length !== 0) {
    throw new Error("Sys.ParameterCountException: Parameter count mismatch.");
  }
  if (callbackRequired && !callback) throw new Error("Sys.ArgumentNullException: Value cannot be null.\nParameter name: callback");
  return { options, callback };
}

/** A failure the host reports through the callback (not a thrown exception). */
export class HostError extends Error {
  constructor(
    readonly hostName: HostErrorName,
    message: string,
  ) {
    super(message);
  }
}
