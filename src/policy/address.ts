import { toASCII, toUnicode } from "punycode.js";

/** A recipient address in canonical form. */
export interface ParsedAddress {
  ok: true;
  /** Comparison key: lower-case local part @ lower-case ASCII (punycode) domain. */
  key: string;
  /** For people: local part @ Unicode domain. */
  display: string;
  local: string;
  /** Lower-case ASCII domain without a trailing dot; `[1.2.3.4]` for address literals. */
  domain: string;
  displayName?: string | undefined;
}

export type InvalidReason = "empty" | "no-at" | "bad-local" | "bad-domain";

export interface InvalidAddress {
  ok: false;
  raw: string;
  reason: InvalidReason;
}

// Characters allowed unquoted in a local part: RFC 5322 atext plus non-ASCII (RFC 6532).
const LOCAL_ATOM = /^[^\s"(),:;<>@[\\\]]+$/;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ADDRESS_LITERAL = /^\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9a-f:.]+)\]$/i;
// IDNA treats these as label separators; people type them on Japanese keyboards.
const DOT_LIKE = /[\u3002\uff0e\uff61]/g;

// Recipients share few domains; remember the answers (bounded, pure: same input, same output).
const DOMAIN_MEMO = new Map<string, string | null>();
const DOMAIN_MEMO_LIMIT = 4096;
/** Letters, digits, hyphens and dots only: punycode leaves such a domain as it is. */
const PLAIN_ASCII = /^[a-z0-9.-]*$/;

/**
 * Normalises a domain to lower-case ASCII (punycode). Full-width and other
 * compatibility forms are folded with NFKC first, as IDNA's mapping step does.
 * Returns null when the result is not a valid host name.
 */
export function normalizeDomain(input: string): string | null {
  const known = DOMAIN_MEMO.get(input);
  if (known !== undefined) return known;
  const result = computeNormalizedDomain(input);
  if (DOMAIN_MEMO.size >= DOMAIN_MEMO_LIMIT) DOMAIN_MEMO.clear();
  DOMAIN_MEMO.set(input, result);
  return result;
}

function computeNormalizedDomain(input: string): string | null {
  let domain = input.trim().normalize("NFKC").replace(DOT_LIKE, ".").toLowerCase();
  if (domain.endsWith(".")) domain = domain.slice(0, -1);
  if (ADDRESS_LITERAL.test(domain)) return domain;
  let ascii: string;
  if (PLAIN_ASCII.test(domain) && !domain.includes("xn--")) {
    // Nearly every domain: already what punycode would give (its conversions cost most of the time here).
    ascii = domain;
  } else {
    try {
      ascii = toASCII(domain);
      // A label like `xn--zz` is not valid punycode: reject it rather than fail later.
      if (toASCII(toUnicode(ascii)) !== ascii) return null;
    } catch {
      return null;
    }
  }
  if (ascii.length === 0 || ascii.length > 253) return null;
  const labels = ascii.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((label) => LDH_LABEL.test(label))) return null;
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return null;
  return ascii;
}

/** Unicode form of a domain already accepted by `normalizeDomain`. */
export function toUnicodeDomain(asciiDomain: string): string {
  return toUnicode(asciiDomain);
}

function isValidLocal(local: string): boolean {
  if (local.length === 0 || local.length > 64) return false;
  if (local.startsWith('"') && local.endsWith('"') && local.length >= 2) return true;
  return LOCAL_ATOM.test(local) && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

/** Parses a bare address (`yamada@example.co.jp`, optionally inside `<...>`). Never throws. */
export function parseAddress(raw: string, displayName?: string): ParsedAddress | InvalidAddress {
  let text = raw.trim();
  if (text.startsWith("<") && text.endsWith(">")) text = text.slice(1, -1).trim();
  if (text.toLowerCase().startsWith("mailto:")) text = text.slice(7);
  if (text.length === 0) return { ok: false, raw, reason: "empty" };
  const at = text.lastIndexOf("@");
  if (at < 0) return { ok: false, raw, reason: "no-at" };
  const local = text.slice(0, at);
  if (!isValidLocal(local)) return { ok: false, raw, reason: "bad-local" };
  const domain = normalizeDomain(text.slice(at + 1));
  if (domain === null) return { ok: false, raw, reason: "bad-domain" };
  const unicodeDomain = domain.startsWith("[") || !domain.includes("xn--") ? domain : toUnicodeDomain(domain);
  const name = displayName?.trim();
  return {
    ok: true,
    key: `${local.toLowerCase()}@${domain}`,
    display: `${local}@${unicodeDomain}`,
    local,
    domain,
    displayName: name ? name : undefined,
  };
}

/**
 * The address key, the one way Send Guard compares addresses everywhere (recipients, reviewers,
 * senders, approvals, the fingerprint, addresses found in files): the local part in lower case
 * @ the domain in lower-case punycode. `undefined` for anything that is not a valid address:
 * callers decide what an invalid address means where they are (never equal to another).
 */
export function addressKey(address: string): string | undefined {
  const parsed = parseAddress(address);
  return parsed.ok ? parsed.key : undefined;
}

/** Two addresses are the same person's: both valid, same key. */
export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  const key = a === undefined ? undefined : addressKey(a);
  return key !== undefined && b !== undefined && key === addressKey(b);
}

/** True when `domain` is `base` or one of its subdomains (both normalised). */
export function isDomainOrSubdomain(domain: string, base: string): boolean {
  return domain === base || domain.endsWith(`.${base}`);
}
