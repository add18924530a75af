import type { ComposeSim, SimAttachment, SimField, SimRecipient, RuntimeKind } from "./compose-sim";
import {
  argumentError,
  argumentOutOfRange,
  ASYNC_RESULT_STATUS,
  ATTACHMENT_ID_LIMIT,
  DISPLAY_NAME_LIMIT,
  EVENT_TYPE,
  HostError,
  MAILBOX_ENUMS,
  NOTIFICATION_KEY_LIMIT,
  NOTIFICATION_MESSAGE_LIMIT,
  NOTIFICATIONS_PER_ITEM,
  RECIPIENTS_PER_CALL,
  recipientLimit,
  ROAMING_SETTINGS_LIMIT,
  serializedSettingsLength,
  SMTP_ADDRESS_LIMIT,
} from "./contract";

type Handler = (args: unknown) => void;

/** The parts of a connected runtime the namespace needs. */
export interface NamespaceRuntime {
  kind: RuntimeKind;
  associated: Map<string, (event: unknown) => void>;
  handlers: Map<string, Handler[]>;
  initializationContext: string;
}

export interface NamespaceHooks {
  respond(call: string, args: readonly unknown[], callbackRequired: boolean, work: () => unknown): void;
  recipientsChanged(fields: SimField[]): void;
  setSessionData(key: string, value: string | undefined): void;
}

export function detailsOf(attachment: SimAttachment) {
  return {
    id: attachment.id,
    name: attachment.name,
    size: attachment.size,
    attachmentType: attachment.attachmentType,
    isInline: attachment.isInline,
  };
}

function checkRecipient(displayName: unknown, emailAddress: unknown): { displayName: string; emailAddress: string } {
  if (!displayName && !emailAddress) throw argumentError("recipients");
  if (typeof displayName === "string" && displayName.length > DISPLAY_NAME_LIMIT) throw argumentOutOfRange("recipients", displayName.length);
  if (typeof emailAddress === "string" && emailAddress.length > SMTP_ADDRESS_LIMIT) throw argumentOutOfRange("recipients", emailAddress.length);
  if (typeof displayName !== "string" && typeof emailAddress !== "string") throw argumentError("recipients");
  const address = typeof emailAddress === "string" ? emailAddress : String(displayName);
  return { displayName: typeof displayName === "string" && displayName ? displayName : address, emailAddress: address };
}

/** office.js `validateRecipientParameters`: an array of at most 100 strings or {displayName, emailAddress}. */
function recipientArgument(recipients: unknown): { displayName: string; emailAddress: string }[] {
  if (!Array.isArray(recipients)) throw argumentError("recipients");
  if (recipients.length > RECIPIENTS_PER_CALL) throw argumentOutOfRange("recipients", recipients.length);
  return recipients.map((recipient: unknown) => {
    if (typeof recipient === "string") return checkRecipient(recipient, recipient);
    if (recipient && typeof recipient === "object") {
      const r = recipient as { displayName?: unknown; emailAddress?: unknown };
      return checkRecipient(r.displayName, r.emailAddress);
    }
    throw argumentError("recipients");
  });
}

function stringArgument(name: string, value: unknown): string {
  if (typeof value !== "string") throw argumentError(name);
  return value;
}

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const NOTIFICATION_TYPES: readonly string[] = Object.values(MAILBOX_ENUMS.ItemNotificationMessageType);

/**
 * office.js checks a notification before it asks the host: the key (at most 32 characters) and
 * the details (a known type; a message of at most 150 characters; an InformationalMessage needs
 * an icon and a persistent flag, which other types must not carry). A bad argument throws.
 */
function notificationArguments(key: unknown, details: unknown): { key: string; details: Record<string, unknown> } {
  const name = stringArgument("key", key);
  if (name.length === 0 || name.length > NOTIFICATION_KEY_LIMIT) throw argumentOutOfRange("key", name.length);
  if (!details || typeof details !== "object") throw argumentError("JSONmessage");
  const d = details as Record<string, unknown>;
  if (typeof d.type !== "string" || !NOTIFICATION_TYPES.includes(d.type)) throw argumentError("type");
  const message = stringArgument("message", d.message);
  if (message.length === 0 || message.length > NOTIFICATION_MESSAGE_LIMIT) throw argumentOutOfRange("message", message.length);
  const informational = d.type === MAILBOX_ENUMS.ItemNotificationMessageType.InformationalMessage;
  if (informational && (typeof d.icon !== "string" || typeof d.persistent !== "boolean")) throw argumentError(typeof d.icon !== "string" ? "icon" : "persistent");
  if (!informational && (d.icon !== undefined || d.persistent !== undefined)) throw argumentError(d.icon !== undefined ? "icon" : "persistent");
  return { key: name, details: { ...d } };
}

/** Mailbox 1.3 `item.notificationMessages`, kept on the simulated item. */
function notificationMessages(sim: ComposeSim, respond: NamespaceHooks["respond"]) {
  const bar = sim.notifications;
  const put = (key: string, details: Record<string, unknown>, mayReplace: boolean) => {
    if (bar.has(key) && !mayReplace) throw new HostError("DuplicateNotificationKey", `A notification with key ${key} already exists.`);
    if (!bar.has(key) && bar.size >= NOTIFICATIONS_PER_ITEM) throw new HostError("NumberOfNotificationMessagesExceeded", "An item can show at most five notifications.");
    bar.set(key, details);
  };
  return {
    addAsync: (key: unknown, details: unknown, ...args: unknown[]) => {
      const checked = notificationArguments(key, details);
      respond("notificationMessages.addAsync", args, false, () => put(checked.key, checked.details, false));
    },
    replaceAsync: (key: unknown, details: unknown, ...args: unknown[]) => {
      const checked = notificationArguments(key, details);
      respond("notificationMessages.replaceAsync", args, false, () => put(checked.key, checked.details, true));
    },
    removeAsync: (key: unknown, ...args: unknown[]) => {
      const name = stringArgument("key", key);
      respond("notificationMessages.removeAsync", args, false, () => {
        if (!bar.delete(name)) throw new HostError("KeyNotFound", `No notification has the key ${name}.`);
      });
    },
    getAllAsync: (...args: unknown[]) => respond("notificationMessages.getAllAsync", args, true, () => [...bar].map(([key, d]) => ({ key, ...d }))),
  };
}

/** Mailbox 1.8 `item.internetHeaders` in compose: names and values are strings; set replaces a header of the same name. */
function internetHeaders(sim: ComposeSim, respond: NamespaceHooks["respond"]) {
  const names = (value: unknown, argument: string): string[] => {
    if (!Array.isArray(value) || !value.every((n) => typeof n === "string")) throw argumentError(argument);
    return value as string[];
  };
  const find = (name: string) => Object.keys(sim.mailbox.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return {
    setAsync: (headers: unknown, ...args: unknown[]) => {
      if (!headers || typeof headers !== "object" || Array.isArray(headers)) throw argumentError("headers");
      const entries = Object.entries(headers as Record<string, unknown>);
      if (!entries.every(([, v]) => typeof v === "string")) throw argumentError("headers");
      respond("internetHeaders.setAsync", args, false, () => {
        for (const [name, value] of entries) {
          const existing = find(name);
          if (existing !== undefined) delete sim.mailbox.headers[existing];
          sim.mailbox.headers[name] = value as string;
        }
      });
    },
    getAsync: (wanted: unknown, ...args: unknown[]) => {
      const list = names(wanted, "names");
      respond("internetHeaders.getAsync", args, true, () =>
        Object.fromEntries(list.flatMap((n) => (find(n) === undefined ? [] : [[n, sim.mailbox.headers[find(n) as string] as string]]))),
      );
    },
    removeAsync: (wanted: unknown, ...args: unknown[]) => {
      const list = names(wanted, "names");
      respond("internetHeaders.removeAsync", args, false, () => {
        for (const n of list) {
          const existing = find(n);
          if (existing !== undefined) delete sim.mailbox.headers[existing];
        }
      });
    },
  };
}

/** The `Office` namespace one runtime sees, bound to the simulated compose item. */
export function buildNamespace(sim: ComposeSim, runtime: NamespaceRuntime, hooks: NamespaceHooks): unknown {
  const { respond } = hooks;
  const mailbox = sim.mailbox;
  const limit = () => recipientLimit(sim.mailboxVersion);
  const copy = (r: SimRecipient) => ({ displayName: r.displayName, emailAddress: r.emailAddress, recipientType: r.recipientType, appointmentResponse: undefined });
  const resolved = (list: { displayName: string; emailAddress: string }[]): SimRecipient[] =>
    list.map((r) => ({ ...r, recipientType: sim.resolve(r.emailAddress) }));

  const recipients = (field: SimField) => ({
    getAsync: (...args: unknown[]) => respond(`${field}.getAsync`, args, true, () => mailbox[field].slice(0, limit()).map(copy)),
    setAsync: (list: unknown, ...args: unknown[]) => {
      const normalized = recipientArgument(list);
      respond(`${field}.setAsync`, args, false, () => {
        if (normalized.length > limit()) throw new HostError("NumberOfRecipientsExceeded", `A field can hold at most ${limit()} recipients.`);
        mailbox[field] = resolved(normalized);
        hooks.recipientsChanged([field]);
      });
    },
    addAsync: (list: unknown, ...args: unknown[]) => {
      const normalized = recipientArgument(list);
      respond(`${field}.addAsync`, args, false, () => {
        if (mailbox[field].length + normalized.length > limit()) {
          throw new HostError("NumberOfRecipientsExceeded", `A field can hold at most ${limit()} recipients.`);
        }
        mailbox[field] = [...mailbox[field], ...resolved(normalized)];
        hooks.recipientsChanged([field]);
      });
    },
  });

  const findAttachment = (id: string) => {
    const found = mailbox.attachments.find((a) => a.id === id);
    if (!found) throw new HostError("InvalidAttachmentId", "The attachment ID was invalid.");
    return found;
  };
  const attachmentId = (id: unknown) => {
    const value = stringArgument("attachmentId", id);
    if (value.length > ATTACHMENT_ID_LIMIT) throw argumentOutOfRange("attachmentId", value.length);
    return value;
  };

  const supportedEvents = (): string[] => {
    const events: string[] = [EVENT_TYPE.RecipientsChanged];
    if (sim.isSupported("1.8")) events.push(EVENT_TYPE.AttachmentsChanged);
    // Function commands and event runtimes cannot register this one: task panes only.
    if (sim.isSupported("1.15") && runtime.kind === "taskpane") events.push(EVENT_TYPE.InitializationContextChanged);
    return events;
  };

  const item = {
    itemType: MAILBOX_ENUMS.ItemType.Message,
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    from: { getAsync: (...args: unknown[]) => respond("from.getAsync", args, true, () => ({ ...mailbox.from })) },
    subject: {
      getAsync: (...args: unknown[]) => respond("subject.getAsync", args, true, () => mailbox.subject),
      setAsync: (subject: unknown, ...args: unknown[]) => {
        const value = stringArgument("subject", subject);
        if (value.length > 255) throw argumentOutOfRange("subject", value.length);
        respond("subject.setAsync", args, false, () => {
          mailbox.subject = value;
        });
      },
    },
    body: {
      getAsync: (coercionType: unknown, ...args: unknown[]) => {
        stringArgument("coercionType", coercionType);
        respond("body.getAsync", args, true, () => mailbox.body);
      },
    },
    // Mailbox 1.8: not on Outlook mobile (1.5), where an add-in cannot see the files.
    ...(sim.isSupported("1.8") ? { getAttachmentsAsync: (...args: unknown[]) => respond("getAttachmentsAsync", args, true, () => mailbox.attachments.map(detailsOf)) } : {}),
    getAttachmentContentAsync: (id: unknown, ...args: unknown[]) => {
      const value = attachmentId(id);
      respond("getAttachmentContentAsync", args, true, () => {
        const attachment = findAttachment(value);
        if (attachment.unreadable) throw new HostError("InternalServerError", "The attachment content could not be retrieved.");
        return { format: "base64", content: base64Of(attachment.content ?? new Uint8Array(0)) };
      });
    },
    removeAttachmentAsync: (id: unknown, ...args: unknown[]) => {
      const value = attachmentId(id);
      respond("removeAttachmentAsync", args, false, () => {
        findAttachment(value);
        sim.removeAttachment(value, runtime.kind);
      });
    },
    // Mailbox 1.10; the coercion type is that of the body, which the simulator keeps as text.
    // Mailbox 1.10, and enabled on Outlook mobile for event-based add-ins.
    ...(sim.isSupported("1.10") || sim.mobile
      ? { getComposeTypeAsync: (...args: unknown[]) => respond("getComposeTypeAsync", args, true, () => ({ composeType: mailbox.composeType, coercionType: "text" })) }
      : {}),
    getInitializationContextAsync: (...args: unknown[]) => respond("getInitializationContextAsync", args, true, () => runtime.initializationContext),
    addHandlerAsync: (eventType: unknown, handler: unknown, ...args: unknown[]) => {
      const type = stringArgument("eventType", eventType);
      if (typeof handler !== "function") throw argumentError("handler");
      respond("addHandlerAsync", args, false, () => {
        if (!supportedEvents().includes(type)) throw new HostError("InvalidEventType", `Event ${type} is not supported here.`);
        runtime.handlers.set(type, [...(runtime.handlers.get(type) ?? []), handler as Handler]);
      });
    },
    removeHandlerAsync: (eventType: unknown, ...args: unknown[]) => {
      const type = stringArgument("eventType", eventType);
      respond("removeHandlerAsync", args, false, () => {
        runtime.handlers.delete(type);
      });
    },
    notificationMessages: notificationMessages(sim, respond),
    // Mailbox 1.8: custom internet headers on the message being composed.
    ...(sim.isSupported("1.8") ? { internetHeaders: internetHeaders(sim, respond) } : {}),
    sessionData: {
      getAsync: (key: unknown, ...args: unknown[]) => {
        const name = stringArgument("name", key);
        respond("sessionData.getAsync", args, true, () => sim.sessionDataOf(runtime.kind).get(name) ?? "");
      },
      getAllAsync: (...args: unknown[]) => respond("sessionData.getAllAsync", args, true, () => Object.fromEntries(sim.sessionDataOf(runtime.kind))),
      setAsync: (key: unknown, value: unknown, ...args: unknown[]) => {
        const name = stringArgument("name", key);
        const text = stringArgument("value", value);
        respond("sessionData.setAsync", args, false, () => hooks.setSessionData(name, text));
      },
      removeAsync: (key: unknown, ...args: unknown[]) => {
        const name = stringArgument("name", key);
        respond("sessionData.removeAsync", args, false, () => hooks.setSessionData(name, undefined));
      },
      clearAsync: (...args: unknown[]) =>
        respond("sessionData.clearAsync", args, false, () => {
          for (const key of [...sim.sessionDataOf(runtime.kind).keys()]) hooks.setSessionData(key, undefined);
        }),
    },
  };

  // Loaded when the runtime starts; later saves by other runtimes are not seen here (as in Outlook).
  const roamingCopy = sim.roaming.snapshot();
  const roamingSettings = {
    get: (name: unknown) => {
      const key = stringArgument("name", name);
      return Object.prototype.hasOwnProperty.call(roamingCopy, key) ? roamingCopy[key] : null;
    },
    set: (name: unknown, value: unknown) => {
      roamingCopy[stringArgument("name", name)] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    },
    remove: (name: unknown) => {
      delete roamingCopy[stringArgument("name", name)];
    },
    saveAsync: (...args: unknown[]) =>
      respond("roamingSettings.saveAsync", args, false, () => {
        if (serializedSettingsLength(roamingCopy) > ROAMING_SETTINGS_LIMIT) throw new HostError("GenericSettingsError", "The settings could not be saved.");
        sim.roaming.stored = JSON.parse(JSON.stringify(roamingCopy)) as Record<string, unknown>;
        sim.roaming.saves.push(sim.roaming.snapshot());
        sim.roaming.onSave?.();
      }),
  };

  let initialize: ((reason: unknown) => void) | undefined;
  const office = {
    AsyncResultStatus: ASYNC_RESULT_STATUS,
    EventType: EVENT_TYPE,
    MailboxEnums: MAILBOX_ENUMS,
    CoercionType: { Text: "text", Html: "html" },
    HostType: { Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    actions: {
      associate: (name: string, handler: (event: unknown) => void) => runtime.associated.set(name, handler),
    },
    context: {
      get displayLanguage() {
        return sim.displayLanguage;
      },
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "Mailbox" && sim.isSupported(version ?? "1.1"),
      },
      roamingSettings,
      mailbox: {
        item,
        userProfile: { displayName: sim.user.displayName, emailAddress: sim.user.emailAddress, accountType: "office365", timeZone: "Tokyo Standard Time" },
        diagnostics: { hostName: "Outlook", hostVersion: "16.0", platform: sim.platform, ...(sim.platform === "OfficeOnline" ? { OWAView: "ThreeColumn" } : {}) },
      },
    },
    get initialize() {
      return initialize;
    },
    set initialize(fn: ((reason: unknown) => void) | undefined) {
      initialize = fn;
    },
    /** Resolves on a later task, as office.js does once the host has answered. */
    onReady: (callback?: (info: { host: string; platform: string }) => void) =>
      new Promise((resolve) => {
        setTimeout(() => {
          const info = { host: "Outlook", platform: sim.platform };
          initialize?.("");
          callback?.(info);
          resolve(info);
        }, 0);
      }),
  };
  return office;
}


