import { encode } from "@stablelib/hex";
import { hash as sha256, SHA256 } from "@stablelib/sha256";
import type { Draft, DraftRecipient, RecipientType } from "../shared/types";
import { addressKey } from "./address";

/**
 * The message fingerprint that approvals are bound to (format `sg2:<hex sha-256>`).
 *
 * It covers, as canonical JSON `["sg2", to, cc, bcc, subject, attachments]`:
 * - each recipient field as a sorted, de-duplicated list of `[address key, type]`, where
 *   the key is the lower-case local part @ lower-case punycode domain (an invalid address
 *   is kept as its trimmed raw text) and the type is what the policy judges by:
 *   `"distributionList"`, `"other"` (not resolved by Outlook), or `""` for a person
 *   (`user`, `externalUser` or unknown). Order within a field does not matter; moving an
 *   address between To, CC and BCC does, and so does Outlook reporting an address as a
 *   list after the reviewer saw it as a person;
 * - the subject, NFC-normalised and trimmed;
 * - the attachments as a sorted list of `[name (NFC), size, contentHash or ""]`, where the
 *   content hash is `sha256:<hex>` of the bytes whenever Send Guard read the file.
 *
 * Display names, the body and the sender are not covered (the approval names the sender).
 * Pure JavaScript (no WebCrypto), so it runs in classic Outlook's JavaScript-only runtime.
 */
export const FINGERPRINT_VERSION = "sg2";

/** A fingerprint as the review API and approval tokens carry it. */
export const FINGERPRINT_PATTERN = /^sg2:[0-9a-f]{64}$/;

/** Lower-case hex, as every hash and token in Send Guard is written. */
export function bytesToHex(bytes: Uint8Array): string {
  return encode(bytes, true);
}

/** The recipient type as far as the policy's rules tell types apart. */
export function judgedType(type: RecipientType | undefined): "distributionList" | "other" | "" {
  return type === "distributionList" || type === "other" ? type : "";
}

function fieldKeys(recipients: readonly DraftRecipient[]): [string, string][] {
  const entries = new Map<string, [string, string]>();
  for (const recipient of recipients) {
    // An invalid address is kept as its trimmed text: it still changes the fingerprint.
    const key = addressKey(recipient.emailAddress ?? "") ?? (recipient.emailAddress ?? "").trim();
    const type = judgedType(recipient.recipientType);
    entries.set(`${key}\u0000${type}`, [key, type]);
  }
  return [...entries.keys()].sort(compare).map((k) => entries.get(k) as [string, string]);
}

/** UTF-8 bytes without TextEncoder, which the JavaScript-only runtime does not promise. */
export function utf8Bytes(text: string): Uint8Array {
  const binary = unescape(encodeURIComponent(text));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function canonicalMessage(draft: Draft): string {
  const attachments = draft.attachments
    .map((a) => [a.name.normalize("NFC"), a.size, a.contentHash ?? ""] as const)
    .sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  return JSON.stringify([
    FINGERPRINT_VERSION,
    fieldKeys(draft.to),
    fieldKeys(draft.cc),
    fieldKeys(draft.bcc),
    draft.subject.normalize("NFC").trim(),
    attachments,
  ]);
}

export function fingerprint(draft: Draft): string {
  return `${FINGERPRINT_VERSION}:${bytesToHex(sha256(utf8Bytes(canonicalMessage(draft))))}`;
}

/** `sha256:<hex>` of a file's bytes: how an attachment's content enters the fingerprint. */
export function contentHash(bytes: Uint8Array): string {
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

let sharedHasher: SHA256 | undefined;

/**
 * SHA-256 of `parts` (in order, as one input) written into `out` (32 bytes), with one hasher
 * reused: a Send in a fresh runtime hashes hundreds of short texts (the memory's lookups, one
 * per address and domain), and a new hasher for each (its buffers, then wiping them) made much
 * of that cost and most of the garbage collected. Synchronous, so one hasher is never shared
 * by two callers at once.
 */
export function sha256Into(out: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const hasher = (sharedHasher ??= new SHA256()).reset();
  for (const part of parts) hasher.update(part);
  hasher.finish(out);
  return out;
}

/** Characters of an address hash: enough to tell a file's addresses from the recipients, not the addresses themselves. */
export const ADDRESS_HASH_LENGTH = 12;

/** The short hash of an address key, as a file's addresses are kept where space is scarce (the item's cache). */
export function addressHash(addressKey: string): string {
  return hashText(addressKey, ADDRESS_HASH_LENGTH);
}

/** Hex SHA-256 of a text's UTF-8 bytes, shortened to `length` characters (pure JavaScript). */
export function hashText(text: string, length = 64): string {
  return bytesToHex(sha256(utf8Bytes(text))).slice(0, length);
}
