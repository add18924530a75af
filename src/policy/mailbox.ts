import { addressParser } from "postal-mime";
import { parseAddress, type InvalidAddress, type ParsedAddress } from "./address";

// Kept apart from address.ts: postal-mime creates TextEncoder/TextDecoder objects when it
// loads, which classic Outlook's JavaScript-only runtime does not promise, so the send
// handler must never import this module (test/build checks the built bundle).

/**
 * Parses one mailbox as people write it: `"山田 太郎" <yamada@example.co.jp>`,
 * `山田 太郎 <yamada@example.co.jp>` or a bare address. RFC 5322 syntax
 * (quoted names, comments) is handled by postal-mime's address parser.
 */
export function parseMailbox(raw: string): ParsedAddress | InvalidAddress {
  if (!/[<>"(,]/.test(raw)) return parseAddress(raw);
  const [first, ...rest] = addressParser(raw);
  if (!first || rest.length > 0 || first.group !== undefined) return { ok: false, raw, reason: "bad-local" };
  return first.address ? parseAddress(first.address, first.name) : { ok: false, raw, reason: "no-at" };
}

