/**
 * A fake `Office` namespace for one compose item, following the documented
 * Outlook contract: callbacks are asynchronous and receive AsyncResult objects
 * ({status, value} or {status: "failed", error: {code, name, message}});
 * recipients getAsync returns at most 500 (before Mailbox 1.16) or 1,000;
 * sessionData is per item. Any call can be made to fail, throw, or never call back.
 */
export type Behaviour = "ok" | "fail" | "never" | "throw";

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
  attachments?: { id: string; name: string; size: number; attachmentType?: string; isInline?: boolean }[];
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
}

function versionAtLeast(have: string, want: string): boolean {
  const [hMajor = 0, hMinor = 0] = have.split(".").map(Number);
  const [wMajor = 0, wMinor = 0] = want.split(".").map(Number);
  return hMajor > wMajor || (hMajor === wMajor && hMinor >= wMinor);
}

export interface FakeOffice {
  Office: unknown;
  item: FakeItemSpec & { sessionData: Record<string, string> };
  calls: string[];
  associated: Map<string, (event: unknown) => void>;
}

export function createFakeOffice(spec: FakeItemSpec, options: FakeOfficeOptions = {}): FakeOffice {
  const mailboxVersion = options.mailbox ?? "1.14";
  const behaviour = options.behaviour ?? {};
  const latency = options.latencyMs ?? 0;
  const item = { ...spec, sessionData: { ...(spec.sessionData ?? {}) } };
  const calls: string[] = [];
  const associated = new Map<string, (event: unknown) => void>();

  function respond<T>(call: string, callback: (result: unknown) => void, value: () => T): void {
    calls.push(call);
    const mode = behaviour[call] ?? "ok";
    if (mode === "throw") throw new Error(`${call}: simulated exception`);
    if (mode === "never") return;
    setTimeout(() => {
      if (mode === "fail") {
        callback({ status: "failed", error: { code: 9002, name: "InternalServerError", message: `${call}: simulated failure` } });
      } else {
        callback({ status: "succeeded", value: value() });
      }
    }, latency);
  }

  const limit = () => (versionAtLeast(mailboxVersion, "1.16") ? 1000 : 500);
  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync: (callback: (r: unknown) => void) =>
      respond(`${field}.getAsync`, callback, () =>
        (item[field] ?? []).slice(0, limit()).map((r) => ({
          emailAddress: r.emailAddress,
          displayName: r.displayName ?? r.emailAddress,
          recipientType: r.recipientType ?? "externalUser",
        })),
      ),
  });

  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: {
      RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" },
      SendModeOverride: { PromptUser: "promptUser" },
    },
    actions: {
      associate: (name: string, handler: (event: unknown) => void) => associated.set(name, handler),
    },
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "Mailbox" && versionAtLeast(mailboxVersion, version ?? "1.1"),
      },
      mailbox: {
        userProfile: { emailAddress: item.from ?? "tanaka@mirai-shoji.co.jp", displayName: "田中 一郎" },
        item: {
          itemType: "message",
          to: recipients("to"),
          cc: recipients("cc"),
          bcc: recipients("bcc"),
          from: {
            getAsync: (callback: (r: unknown) => void) =>
              respond("from.getAsync", callback, () => ({ emailAddress: item.from ?? "tanaka@mirai-shoji.co.jp", displayName: "田中 一郎" })),
          },
          subject: { getAsync: (callback: (r: unknown) => void) => respond("subject.getAsync", callback, () => item.subject ?? "") },
          getAttachmentsAsync: (callback: (r: unknown) => void) =>
            respond("getAttachmentsAsync", callback, () =>
              (item.attachments ?? []).map((a) => ({ attachmentType: "file", isInline: false, ...a })),
            ),
          sessionData: {
            getAsync: (key: string, callback: (r: unknown) => void) => respond("sessionData.getAsync", callback, () => item.sessionData[key] ?? ""),
            setAsync: (key: string, value: string, callback: (r: unknown) => void) =>
              respond("sessionData.setAsync", callback, () => {
                item.sessionData[key] = value;
              }),
          },
        },
      },
    },
  };
  return { Office, item, calls, associated };
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
