import { normalizeDomain } from "../policy/address";

/*
 * What one cell (or one matched piece of text) is, read from its characters: check digits,
 * the cell's shape, whole-cell phone numbers and addresses, address keys. The detector runs
 * these on every cell of a file, so they are single passes over the characters, without
 * patterns or allocations where the cell is common (test/inspect/detect-fast-paths.test.ts
 * holds them to what the patterns in detect.ts find).
 */

/**
 * My Number (個人番号) check digit, as the Cabinet Office specifies it: with P(n) the
 * n-th digit counted from the right excluding the check digit, Q(n) = n + 1 for
 * n ≤ 6 and n − 5 for 7 ≤ n ≤ 11, r = Σ P(n)·Q(n) mod 11, the check digit is
 * 0 when r ≤ 1 and 11 − r otherwise.
 */
export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigitHolds(digits);
}

/** The My Number check on a string known to be 12 ASCII digits (the per-cell path, without a pattern). */
export function myNumberCheckDigitHolds(digits: string): boolean {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (digits.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return digits.charCodeAt(11) - 48 === (r <= 1 ? 0 : 11 - r);
}

/** The Luhn (mod 10) check used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && luhnHolds(digits);
}

/** The Luhn check on a string known to be ASCII digits. */
export function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * What a cell could hold, in one pass and without allocating (it runs for every cell):
 * how many ASCII digits (low 16 bits), "@", a prefecture ending (都 道 府 県: a cell
 * without one cannot hold a prefecture-led address), and full-width forms (U+FF00–FFEF:
 * full-width digits, "＠", "－", half-width kana) that only NFKC normalisation makes readable.
 * Each character's class comes from a table (64 KB): no branches in the loop.
 */
const [DIGIT, AT, PREFECTURE_END, WIDE] = [1, 2, 4, 8] as const;
export const HAS_AT = AT << 16;
export const HAS_PREFECTURE = PREFECTURE_END << 16;
export const FULL_WIDTH = WIDE << 16;
export const DIGIT_COUNT = 0xffff;

const CHAR_CLASS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  table.fill(DIGIT, 48, 58);
  table[64] = AT;
  table.fill(WIDE, 0xff00, 0xfff0);
  for (const end of "都道府県") table[end.charCodeAt(0)] = PREFECTURE_END;
  return table;
})();

export function shapeOf(text: string): number {
  let digits = 0;
  let classes = 0;
  for (let i = 0; i < text.length; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)] as number;
    digits += k & DIGIT;
    classes |= k;
  }
  return ((classes & ~DIGIT) << 16) | Math.min(digits, DIGIT_COUNT);
}

/**
 * Whether a cell is exactly 0X{1,4}-X{1,4}-XXXX (X a digit), the way Japanese lists write phone
 * numbers: PHONE and PHONE_IN_COLUMN match such a cell whole (their formatted form, greedy, finds
 * it first), so with 10 or 11 digits it is one phone number and holds nothing else.
 */
export function isHyphenatedPhone(cell: string): boolean {
  if (cell.charCodeAt(0) !== 48) return false;
  let group = 0;
  let length = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) length++;
    else if (c === 45 && group < 2 && length >= (group === 0 ? 2 : 1) && length <= (group === 0 ? 5 : 4)) {
      group++;
      length = 0;
    } else return false;
  }
  return group === 2 && length === 4;
}

/**
 * The length of a matched phone number as a national number (+81 becomes 0), or -1 when it
 * does not start with 0: Japanese numbers have 10 digits (landline) or 11 (mobile, IP).
 */
export function nationalLength(text: string): number {
  let digits = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (first < 0) first = c;
    digits++;
  }
  if (text.charCodeAt(0) === 43) return digits - 1; // "+81 90 …": drop "81", add the leading 0
  return first === 48 ? digits : -1;
}

/** Normalised domains by the domain as written, and whether writing it in lower case already gives it. */
const domains = new Map<string, { domain: string; plain: boolean } | null>();

/**
 * The address key (policy/address.ts `addressKey`: lower-case local part @ lower-case punycode
 * domain) of a string the address pattern matched in a file, computed without parsing it again:
 * lists hold tens of thousands of addresses and domains repeat, so their normalisation is cached.
 * Same key as `addressKey` for every match the detectors count, `undefined` where the address is
 * not valid (test/inspect/detect-fast-paths.test.ts holds the two together).
 */
export function matchedAddressKey(match: string): string | undefined {
  // The local part (before the last "@"): 1–64 characters, no dot at either end, no "..".
  const at = match.lastIndexOf("@");
  const dots = match.indexOf("..");
  if (at <= 0 || at > 64 || match.charCodeAt(0) === 46 || match.charCodeAt(at - 1) === 46 || (dots !== -1 && dots < at)) return undefined;
  const rawDomain = match.slice(at + 1);
  let known = domains.get(rawDomain);
  if (known === undefined) {
    const lower = rawDomain.toLowerCase();
    const domain = normalizeDomain(lower);
    known = domain ? { domain, plain: domain === lower } : null;
    if (domains.size > 10_000) domains.clear();
    domains.set(rawDomain, known);
  }
  if (!known) return undefined;
  // An ASCII domain normalises to itself in lower case: the key is then the whole match in
  // lower case, one flat string (no concatenation to flatten again when the set hashes it).
  if (!known.plain) return `${match.slice(0, at).toLowerCase()}@${known.domain}`;
  return UPPER_CASE.test(match) ? match.toLowerCase() : match;
}

const UPPER_CASE = /[A-Z]/;

/*
 * What `oneAddress` tells of a cell: not one address (the general patterns read it); one
 * address that is not valid (a 65-character local part, a numeric top-level domain: nothing
 * to count); one address whose key is the cell as written, or the cell in lower case; one
 * address with an IDN ("xn--") label, whose punycode matchedAddressKey checks.
 */
export const OTHER = 0;
export const INVALID = 1;
export const AS_WRITTEN = 2;
export const LOWER_CASE = 3;
const IDN = 4;

/** Characters of a local part besides letters, digits and ".": % + ' - _ (as in the EMAIL pattern of detect.ts). */
function isLocalSymbol(c: number): boolean {
  return c === 37 || c === 43 || c === 39 || c === 45 || c === 95;
}

/**
 * Whether a cell is exactly one address (nothing around it) and whether matchedAddressKey would accept it,
 * decided in one pass over the characters without a pattern or an allocation: an address
 * column has one in every row, and this runs for each of them.
 */
export function oneAddress(cell: string): number {
  const n = cell.length;
  let upper = false;
  // Local part: 1–64 characters, no "." first, last or twice in a row.
  let valid = true;
  let at = 0;
  let previous = 46;
  for (; at < n; at++) {
    const c = cell.charCodeAt(at);
    if (c === 64) break;
    if (c === 46) {
      if (previous === 46) valid = false;
    } else if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || isLocalSymbol(c))) return OTHER;
    previous = c;
  }
  if (at === 0 || at === n) return OTHER;
  if (at > 64 || previous === 46 || n - at - 1 > 253) valid = false;
  // Domain: two or more labels of letters, digits and inner hyphens; at most 63 characters each, the last not all digits.
  let labels = 0;
  let length = 0;
  let digitsOnly = true;
  let idn = false;
  for (let i = at + 1; i <= n; i++) {
    const c = i < n ? cell.charCodeAt(i) : 46;
    if (c === 46) {
      if (length === 0 || cell.charCodeAt(i - 1) === 45) return OTHER;
      if (length > 63) valid = false;
      labels++;
      if (i === n && digitsOnly) valid = false;
      length = 0;
      digitsOnly = true;
      continue;
    }
    if (c >= 65 && c <= 90) upper = true;
    else if (c === 45) {
      if (length === 0) return OTHER;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return OTHER;
    if (c < 48 || c > 57) digitsOnly = false;
    if (length === 0 && (c | 32) === 120 && (cell.charCodeAt(i + 1) | 32) === 110 && cell.charCodeAt(i + 2) === 45 && cell.charCodeAt(i + 3) === 45) idn = true;
    length++;
  }
  if (labels < 2) return OTHER;
  if (!valid) return INVALID;
  if (idn) return IDN;
  return upper ? LOWER_CASE : AS_WRITTEN;
}
