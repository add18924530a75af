/**
 * The `Office` namespace for one compose item in Node tests: the playground's
 * Outlook simulator (src/playground/office-sim), which follows the documented
 * contract (asynchronous callbacks with AsyncResult objects, per-call and
 * per-field limits, sessionData per item, item events) and lets any call fail,
 * throw, or never call back.
 */
import type { SimRoamingStore} from "../../src/playground/office-sim";
import { ComposeSim, type Fault, type SimRecipientType, type SimRuntime } from "../../src/playground/office-sim";

export type Behaviour = "ok" | Fault;

export interface FakeRecipient {
  emailAddress: string;
  displayName?: string;
  recipientType?: string;
}

export interface FakeItemSpec {
  to?: FakeRecipient[];
  cc?: FakeRecipient[];
  bcc?: FakeRecipient[];
  from?: string;
  subject?: string;
  /** How the message was started (default newMail). */
  composeType?: "newMail" | "reply" | "forward";
  /** Files on the item; `content` is what getAttachmentContentAsync hands over (base64 of it). */
  attachments?: { id?: string; name: string; size?: number; content?: Uint8Array; attachmentType?: "file" | "item" | "cloud" }[];
  sessionData?: Record<string, string>;
}

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Highest Mailbox requirement set the client supports, e.g. "1.14". */
  mailbox?: string;
  /** Per-call behaviour, keyed by call name: "to.getAsync", "subject.getAsync", "sessionData.getAsync", ... */
  behaviour?: Record<string, Behaviour>;
  /** Milliseconds before a callback arrives (default 0: next macrotask). */
  latencyMs?: number;
  /** "event" (a Send) or "taskpane". */
  runtime?: "event" | "taskpane";
  initializationContext?: string;
  /** The mailbox's roaming settings, shared between items (a new empty store when not given). */
  roaming?: SimRoamingStore;
  /** The signed-in user (`userProfile`) when the message is sent from another mailbox (`spec.from`: a shared mailbox). */
  userEmail?: string;
  /** The client's platform; "Mac" gives the task pane a sessionData of its own (compose-sim.ts). */
  platform?: "OfficeOnline" | "PC" | "Mac" | "Android" | "iOS";
}

export interface FakeOffice {
  Office: unknown;
  sim: ComposeSim;
  calls: string[];
  associated: Map<string, (event: unknown) => void>;
  runtime: SimRuntime;
}

export const SENDER = "tanaka@mirai-shoji.co.jp";

export function createFakeOffice(spec: FakeItemSpec, options: FakeOfficeOptions = {}): FakeOffice {
  const sim = new ComposeSim({
    user: { displayName: "田中 一郎", emailAddress: options.userEmail ?? spec.from ?? SENDER },
    displayLanguage: options.displayLanguage ?? "en-US",
    mailboxVersion: options.mailbox ?? "1.14",
    latencyMs: options.latencyMs ?? 0,
    resolve: (address) => (address.toLowerCase().endsWith("@mirai-shoji.co.jp") ? "user" : "externalUser"),
    ...(options.roaming ? { roaming: options.roaming } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
  });
  for (const field of ["to", "cc", "bcc"] as const) {
    sim.mailbox[field] = (spec[field] ?? []).map((r) => ({
      emailAddress: r.emailAddress,
      displayName: r.displayName ?? r.emailAddress,
      recipientType: (r.recipientType ?? "externalUser") as SimRecipientType,
    }));
  }
  if (spec.from) sim.mailbox.from = { displayName: spec.from, emailAddress: spec.from };
  sim.mailbox.subject = spec.subject ?? "";
  sim.mailbox.composeType = spec.composeType ?? "newMail";
  for (const attachment of spec.attachments ?? []) {
    sim.mailbox.attachments.push({
      id: attachment.id ?? `att-${sim.mailbox.attachments.length}`,
      name: attachment.name,
      size: attachment.size ?? attachment.content?.length ?? 0,
      attachmentType: attachment.attachmentType ?? "file",
      isInline: false,
      ...(attachment.content ? { content: attachment.content } : {}),
    });
  }
  for (const [key, value] of Object.entries(spec.sessionData ?? {})) sim.sessionData.set(key, value);
  for (const [call, behaviour] of Object.entries(options.behaviour ?? {})) sim.setFault(call, behaviour === "ok" ? undefined : behaviour);
  const runtime = sim.connect(options.runtime ?? "event", options.initializationContext ?? "");
  return { Office: runtime.office, sim, calls: sim.calls, associated: runtime.associated, runtime };
}

/** A Smart Alerts event whose `completed` calls are recorded. */
export function createEvent() {
  const completions: Record<string, unknown>[] = [];
  let resolveFirst: (options: Record<string, unknown>) => void = () => undefined;
  const first = new Promise<Record<string, unknown>>((resolve) => {
    resolveFirst = resolve;
  });
  return {
    event: {
      completed: (options: Record<string, unknown> = {}) => {
        completions.push(options);
        resolveFirst(options);
      },
    },
    completions,
    /** The options of the first `completed` call. */
    first,
  };
}
