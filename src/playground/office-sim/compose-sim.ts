import {
  ASYNC_RESULT_STATUS,
  EVENT_TYPE,
  HOST_ERRORS,
  HostError,
  type HostErrorName,
  parseCommonArgs,
  sessionDataLimit,
  versionAtLeast,
} from "./contract";
import { buildNamespace, detailsOf } from "./namespace";

export type SimField = "to" | "cc" | "bcc";
export type SimRecipientType = "user" | "externalUser" | "distributionList" | "other";

export interface SimRecipient {
  displayName: string;
  emailAddress: string;
  recipientType: SimRecipientType;
}

export interface SimAttachment {
  id: string;
  name: string;
  size: number;
  attachmentType: "file" | "item" | "cloud";
  isInline: boolean;
  content?: Uint8Array | undefined;
  /** Outlook cannot hand this file over (getAttachmentContentAsync fails), as for files attached by "Send to > Mail recipient" in classic Outlook (OfficeDev/office-js#6581). */
  unreadable?: boolean | undefined;
}

export interface SimMailbox {
  from: { displayName: string; emailAddress: string };
  /** How the message was started (getComposeTypeAsync, Mailbox 1.10). */
  composeType: "newMail" | "reply" | "forward";
  to: SimRecipient[];
  cc: SimRecipient[];
  bcc: SimRecipient[];
  subject: string;
  body: string;
  attachments: SimAttachment[];
  /** Internet headers an add-in set on the message (`item.internetHeaders`, Mailbox 1.8); they travel with it. */
  headers: Record<string, string>;
}

/**
 * What a simulated call does instead of succeeding: fail, never call back, throw; or answer
 * in a shape Office documents never to send, which a careful add-in must not take as data:
 * "succeeded" with no value, with null, with a value of the wrong type, an array with a
 * broken element, a callback with no result at all, or "failed" with no error object;
 * or "succeeded" without doing anything ("no-effect": a write that did not happen).
 */
export type Fault = "fail" | "never" | "throw" | "no-value" | "null-value" | "wrong-type" | "bad-element" | "no-result" | "failed-no-error" | "no-effect";

export const FAULTS: readonly Fault[] = ["fail", "never", "throw", "no-value", "null-value", "wrong-type", "bad-element", "no-result", "failed-no-error", "no-effect"];

export type RuntimeKind = "event" | "taskpane";

/**
 * The mailbox's roaming settings for this add-in (Office.context.roamingSettings), shared by
 * every compose item of one mailbox. Each runtime gets a copy when it starts, as Outlook loads
 * them with the add-in; `saveAsync` replaces what is stored with that runtime's copy (the
 * last save wins), within 32 KB.
 */
export class SimRoamingStore {
  stored: Record<string, unknown> = {};
  /** Every successful save, in order (tests count them). */
  readonly saves: Record<string, unknown>[] = [];
  /** Called after each successful save (the playground shows the memory live). */
  onSave: (() => void) | undefined;
  snapshot(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.stored)) as Record<string, unknown>;
  }
}

export interface SimOptions {
  user: { displayName: string; emailAddress: string };
  displayLanguage?: string;
  /** Highest Mailbox requirement set of the simulated client, e.g. "1.14" (classic 2404) or "1.16" (web). */
  mailboxVersion?: string;
  /** Milliseconds before each callback (default 0: a later macrotask, never synchronously). */
  latencyMs?: number;
  /** The mailbox's roaming settings (shared between items); a new empty one when not given. */
  roaming?: SimRoamingStore;
  /** How the host resolves an address an add-in writes (Exchange decides in Outlook). */
  resolve?: (emailAddress: string) => SimRecipientType;
  /**
   * `Office.context.diagnostics.platform` (default "OfficeOnline"). "Mac" also models what
   * Microsoft's runtimes page says of Outlook on Mac: a task pane and an event handler do not
   * share data through the item's sessionData (they share it through localStorage), so here the
   * task pane gets a sessionData of its own. "Android" and "iOS" model Outlook mobile: Mailbox
   * 1.5 with the later APIs Microsoft enabled there for event-based add-ins (from, compose type,
   * sessionData), no attachment reading, and no Smart Alerts (mobile-event-based docs).
   */
  platform?: SimPlatform;
}

export type SimPlatform = "OfficeOnline" | "PC" | "Mac" | "Android" | "iOS";

/** Something in the item changed; the compose UI re-renders on it. */
export type SimChange =
  | { kind: "recipients"; fields: SimField[]; by: "user" | RuntimeKind }
  | { kind: "attachments"; status: "added" | "removed"; id: string; details: ReturnType<typeof detailsOf>; by: "user" | RuntimeKind }
  | { kind: "subject" | "body" | "sessionData"; by: "user" | RuntimeKind };

type Handler = (args: unknown) => void;

/** One add-in runtime (an event runtime per Send, or the task pane) connected to the item. */
export interface SimRuntime {
  readonly kind: RuntimeKind;
  readonly office: unknown;
  readonly associated: Map<string, (event: unknown) => void>;
  initializationContext: string;
  close(): void;
}

interface RuntimeState extends SimRuntime {
  handlers: Map<string, Handler[]>;
  closed: boolean;
}

const FIELDS: readonly SimField[] = ["to", "cc", "bcc"];

/**
 * One compose item in an Outlook-like host, and the `Office` namespace each
 * add-in runtime sees. It follows Office.js's documented contract: callbacks
 * always arrive later with AsyncResult objects, bad arguments throw
 * synchronously as office.js does, per-call and per-field limits apply, item
 * events reach every registered runtime, and any call can be made to fail,
 * throw, or never call back (`setFault`).
 */
export class ComposeSim {
  readonly mailbox: SimMailbox;
  /** The signed-in user (`userProfile`): the From address starts as theirs, and may be changed to a shared mailbox's. */
  readonly user: { displayName: string; emailAddress: string };
  readonly sessionData = new Map<string, string>();
  /** On Mac, the task pane's own sessionData (see SimOptions.platform). */
  readonly paneSessionData = new Map<string, string>();
  readonly platform: SimPlatform;
  /** The item's notification bar (`notificationMessages`), by key. */
  readonly notifications = new Map<string, Record<string, unknown>>();
  readonly roaming: SimRoamingStore;
  /** Every Office call made by an add-in, in order ("to.getAsync", ...). */
  readonly calls: string[] = [];
  displayLanguage: string;
  mailboxVersion: string;
  latencyMs: number;
  private readonly resolveAddress: (emailAddress: string) => SimRecipientType;
  private readonly faults = new Map<string, { fault: Fault; after: number }>();
  private readonly runtimes = new Set<RuntimeState>();
  private readonly listeners = new Set<(change: SimChange) => void>();
  private readonly callListeners = new Set<(call: string) => void>();
  private nextAttachmentId = 0;

  constructor(options: SimOptions) {
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.mailboxVersion = options.mailboxVersion ?? "1.15";
    this.latencyMs = options.latencyMs ?? 0;
    this.resolveAddress = options.resolve ?? (() => "externalUser");
    this.roaming = options.roaming ?? new SimRoamingStore();
    this.platform = options.platform ?? "OfficeOnline";
    this.user = { ...options.user };
    this.mailbox = { from: { ...options.user }, composeType: "newMail", to: [], cc: [], bcc: [], subject: "", body: "", attachments: [], headers: {} };
  }

  // --- Test and playground controls -------------------------------------------------

  /**
   * Makes later calls named `call` (e.g. "to.getAsync") fail, throw or never
   * answer, after `after` more calls have worked (default 0); undefined restores it.
   */
  setFault(call: string, fault: Fault | undefined, options: { after?: number } = {}): void {
    if (fault) this.faults.set(call, { fault, after: options.after ?? 0 });
    else this.faults.delete(call);
  }

  private faultFor(call: string): Fault | undefined {
    const entry = this.faults.get(call);
    if (!entry) return undefined;
    if (entry.after > 0) {
      entry.after -= 1;
      return undefined;
    }
    return entry.fault;
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Told of every Office call as the add-in makes it (before it is answered): lets a test act
   * at an exact point of a handler's run, e.g. another runtime writing while a file is read.
   */
  onCall(listener: (call: string) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  onChange(listener: (change: SimChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isSupported(version: string): boolean {
    return versionAtLeast(this.mailboxVersion, version);
  }

  /** Outlook on Android or iOS. */
  get mobile(): boolean {
    return this.platform === "Android" || this.platform === "iOS";
  }

  // --- What the user does in the compose window --------------------------------------

  setRecipients(field: SimField, recipients: readonly SimRecipient[]): void {
    this.mailbox[field] = recipients.map((r) => ({ ...r }));
    this.recipientsChanged([field], "user");
  }

  setSubject(subject: string): void {
    this.mailbox.subject = subject;
    this.emit({ kind: "subject", by: "user" });
  }

  setBody(body: string): void {
    this.mailbox.body = body;
    this.emit({ kind: "body", by: "user" });
  }

  addAttachment(file: { name: string; size: number; content?: Uint8Array; attachmentType?: SimAttachment["attachmentType"] }): SimAttachment {
    // Classic Outlook and Mac use the attachment's index-like id; web uses opaque EWS ids. Opaque ids catch index assumptions.
    const attachment: SimAttachment = {
      id: `AAMkAttachment${++this.nextAttachmentId}`,
      name: file.name,
      size: file.size,
      attachmentType: file.attachmentType ?? "file",
      isInline: false,
      content: file.content,
    };
    this.mailbox.attachments.push(attachment);
    this.attachmentsChanged("added", attachment, "user");
    return attachment;
  }

  removeAttachment(id: string, by: "user" | RuntimeKind = "user"): boolean {
    const index = this.mailbox.attachments.findIndex((a) => a.id === id);
    if (index < 0) return false;
    const [removed] = this.mailbox.attachments.splice(index, 1);
    if (removed) this.attachmentsChanged("removed", removed, by);
    return true;
  }

  /** A fresh item after the message is sent or discarded; sessionData goes with the old item. */
  reset(): void {
    for (const field of FIELDS) this.mailbox[field] = [];
    this.mailbox.subject = "";
    this.mailbox.body = "";
    this.mailbox.attachments = [];
    this.mailbox.headers = {};
    this.mailbox.composeType = "newMail";
    this.sessionData.clear();
    this.notifications.clear();
    this.emit({ kind: "recipients", fields: [...FIELDS], by: "user" });
  }

  // --- Runtimes ----------------------------------------------------------------------

  /** Connects an add-in runtime and returns the `Office` namespace it sees. */
  connect(kind: RuntimeKind, initializationContext = ""): SimRuntime {
    const runtime: RuntimeState = {
      kind,
      office: undefined,
      associated: new Map(),
      initializationContext,
      handlers: new Map(),
      closed: false,
      close: () => {
        runtime.closed = true;
        runtime.handlers.clear();
        this.runtimes.delete(runtime);
      },
    };
    (runtime as { office: unknown }).office = this.createNamespace(runtime);
    this.runtimes.add(runtime);
    return runtime;
  }

  /**
   * Tells an open task pane that it was asked to open again with new context
   * (Mailbox 1.15 InitializationContextChanged). False when no handler is registered.
   */
  deliverInitializationContext(runtime: SimRuntime, data: string): boolean {
    const state = runtime as RuntimeState;
    state.initializationContext = data;
    const handlers = state.handlers.get(EVENT_TYPE.InitializationContextChanged) ?? [];
    if (state.closed || handlers.length === 0) return false;
    for (const handler of handlers) this.later(() => handler({ type: EVENT_TYPE.InitializationContextChanged, initializationContextData: data }));
    return true;
  }

  // --- Internals ---------------------------------------------------------------------

  private emit(change: SimChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private later(fn: () => void): void {
    setTimeout(fn, this.latencyMs);
  }

  private fireItemEvent(type: string, args: Record<string, unknown>): void {
    for (const runtime of this.runtimes) {
      for (const handler of runtime.handlers.get(type) ?? []) this.later(() => handler({ type, ...args }));
    }
  }

  private recipientsChanged(fields: SimField[], by: "user" | RuntimeKind): void {
    this.emit({ kind: "recipients", fields, by });
    const changed = Object.fromEntries(FIELDS.map((f) => [f, fields.includes(f)]));
    this.fireItemEvent(EVENT_TYPE.RecipientsChanged, { changedRecipientFields: changed });
  }

  private attachmentsChanged(status: "added" | "removed", attachment: SimAttachment, by: "user" | RuntimeKind): void {
    this.emit({ kind: "attachments", status, id: attachment.id, details: detailsOf(attachment), by });
    this.fireItemEvent(EVENT_TYPE.AttachmentsChanged, { attachmentStatus: status, attachmentDetails: detailsOf(attachment) });
  }

  /**
   * Runs one asynchronous Office call: records it, applies an injected fault,
   * then answers on a later macrotask with an AsyncResult.
   */
  private respond(call: string, args: readonly unknown[], callbackRequired: boolean, work: () => unknown): void {
    const { options, callback } = parseCommonArgs(args, callbackRequired);
    this.calls.push(call);
    for (const listener of this.callListeners) listener(call);
    const fault = this.faultFor(call);
    if (fault === "throw") throw new Error(`${call}: simulated exception`);
    if (fault === "never") return;
    this.later(() => {
      let result: Record<string, unknown>;
      if (fault === "no-result") {
        callback?.(undefined);
        return;
      }
      if (fault === "fail") {
        result = failure("InternalServerError", `${call}: simulated failure`);
      } else if (fault === "failed-no-error") {
        result = { status: ASYNC_RESULT_STATUS.Failed, value: undefined, error: undefined };
      } else if (fault === "no-effect") {
        result = { status: ASYNC_RESULT_STATUS.Succeeded, value: undefined, error: undefined };
      } else {
        try {
          const value = work();
          result = { status: ASYNC_RESULT_STATUS.Succeeded, value: fault === undefined ? value : malformed(fault, value), error: undefined };
        } catch (error) {
          result = error instanceof HostError ? failure(error.hostName, error.message) : failure("InternalFormatError", String(error));
        }
      }
      callback?.({ ...result, asyncContext: options?.asyncContext, diagnostics: undefined });
    });
  }

  private createNamespace(runtime: RuntimeState): unknown {
    return buildNamespace(this, runtime, {
      respond: (call, args, required, work) => this.respond(call, args, required, work),
      recipientsChanged: (fields) => this.recipientsChanged(fields, runtime.kind),
      setSessionData: (key, value) => this.setSessionValue(key, value, runtime.kind),
    });
  }

  /** The sessionData a runtime of `kind` sees: the item's, except the task pane's own on Mac. */
  sessionDataOf(kind: RuntimeKind): Map<string, string> {
    return this.platform === "Mac" && kind === "taskpane" ? this.paneSessionData : this.sessionData;
  }

  private setSessionValue(key: string, value: string | undefined, by: RuntimeKind): void {
    const data = this.sessionDataOf(by);
    if (value === undefined) data.delete(key);
    else {
      const total = [...data].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), key.length + value.length);
      if (total > sessionDataLimit(this.mailboxVersion)) throw new HostError("SessionObjectMaxLengthExceeded", "The sessionData object exceeds its size limit.");
      data.set(key, value);
    }
    this.emit({ kind: "sessionData", by });
  }

  resolve(emailAddress: string): SimRecipientType {
    return this.resolveAddress(emailAddress);
  }
}


/** The value a malformed answer carries in place of the real one. */
function malformed(fault: Exclude<Fault, "fail" | "never" | "throw" | "no-result" | "failed-no-error" | "no-effect">, value: unknown): unknown {
  if (fault === "no-value") return undefined;
  if (fault === "null-value") return null;
  if (fault === "bad-element" && Array.isArray(value)) return [...value, null];
  return 42;
}

function failure(name: HostErrorName, message: string): Record<string, unknown> {
  return { status: ASYNC_RESULT_STATUS.Failed, value: undefined, error: { code: HOST_ERRORS[name], name, message } };
}
