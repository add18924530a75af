import { languageOf, type Language } from "../i18n";
import { formatPolicyErrors, parsePolicyText, type Policy } from "../policy";
import type { Draft } from "../shared/types";
import { POLICY_SESSION_KEY } from "../shared/session-keys";
import { CorrespondenceMemory, MEMORY_SETTING_KEY, type MemoryCounts } from "../memory/correspondence";
import type { Example } from "./examples";
import type { ManifestInfo } from "./manifest-info";
import { ComposeSim, type Fault, type SimChange, type SimField, type SimMailbox, type SimRecipient, type SimRuntime } from "./office-sim";
import { parseTyped, resolverFor } from "./recipients";
import { whatRecipientsSee, type DeliveredView } from "./visibility";

type SimChangeDetails = Extract<SimChange, { kind: "attachments" }>["details"];

export interface SentMessage {
  id: number;
  subject: string;
  from: string;
  to: SimRecipient[];
  cc: SimRecipient[];
  bcc: SimRecipient[];
  attachments: { name: string; size: number }[];
  /** The internet headers it left with (Send Guard's stamp, for the mail-flow backstop). */
  headers: Record<string, string>;
  view: DeliveredView;
}

/** The Smart Alerts dialog as Outlook would draw it from the options the handler completed with. */
export interface AlertState {
  message: string;
  /** The Take Action button: label and the task-pane context, when `commandId` names a task-pane control. */
  action: { label: string; context: string } | null;
  sendAnyway: boolean;
  /** Smart Alerts contract violations (too long, wrong types, unknown commandId…), shown to the developer. */
  violations: string[];
  options: Record<string, unknown>;
}

export interface Snapshot {
  language: Language;
  mailboxVersion: string;
  fault: { call: string; fault: Fault | "none" };
  policyText: string;
  policyError: string | null;
  mailbox: SimMailbox;
  lists: string[];
  sending: boolean;
  longRunning: boolean;
  /** Launch events running in the background (OnMessageAttachmentsChanged), as Outlook runs them. */
  background: number;
  alert: AlertState | null;
  unavailable: boolean;
  pane: { open: boolean; generation: number };
  sent: SentMessage[];
  /** Send Guard's memory in this mailbox (it persists across sends, as roaming settings do). */
  memory: MemoryCounts;
}

export const FAULT_CALLS = [
  "to.getAsync", "cc.getAsync", "bcc.getAsync", "from.getAsync", "subject.getAsync", "getAttachmentsAsync", "getAttachmentContentAsync", "sessionData.getAsync",
];

/** Outlook shows its "taking longer than expected" notice after about 5 seconds. */
const LONG_RUNNING_MS = 5000;
/** …and ends an event runtime after about five minutes. */
const EVENT_RUNTIME_LIMIT_MS = 300_000;
export const PANE_FRAME = "sendguard-taskpane";
const EVENT_FRAME = "sendguard-event";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Checks completed options against the documented Smart Alerts limits. */
export function smartAlertViolations(options: Record<string, unknown>, info: ManifestInfo, mailboxVersion: string): string[] {
  const problems: string[] = [];
  const text = (key: string, max: number) => {
    const value = options[key];
    if (value === undefined) return;
    if (typeof value !== "string") problems.push(`${key} must be a string`);
    else if (value.length > max) problems.push(`${key} is ${value.length} characters (limit ${max})`);
  };
  text("errorMessage", 500);
  text("errorMessageMarkdown", 500);
  text("cancelLabel", 20);
  if (options.allowEvent !== undefined && typeof options.allowEvent !== "boolean") problems.push("allowEvent must be a boolean");
  const needs14 = ["cancelLabel", "commandId", "contextData", "sendModeOverride"].filter((k) => options[k] !== undefined);
  if (needs14.length > 0 && Number(mailboxVersion) < 1.14) problems.push(`${needs14.join(", ")} need Mailbox 1.14`);
  if (options.commandId !== undefined && !info.composePaneCommands.includes(String(options.commandId))) {
    problems.push(`commandId "${String(options.commandId)}" is not a task-pane control in manifest.xml`);
  }
  if (options.contextData !== undefined && typeof options.contextData !== "string") problems.push("contextData should be a string (classic Outlook before 2402)");
  if (options.sendModeOverride !== undefined && options.sendModeOverride !== "promptUser") problems.push("sendModeOverride supports only promptUser");
  return problems;
}

/**
 * The playground's state: one simulated compose item (ComposeSim), the policy
 * from the editor, the Smart Alert and task pane, and the Sent folder.
 * React reads it through `subscribe` / `snapshot` (useSyncExternalStore).
 */
export class PlaygroundStore {
  readonly sim: ComposeSim;
  private policy: Policy;
  private state: Snapshot;
  private readonly listeners = new Set<() => void>();
  private readonly runtimes = new Map<string, SimRuntime>();
  private readonly lists = new Set<string>();
  private paneContext = "";
  private eventCount = 0;

  constructor(
    readonly manifest: ManifestInfo,
    policyText: string,
    user: { displayName: string; emailAddress: string },
    language: Language,
  ) {
    const parsed = parsePolicyText(policyText);
    if (!parsed.ok) throw new Error(formatPolicyErrors(parsed.errors));
    this.policy = parsed.policy;
    this.sim = new ComposeSim({
      user,
      displayLanguage: language === "ja" ? "ja-JP" : "en-US",
      mailboxVersion: "1.15",
      resolve: (address) => resolverFor(this.policy, this.lists)(address),
    });
    this.sim.sessionData.set(POLICY_SESSION_KEY, policyText);
    this.sim.roaming.onSave = () => this.update({ memory: this.memoryCounts() });
    this.state = {
      language,
      mailboxVersion: this.sim.mailboxVersion,
      fault: { call: FAULT_CALLS[0] ?? "to.getAsync", fault: "none" },
      policyText,
      policyError: null,
      mailbox: this.copyMailbox(),
      lists: [],
      sending: false,
      longRunning: false,
      background: 0,
      alert: null,
      unavailable: false,
      pane: { open: false, generation: 0 },
      sent: [],
      memory: { addresses: 0, domains: 0, groups: 0 },
    };
    this.sim.onChange((change) => {
      this.update({ mailbox: this.copyMailbox() });
      if (change.kind === "attachments") void this.attachmentsChanged(change.status, change.details);
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.state;

  private update(patch: Partial<Snapshot>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private copyMailbox(): SimMailbox {
    const m = this.sim.mailbox;
    return { ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc], attachments: [...m.attachments] };
  }

  // --- Settings -----------------------------------------------------------------------

  setLanguage(language: Language) {
    this.sim.displayLanguage = language === "ja" ? "ja-JP" : "en-US";
    this.update({ language });
    this.reloadPane();
  }

  setMailboxVersion(version: string) {
    this.sim.mailboxVersion = version;
    this.update({ mailboxVersion: version });
    this.reloadPane();
  }

  setFault(call: string, fault: Fault | "none") {
    this.sim.clearFaults();
    if (fault !== "none") this.sim.setFault(call, fault);
    this.update({ fault: { call, fault } });
  }

  /** Validates and applies policy text; the item's sessionData carries it to the handler and the pane. */
  applyPolicy(text: string): boolean {
    const parsed = parsePolicyText(text);
    if (!parsed.ok) {
      this.update({ policyText: text, policyError: formatPolicyErrors(parsed.errors) });
      return false;
    }
    this.policy = parsed.policy;
    this.sim.sessionData.set(POLICY_SESSION_KEY, text);
    this.update({ policyText: text, policyError: null });
    this.reloadPane();
    return true;
  }

  get internalDomain(): string {
    return this.policy.internalDomains[0] ?? "example.co.jp";
  }

  // --- Compose ------------------------------------------------------------------------

  /** Adds what was typed; returns the parts that are not email addresses (not added: the page keeps them for correction). */
  addTyped(field: SimField, text: string): string[] {
    const typed = parseTyped(text, resolverFor(this.policy, this.lists));
    for (const list of typed.lists) this.lists.add(list);
    if (typed.recipients.length > 0) {
      this.update({ lists: [...this.lists] });
      this.sim.setRecipients(field, [...this.sim.mailbox[field], ...typed.recipients]);
    }
    return typed.invalid;
  }

  removeRecipient(field: SimField, index: number) {
    this.sim.setRecipients(field, this.sim.mailbox[field].filter((_, i) => i !== index));
  }

  setSubject(subject: string) {
    this.sim.setSubject(subject);
  }

  setBody(body: string) {
    this.sim.setBody(body);
  }

  /** Reads the picked files and attaches them; the spinner shows from the first byte read until the last inspection. */
  async attachFiles(files: readonly File[]) {
    this.update({ background: this.state.background + 1 });
    try {
      for (const file of files) {
        const content = new Uint8Array(await file.arrayBuffer());
        this.sim.addAttachment({ name: file.name, size: file.size, content });
      }
    } finally {
      this.update({ background: this.state.background - 1 });
    }
  }

  attachBytes(name: string, content: Uint8Array) {
    this.sim.addAttachment({ name, size: content.length, content });
  }

  removeAttachment(id: string) {
    this.sim.removeAttachment(id);
  }

  /** Replaces the draft with an example; a reply starts as Outlook starts one, with the compose-start event. */
  async loadExample(example: Example) {
    this.discardDraft();
    for (const field of ["to", "cc", "bcc"] as const) if (example.fields[field]) this.addTyped(field, example.fields[field]);
    this.sim.setSubject(example.subject);
    this.sim.mailbox.composeType = example.composeType ?? "newMail";
    for (const file of example.files ?? []) this.attachBytes(file.name, file.content);
    await this.composeStarted();
  }

  /** OnNewMessageCompose (Mailbox 1.10), when the manifest declares it: a new item was opened. */
  private async composeStarted() {
    const name = this.manifest.onNewMessageComposeFunction;
    if (!name || !this.sim.isSupported("1.10")) return;
    this.update({ background: this.state.background + 1 });
    try {
      await this.runLaunchEvent(name, { type: "newMessageComposeCreated" });
    } finally {
      this.update({ background: this.state.background - 1 });
    }
  }

  /** What Send Guard's memory holds in this mailbox's roaming settings (counts; it holds no addresses). */
  memoryCounts(): MemoryCounts {
    return CorrespondenceMemory.decode(this.sim.roaming.stored[MEMORY_SETTING_KEY])?.counts() ?? { addresses: 0, domains: 0, groups: 0 };
  }

  private discardDraft() {
    this.closePane();
    this.sim.reset();
    this.sim.sessionData.set(POLICY_SESSION_KEY, this.state.policyText);
    this.update({ alert: null, unavailable: false });
  }

  // --- Runtimes (iframes that load the built add-in) -----------------------------------

  /** Called by the bridge script in playground/runtime.html and playground/taskpane.html. */
  connect = (frame: Window): unknown => {
    const name = frame.name;
    this.runtimes.get(name)?.close();
    this.redirectAddinOrigin(frame);
    const runtime = name === PANE_FRAME ? this.sim.connect("taskpane", this.paneContext) : this.sim.connect("event");
    this.runtimes.set(name, runtime);
    return runtime.office;
  };

  /**
   * The built handler calls the origin it was built for (policy.json, the "sent" report).
   * Here that origin is this server, wherever it runs: requests to the built origin go to it,
   * as they would for an add-in built for this host.
   */
  private redirectAddinOrigin(frame: Window) {
    const built = this.manifest.origin;
    const here = frame.location.origin;
    if (!built || built === here || typeof frame.fetch !== "function") return;
    const original = frame.fetch.bind(frame);
    frame.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      // The frame's own URL and Request classes are not this window's: no instanceof across realms.
      const url = typeof input === "object" && "url" in input && typeof input.url === "string" ? input.url : String(input);
      return url === built || url.startsWith(`${built}/`) ? original(`${here}${url.slice(built.length)}`, init) : original(input, init);
    };
  }

  openPane(context = "") {
    const pane = this.runtimes.get(PANE_FRAME);
    // Mailbox 1.15: an open pane gets the new context through InitializationContextChanged instead of reloading.
    if (this.state.pane.open && pane && context && this.sim.deliverInitializationContext(pane, context)) {
      this.paneContext = context;
      return;
    }
    this.paneContext = context;
    this.update({ pane: { open: true, generation: this.state.pane.generation + 1 } });
  }

  closePane() {
    this.runtimes.get(PANE_FRAME)?.close();
    this.runtimes.delete(PANE_FRAME);
    this.update({ pane: { open: false, generation: this.state.pane.generation } });
  }

  private reloadPane() {
    if (this.state.pane.open) this.update({ pane: { open: true, generation: this.state.pane.generation + 1 } });
  }

  // --- Send -------------------------------------------------------------------------

  /**
   * Runs one launch event as Outlook does: the add-in's event page (commands.js) loads in
   * a fresh hidden runtime, the function the manifest names gets an event, and the first
   * `event.completed` options come back; null when the function is missing (the add-in is
   * "unavailable") or never completes within Outlook's five minutes.
   */
  private async runLaunchEvent(functionName: string, args: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const frame = document.createElement("iframe");
    frame.name = `${EVENT_FRAME}-${++this.eventCount}`;
    frame.hidden = true;
    frame.title = "Send Guard event runtime";
    const loaded = new Promise<void>((resolve) => frame.addEventListener("load", () => resolve(), { once: true }));
    frame.src = "runtime.html";
    document.body.append(frame);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await loaded;
      const handler = this.runtimes.get(frame.name)?.associated.get(functionName);
      if (!handler) return null;
      return await new Promise<Record<string, unknown> | null>((resolve) => {
        timer = setTimeout(() => resolve(null), EVENT_RUNTIME_LIMIT_MS);
        handler({ ...args, completed: (value?: unknown) => resolve(isRecord(value) ? value : {}) });
      });
    } finally {
      clearTimeout(timer);
      this.runtimes.get(frame.name)?.close();
      this.runtimes.delete(frame.name);
      frame.remove();
    }
  }

  /** OnMessageAttachmentsChanged (Mailbox 1.11), when the manifest declares it: fired for every added or removed file. */
  private async attachmentsChanged(status: "added" | "removed", details: SimChangeDetails) {
    const name = this.manifest.onAttachmentsChangedFunction;
    if (!name || !this.sim.isSupported("1.11")) return;
    this.update({ background: this.state.background + 1 });
    try {
      // Office.AttachmentsChangedEventArgs: the event says which file was added or removed.
      await this.runLaunchEvent(name, { type: "olkAttachmentsChanged", attachmentStatus: status, attachmentDetails: details });
    } finally {
      this.update({ background: this.state.background - 1 });
    }
  }

  /** Send: runs OnMessageSend and acts on how it completed. */
  async send(): Promise<void> {
    if (this.state.sending) return;
    this.update({ sending: true, longRunning: false, alert: null, unavailable: false });
    const longRunning = setTimeout(() => this.update({ longRunning: true }), LONG_RUNNING_MS);
    try {
      const options = await this.runLaunchEvent(this.manifest.onSendFunction, { type: "olkMessageSend" });
      if (options === null) this.update({ unavailable: true });
      else this.complete(options);
    } finally {
      clearTimeout(longRunning);
      this.update({ sending: false, longRunning: false });
    }
  }

  private complete(options: Record<string, unknown>) {
    const violations = smartAlertViolations(options, this.manifest, this.state.mailboxVersion);
    if (options.allowEvent === true && violations.length === 0) {
      this.deliver();
      return;
    }
    const supports14 = this.sim.isSupported("1.14");
    const commandId = supports14 ? options.commandId : undefined;
    const isPane = typeof commandId === "string" && this.manifest.composePaneCommands.includes(commandId);
    const label = typeof options.cancelLabel === "string" && options.cancelLabel ? options.cancelLabel : "Take Action";
    this.update({
      alert: {
        message: typeof options.errorMessage === "string" && options.errorMessage ? options.errorMessage : "Send Guard is preventing this email from being sent.",
        action: isPane ? { label, context: typeof options.contextData === "string" ? options.contextData : JSON.stringify(options.contextData ?? "") } : null,
        sendAnyway: supports14 && options.sendModeOverride === "promptUser",
        violations,
        options,
      },
    });
  }

  dismissAlert() {
    this.update({ alert: null, unavailable: false });
  }

  takeAction() {
    const action = this.state.alert?.action;
    this.update({ alert: null });
    if (action) this.openPane(action.context);
  }

  sendAnyway() {
    this.update({ alert: null, unavailable: false });
    this.deliver();
  }

  /** The message leaves: it goes to Sent with what each recipient could see, and a new empty item starts. */
  private deliver() {
    const m = this.sim.mailbox;
    const draft: Draft = {
      from: m.from.emailAddress,
      to: m.to.map((r) => ({ ...r })),
      cc: m.cc.map((r) => ({ ...r })),
      bcc: m.bcc.map((r) => ({ ...r })),
      subject: m.subject,
      attachments: m.attachments.map((a) => ({ name: a.name, size: a.size })),
    };
    const message: SentMessage = {
      id: this.state.sent.length + 1,
      subject: m.subject,
      from: m.from.emailAddress,
      to: [...m.to],
      cc: [...m.cc],
      bcc: [...m.bcc],
      attachments: m.attachments.map((a) => ({ name: a.name, size: a.size })),
      headers: { ...m.headers },
      view: whatRecipientsSee(draft, this.policy),
    };
    this.discardDraft();
    this.update({ sent: [message, ...this.state.sent] });
  }
}

export function initialLanguage(): Language {
  const requested = new URLSearchParams(window.location.search).get("lang");
  return languageOf(requested ?? navigator.language);
}
