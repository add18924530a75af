/**
 * What the task pane hands the send handler through the browser's localStorage, beside the
 * item's sessionData. Microsoft's runtimes page says that on Mac a task pane and an event-based
 * handler share data through localStorage, not sessionData
 * (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes), and office-js #5951 reports
 * sessionData values missing at Send on Mac. The browser runtimes (web, new Outlook, Mac) have
 * localStorage; classic Outlook's JavaScript-only runtime does not, and there sessionData works.
 *
 * localStorage is per origin, not per item, so what is shared must be safe to find from another
 * message: an approval token under the fingerprint of the message it approves (the handler
 * still verifies signature, fingerprint, sender, expiry and coverage), and the sealed policy.
 * Keys carry Office's partition key where the host gives one (Microsoft's storage guidance).
 */
const PREFIX = "sendguard:";
/** Entries older than this are removed when another is written. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" || localStorage === null ? undefined : localStorage;
  } catch {
    // Storage blocked by the browser's settings.
    return undefined;
  }
}

function prefix(): string {
  let partition: string | undefined;
  try {
    partition = (Office.context as { partitionKey?: string } | undefined)?.partitionKey;
  } catch {
    partition = undefined;
  }
  return `${partition ? `${partition}:` : ""}${PREFIX}`;
}

/** Keeps `value` under `name` with the time it was written; best effort (full or blocked storage is ignored). */
export function shareValue(name: string, value: string, nowMs = Date.now()): void {
  const store = storage();
  if (!store) return;
  const start = prefix();
  try {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (!key?.startsWith(start)) continue;
      const entry = parseEntry(store.getItem(key));
      if (!entry || nowMs - entry.t > KEEP_MS) store.removeItem(key);
    }
    store.setItem(start + name, JSON.stringify({ t: nowMs, v: value }));
  } catch {
    // Quota or a storage error: the pane's sessionData copy still serves where it reaches.
  }
}

function parseEntry(text: string | null): { t: number; v: string } | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as { t?: unknown; v?: unknown };
    return typeof entry.t === "number" && typeof entry.v === "string" ? { t: entry.t, v: entry.v } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this runtime has the shared store at all (Mac and browsers do; classic Outlook's JavaScript-only runtime does not). */
export function canShare(): boolean {
  return storage() !== undefined;
}

/** The value shared under `name` if it was written within `maxAgeMs` (and not in the future); undefined otherwise. */
export function sharedValue(name: string, maxAgeMs: number, nowMs = Date.now()): string | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const entry = parseEntry(store.getItem(prefix() + name));
    return entry && entry.t <= nowMs + 60_000 && nowMs - entry.t <= maxAgeMs ? entry.v : undefined;
  } catch {
    return undefined;
  }
}

/** Key of an approval token: the fingerprint of the message it approves. */
export function approvalShareName(fingerprint: string): string {
  return `approval:${fingerprint}`;
}

export const POLICY_SHARE_NAME = "policy";
/** A shared policy is used, when policy.json cannot be fetched, for a day after the pane fetched it. */
export const POLICY_SHARE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Approval tokens expire on their own (review.expiryHours, at most 720 h); the handler verifies `exp`. */
export const APPROVAL_SHARE_MAX_AGE_MS = 720 * 60 * 60 * 1000;
