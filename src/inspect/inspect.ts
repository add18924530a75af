import type { Email } from "postal-mime";
import { Detector, type Detection, type Sheet } from "./detect";
import { Budget, DEFAULT_LIMITS, Unscannable, type InspectLimits, type UnscannableReason } from "./limits";
import { documentSheets, wantedOoxmlPart, xlsxSheets } from "./ooxml";
import { readText } from "./text";
import { readZip } from "./zip";

export type InspectionResult =
  | { status: "inspected"; format: string; detection: Detection; unreadable: { entry: string; reason: UnscannableReason }[] }
  | { status: "unscannable"; format: string; reason: UnscannableReason; entry?: string | undefined }
  /** Images, audio, video and other non-document files: nothing to look for. */
  | { status: "skipped"; format: string };

const TEXT = /\.(csv|tsv|tab|txt|text|log|json|xml|html?|vcf|ics|md)$/i;
const SKIPPED = /\.(png|jpe?g|gif|bmp|tiff?|webp|heic|svg|ico|mp3|m4a|wav|mp4|mov|avi|wmv|mkv)$/i;

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** UTF-16LE "EncryptedPackage": the stream a password-protected OOXML file keeps inside its compound-file container. */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]);

function containsBytes(haystack: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first as number); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function merge(into: Detection, from: Detection): void {
  const seen = new Set(into.emails);
  for (const email of from.emails) if (!seen.has(email)) into.emails.push(email);
  for (const kind of Object.keys(into.counts) as (keyof Detection["counts"])[]) into.counts[kind] += from.counts[kind];
  into.counts.email = into.emails.length;
  into.headers.push(...from.headers);
  for (const sample of from.samples) if (!into.samples.some((s) => s.kind === sample.kind)) into.samples.push(sample);
}


interface Extracted {
  format: string;
  sheets: Sheet[];
  /** Nested files (archive entries, attached messages' attachments) to inspect one level down. */
  nested: { name: string; bytes: Uint8Array }[];
  unreadable: { entry: string; reason: UnscannableReason }[];
}

/** Reads a file's text into sheets; plain text and CSV stream straight into the detector instead (in parts). */
async function extract(name: string, bytes: Uint8Array, budget: Budget, depth: number, detector: Detector): Promise<Extracted | { format: string; skip: true }> {
  const base: Omit<Extracted, "format"> = { sheets: [], nested: [], unreadable: [] };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new Unscannable("pdf");
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new Unscannable(containsBytes(bytes, ENCRYPTED_PACKAGE) ? "password-protected-office" : "legacy-office-format");
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const listing = await readZip(bytes, budget, (entry) => wantedOoxmlPart(entry));
    const kind = listing.names.some((n) => n.startsWith("xl/")) ? "xlsx" : listing.names.some((n) => n.startsWith("word/")) ? "docx" : listing.names.some((n) => n.startsWith("ppt/")) ? "pptx" : undefined;
    if (kind && listing.names.includes("[Content_Types].xml")) {
      if (listing.failed.size > 0) throw new Unscannable([...listing.failed.values()].includes("encrypted") ? "encrypted-zip" : "corrupt");
      const sheets = kind === "xlsx" ? xlsxSheets(listing, budget) : documentSheets(listing, budget, kind);
      // A sheet with more rows than the limit was read only in part: named, never passed as if whole.
      const unreadable = sheets.filter((sheet) => sheet.truncated).map((sheet) => ({ entry: sheet.name, reason: "too-many-rows" as const }));
      return { ...base, format: kind, sheets, unreadable };
    }
    // A plain archive: every entry is a file of its own, one level down.
    const archive = await readZip(bytes, budget, () => true);
    const unreadable = [...archive.failed].map(([entry, why]) => ({ entry, reason: (why === "encrypted" ? "encrypted-zip" : "corrupt") as UnscannableReason }));
    // One level of nesting: an archive inside the attachment is opened, an archive inside that is not.
    if (depth >= 3) return { ...base, format: "zip", unreadable: [{ entry: name, reason: "nested-too-deep" }] };
    return { ...base, format: "zip", nested: [...archive.files].map(([entry, data]) => ({ name: entry, bytes: data })), unreadable };
  }
  if (/\.eml$/i.test(name)) {
    let email: Email;
    try {
      // Loaded only for attached messages: postal-mime creates TextEncoder/TextDecoder objects
      // as it loads, which classic Outlook's JavaScript-only runtime does not promise.
      const { default: PostalMime } = await import("postal-mime");
      email = await PostalMime.parse(bytes);
    } catch {
      throw new Unscannable("corrupt");
    }
    const people = [email.from ? [email.from] : [], email.to ?? [], email.cc ?? []].flat();
    const text = [email.subject ?? "", email.text ?? "", ...people.map((a) => ("address" in a ? (a.address ?? "") : ""))].join("\n");
    const nested = (email.attachments ?? []).map((a) => ({
      name: a.filename ?? "attachment",
      bytes: typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
    }));
    return { ...base, format: "eml", sheets: [{ name, rows: text.split(/\r?\n/).map((line) => [line]) }], nested: depth >= 3 ? [] : nested };
  }
  if (TEXT.test(name)) {
    const { truncated } = readText(name, bytes, budget, detector);
    return { ...base, format: "text", unreadable: truncated ? [{ entry: name, reason: "too-many-rows" }] : [] };
  }
  if (SKIPPED.test(name)) return { format: "media", skip: true };
  throw new Unscannable("unsupported-format");
}

async function inspectAt(name: string, bytes: Uint8Array, budget: Budget, depth: number): Promise<InspectionResult> {
  if (bytes.length > budget.limits.maxBytes) return { status: "unscannable", format: "unknown", reason: "too-large" };
  try {
    const detector = new Detector();
    const extracted = await extract(name, bytes, budget, depth, detector);
    if ("skip" in extracted) return { status: "skipped", format: extracted.format };
    budget.check();
    for (const sheet of extracted.sheets) detector.addSheet(sheet);
    const detection = detector.result();
    const unreadable = [...extracted.unreadable];
    for (const file of extracted.nested) {
      const inner = await inspectAt(`${name}/${file.name}`, file.bytes, budget, depth + 1);
      if (inner.status === "inspected") {
        merge(detection, inner.detection);
        unreadable.push(...inner.unreadable);
      } else if (inner.status === "unscannable") unreadable.push({ entry: file.name, reason: inner.reason });
    }
    return { status: "inspected", format: extracted.format, detection, unreadable };
  } catch (error) {
    if (error instanceof Unscannable) return { status: "unscannable", format: "unknown", reason: error.reason, entry: error.entry };
    return { status: "unscannable", format: "unknown", reason: "corrupt" };
  }
}

/**
 * Inspects one attachment: bytes in, what it holds out. Never throws; a file
 * that cannot be read within the limits comes back `unscannable` with the reason.
 */
export function inspectFile(name: string, bytes: Uint8Array, limits: InspectLimits = DEFAULT_LIMITS, now?: () => number): Promise<InspectionResult> {
  return inspectAt(name, bytes, new Budget(limits, now), 1);
}
