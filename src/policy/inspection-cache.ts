import type { AttachmentInspection, Draft, DraftAttachment } from "../shared/types";
import { hashText } from "./fingerprint";

/**
 * The item's cache of attachment inspections (sessionData `sendguard.inspections`):
 * written by whatever inspected a file when attachments changed (the task pane),
 * read by the send handler in its single round of Office calls. Light on purpose:
 * no inspector code, only JSON and a hash.
 *
 * Addresses found in a file are kept as short hashes: enough to count how many
 * are not recipients, small enough for sessionData's 50,000 characters (Mailbox
 * ≤ 1.15), and not the addresses themselves.
 */
export const INSPECTION_CACHE_VERSION = 1;
/** Hashes kept per file; the address count stays exact beyond it. */
export const MAX_STORED_HASHES = 1500;
const HASH_LENGTH = 12;

export type StoredInspection = Omit<AttachmentInspection, "addresses">;

/** Files are matched by name and size: both runtimes see the same, whatever ids they are given. */
export function attachmentKey(attachment: Pick<DraftAttachment, "name" | "size">): string {
  return `${attachment.name}\u0000${attachment.size}`;
}

export function addressHash(addressKey: string): string {
  return hashText(addressKey, HASH_LENGTH);
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

/** The draft with each attachment's cached inspection, where there is one. */
export function withCachedInspections(draft: Draft, cache: ReadonlyMap<string, StoredInspection>): Draft {
  if (cache.size === 0) return draft;
  return {
    ...draft,
    attachments: draft.attachments.map((a) => {
      const stored = cache.get(attachmentKey(a));
      return stored ? { ...a, inspection: stored } : a;
    }),
  };
}
