import { encode } from "@stablelib/hex";
import { hash as sha256 } from "@stablelib/sha256";
import type { Draft, DraftRecipient } from "../shared/types";
import { parseAddress } from "./address";

/**
 * The message fingerprint that approvals are bound to (format `sg1:<hex sha-256>`).
 *
 * It covers, as canonical JSON `["sg1", to, cc, bcc, subject, attachments]`:
 * - each recipient field as a sorted, de-duplicated list of address keys
 *   (lower-case local part @ lower-case punycode domain; an invalid address
 *   is kept as its trimmed raw text), so order within a field does not matter
 *   but moving an address between To, CC and BCC does;
 * - the subject, NFC-normalised and trimmed;
 * - the attachments as a sorted list of `[name (NFC), size, contentHash or ""]`.
 *
 * Display names, the body and the sender are not covered.
 * Pure JavaScript (no WebCrypto), so it runs in classic Outlook's JavaScript-only runtime.
 */
export const FINGERPRINT_VERSION = "sg1";

/** Lower-case hex, as every hash and token in Send Guard is written. */
export function bytesToHex(bytes: Uint8Array): string {
  return encode(bytes, true);
}

function fieldKeys(recipients: readonly DraftRecipient[]): string[] {
  const keys = new Set<string>();
  for (const recipient of recipients) {
    const parsed = parseAddress(recipient.emailAddress ?? "");
    keys.add(parsed.ok ? parsed.key : recipient.emailAddress.trim());
  }
  return [...keys].sort();
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

/** Hex SHA-256 of a text's UTF-8 bytes, shortened to `length` characters (pure JavaScript). */
export function hashText(text: string, length = 64): string {
  return bytesToHex(sha256(utf8Bytes(text))).slice(0, length);
}
