import type { AttachmentInspection, Draft, DraftAttachment } from "../shared/types";
import { addressHash } from "../policy/fingerprint";

/**
 * The item's cache of attachment inspections (sessionData `sendguard.inspections`):
 * written by whatever inspected a file (the OnMessageAttachmentsChanged handler, the
 * task pane, a send that had to read a file itself), read by the send handler in its
 * first round of Office calls. Light on purpose: no inspector code, only JSON and a hash.
 *
 * Addresses found in a file are kept as short hashes: enough to count how many
 * are not recipients, small enough for sessionData's 50,000 characters (Mailbox
 * ≤ 1.15), and not the addresses themselves.
 */
export const INSPECTION_CACHE_VERSION = 1;
/** Hashes kept per file; the address count stays exact beyond it. */
export const MAX_STORED_HASHES = 1500;

export type StoredInspection = Omit<AttachmentInspection, "addresses">;

/**
 * Files are matched by id, name and size. Ids are valid within the compose session
 * (classic Outlook uses the attachment's index), so a file replaced by another of the
 * same name and size, or shifted by a removal, is inspected again rather than trusted.
 */
export function attachmentKey(attachment: Pick<DraftAttachment, "id" | "name" | "size">): string {
  return `${attachment.id ?? ""}\u0000${attachment.name}\u0000${attachment.size}`;
}

/** What the cache keeps of an inspection: the addresses become a count and short hashes. */
export function toStored(inspection: AttachmentInspection): StoredInspection {
  const { addresses, ...rest } = inspection;
  if (!addresses) return rest;
  return { ...rest, addressCount: addresses.length, addressHashes: addresses.slice(0, MAX_STORED_HASHES).map(addressHash) };
}

export function parseInspectionCache(text: string | undefined): Map<string, StoredInspection> {
  const cache = new Map<string, StoredInspection>();
  if (!text) return cache;
  try {
    const value = JSON.parse(text) as { v?: unknown; files?: Record<string, StoredInspection> };
    if (value.v !== INSPECTION_CACHE_VERSION || typeof value.files !== "object" || value.files === null) return cache;
    for (const [key, stored] of Object.entries(value.files)) {
      if (stored && typeof stored === "object" && typeof stored.status === "string") cache.set(key, stored);
    }
  } catch {
    // A damaged cache is an empty one: the files are inspected again.
  }
  return cache;
}

export function serializeInspectionCache(cache: ReadonlyMap<string, StoredInspection>): string {
  return JSON.stringify({ v: INSPECTION_CACHE_VERSION, files: Object.fromEntries(cache) });
}

/**
 * sessionData holds 50,000 characters per add-in per item before Mailbox 1.16, shared
 * with the cached policy and the approval: the cache keeps to this many.
 */
export const INSPECTION_CACHE_BUDGET = 40_000;

/**
 * The cache to store after new inspections: what the item holds now (another runtime
 * may have written since it was read), plus the new results, minus files no longer
 * attached. Files that were not inspected are not stored: they are tried again. Past
 * the budget the address hashes go (the not-recipient count then counts every address);
 * undefined when even that does not fit.
 */
export function mergeInspectionCache(
  current: ReadonlyMap<string, StoredInspection>,
  results: ReadonlyMap<string, AttachmentInspection>,
  attachments: readonly Pick<DraftAttachment, "id" | "name" | "size">[],
  budget = INSPECTION_CACHE_BUDGET,
  /** Keys whose stored result no longer describes the file (it was just added again): never kept from `current`. */
  invalidated: ReadonlySet<string> = new Set(),
): string | undefined {
  const attached = new Set(attachments.map(attachmentKey));
  const merged = new Map<string, StoredInspection>();
  for (const [key, stored] of current) if (attached.has(key) && !invalidated.has(key)) merged.set(key, stored);
  for (const [key, inspection] of results) if (attached.has(key) && inspection.status !== "not-inspected") merged.set(key, toStored(inspection));
  let text = serializeInspectionCache(merged);
  if (text.length <= budget) return text;
  for (const [key, value] of merged) merged.set(key, { ...value, addressHashes: undefined });
  text = serializeInspectionCache(merged);
  return text.length <= budget ? text : undefined;
}

/**
 * The key of the file an attachments-changed event reports as added (Office.AttachmentsChangedEventArgs:
 * `attachmentStatus` "added" and `attachmentDetails` with id, name and size), else undefined.
 * Whatever the cache holds under that key describes an earlier file: in classic Outlook an
 * id is the attachment's position, so a file removed and another of the same name and size
 * attached in its place would otherwise inherit the first one's result.
 */
export function addedAttachmentKey(args: unknown): string | undefined {
  const event = args as { attachmentStatus?: unknown; attachmentDetails?: { id?: unknown; name?: unknown; size?: unknown } } | null | undefined;
  const details = event?.attachmentDetails;
  if (String(event?.attachmentStatus ?? "").toLowerCase() !== "added" || !details) return undefined;
  if (typeof details.id !== "string" || typeof details.name !== "string" || typeof details.size !== "number") return undefined;
  return attachmentKey({ id: details.id, name: details.name, size: details.size });
}

/** The cache without the given keys (files to read again). */
export function withoutKeys(cache: ReadonlyMap<string, StoredInspection>, keys: ReadonlySet<string>): Map<string, StoredInspection> {
  return new Map([...cache].filter(([key]) => !keys.has(key)));
}

/**
 * The draft with each attachment's cached (or just made) inspection, where there is one,
 * and the hash of the bytes that inspection read (which the fingerprint covers).
 */
export function withCachedInspections(draft: Draft, cache: ReadonlyMap<string, StoredInspection | AttachmentInspection>): Draft {
  if (cache.size === 0) return draft;
  return {
    ...draft,
    attachments: draft.attachments.map((a) => {
      const stored = cache.get(attachmentKey(a));
      if (!stored) return a;
      const hash = typeof stored.contentHash === "string" && /^sha256:[0-9a-f]{64}$/.test(stored.contentHash) ? stored.contentHash : undefined;
      return { ...a, inspection: stored, contentHash: hash };
    }),
  };
}
