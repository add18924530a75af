import Papa from "papaparse";
import type { Detector } from "./detect";
import { Unscannable, type Budget } from "./limits";

/** A strict decoder, or undefined when the runtime lacks this encoding. */
function decoder(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}

/** Share of zero bytes at even / odd offsets in the first 4 KB: UTF-16 text without a byte-order mark. */
function utf16Without(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.05) return "utf-16le";
  if (even > half * 0.3 && odd < half * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Decodes text the way Japanese offices write it: a byte-order mark says UTF-8 or
 * UTF-16; else UTF-16 by its zero bytes; else UTF-8 if it is valid; else Shift_JIS
 * (CP932; Excel's "CSV" in Japanese Windows). Uses the platform's TextDecoder; a
 * runtime without it (or without Shift_JIS) makes the file unscannable, with that reason.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (typeof TextDecoder !== "function") throw new Unscannable("no-text-decoder");
  let label: string;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [label, body] = ["utf-8", bytes.subarray(3)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, body] = ["utf-16le", bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, body] = ["utf-16be", bytes.subarray(2)];
  else label = utf16Without(bytes) ?? "utf-8";
  const first = decoder(label);
  if (first) {
    try {
      return { text: first.decode(body), encoding: label };
    } catch {
      if (label !== "utf-8") throw new Unscannable("unknown-encoding");
    }
  }
  const sjis = decoder("shift_jis");
  if (!sjis) throw new Unscannable("no-text-decoder");
  try {
    return { text: sjis.decode(body), encoding: "shift_jis" };
  } catch {
    throw new Unscannable("unknown-encoding");
  }
}

const DELIMITED = /\.(csv|tsv|tab)$/i;
/**
 * Characters of text parsed at a time: the rows of one part are scanned and forgotten before
 * the next. 64 K characters keep a part's cells short-lived, so the garbage collector frees them
 * young instead of copying them (measured: business export 40–58 MB/s with 1 M-character parts,
 * 79 with 64 K; 16 K was slower again).
 */
const PART = 1 << 16;
/**
 * Papa Parse goes from one part to the next by recursion (two stack frames a part): beyond
 * 256 parts the parts grow instead, so a file of any allowed size (policy maximum 200 MB) stays
 * within a small stack (256 parts needed under 60 KB here; runtimes give about 1 MB).
 */
const MAX_PARTS = 256;
/**
 * A row longer than a part (a CSV on one line, a quote never closed) makes Papa Parse join each
 * next part to the unfinished row and parse it all again: quadratic (a 15 MB line took 5 s). When a
 * part ends no row, the rest of the file is parsed in at most this many parts, never smaller than PART
 * (about 1 s for that line).
 */
const STALLED_PARTS = 16;

/**
 * Text files into the detector: delimited files as rows of cells (Papa Parse, delimiter
 * detected), anything else as one cell per line. A large file goes in parts (PART), so its
 * rows never all exist at once, and the time budget is checked between parts. Returns
 * whether rows beyond `maxRows` were left unread.
 */
export function readText(name: string, bytes: Uint8Array, budget: Budget, detector: Detector): { truncated: boolean } {
  const { text } = decodeText(bytes);
  budget.check();
  detector.beginSheet(name);
  const maxRows = budget.limits.maxRows;
  if (!DELIMITED.test(name)) {
    const lines = text.split(/\r\n|\n|\r/, maxRows);
    detector.addRows(lines.map((line) => [line]));
    // Text left after the lines read, other than line breaks: rows were not read.
    return { truncated: lines.length === maxRows && /[^\r\n]/.test(text.slice(offsetAfterLines(text, maxRows))) };
  }
  // Papa Parse guesses the delimiter and line break from the first rows; guessed on a prefix, the
  // whole file is then parsed with them (guessing on the whole text costs a third of the parse).
  const { delimiter, linebreak } = Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimiter: "", preview: 10 }).meta;
  const csv = { text, delimiter, newline: linebreak, budget, detector };
  let parsed = readRows(csv, 0, 0, Math.max(PART, Math.ceil(text.length / MAX_PARTS)), true);
  if (parsed.stalled) parsed = readRows(csv, parsed.end, parsed.rows, Math.max(PART, Math.ceil((text.length - parsed.end) / STALLED_PARTS)), false);
  // A row past the limit was seen, or text other than line breaks is left after the rows read.
  return { truncated: parsed.over || (parsed.rows >= maxRows && /[^\r\n]/.test(text.slice(parsed.end))) };
}

/** Where the text after the first `count` lines begins (\r\n, \n and \r each end a line). */
function offsetAfterLines(text: string, count: number): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (++lines === count) return i + 1;
  }
  return text.length;
}

interface Csv {
  text: string;
  delimiter: string;
  newline: string;
  budget: Budget;
  detector: Detector;
}

/**
 * Parses the CSV from `from` (a row boundary) in parts of `size` characters into the detector.
 * With `stopIfStalled`, stops at the first part that ends no row; says where the rows read end.
 */
function readRows(csv: Csv, from: number, rowsBefore: number, size: number, stopIfStalled: boolean): { end: number; rows: number; stalled: boolean; over: boolean } {
  const { budget, detector } = csv;
  const maxRows = budget.limits.maxRows;
  let end = from;
  let rows = rowsBefore;
  let stalled = false;
  let over = false;
  let stopped: unknown;
  if (rows >= maxRows) return { end, rows, stalled, over };
  // Malformed quoting is reported in `errors` and parsing goes on: a damaged CSV is still read.
  // Blank lines stay in (as rows of one empty cell, which the detectors pass over): Papa Parse's
  // skipEmptyLines costs a third of the parse.
  Papa.parse<string[]>(from === 0 ? csv.text : csv.text.slice(from), {
    delimiter: csv.delimiter,
    newline: csv.newline as "\r\n",
    // One row more than the limit allows: seeing it tells that the file goes on (it is not read).
    preview: maxRows - rows + 1,
    chunkSize: size,
    // Papa Parse calls these synchronously for a string (in parts of `chunkSize` characters).
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      try {
        // Only the last part can end no row and be the end: it holds the file's last row.
        if (stopIfStalled && results.data.length === 0) {
          stalled = true;
          parser.abort();
          return;
        }
        let data = results.data;
        if (rows + data.length > maxRows) {
          over ||= data.slice(maxRows - rows).some((row) => row.some((cell) => cell !== ""));
          data = data.slice(0, maxRows - rows);
        }
        detector.addRows(data);
        rows += data.length;
        end = from + results.meta.cursor;
        budget.check();
      } catch (error) {
        stopped = error;
        parser.abort();
      }
    },
    complete: () => undefined,
  });
  if (stopped !== undefined) throw stopped;
  return { end, rows, stalled, over };
}
