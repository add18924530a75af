import { strFromU8 } from "fflate";
import { Parser } from "htmlparser2";
import type { Sheet } from "./detect";
import type { Budget } from "./limits";
import { Unscannable } from "./limits";
import type { ZipContents } from "./zip";

type Handlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

/**
 * Streams one XML part through htmlparser2's tokenizer in XML mode (SAX-style
 * callbacks, no tree): Office parts reach tens of MB, and a tree would cost
 * several times that in memory and time.
 */
function scan(zip: ZipContents, path: string, budget: Budget, handlers: Handlers): boolean {
  const bytes = zip.files.get(path);
  if (!bytes) return false;
  budget.check();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(name, attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(name),
    },
    { xmlMode: true, decodeEntities: true },
  );
  try {
    // fflate decodes UTF-8 with TextDecoder where there is one, in plain JavaScript elsewhere
    // (classic Outlook's JavaScript-only runtime does not promise TextDecoder).
    parser.end(strFromU8(bytes));
  } catch {
    throw new Unscannable("corrupt", path);
  }
  return true;
}

/** Column index of a cell reference: "A1" → 0, "AB12" → 27. */
function columnOf(reference: string | undefined, fallback: number): number {
  if (!reference) return fallback;
  let n = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? fallback : n - 1;
}

/** XLSX: every worksheet as rows of cell text (shared strings, inline strings and values), named as in the workbook. */
export function xlsxSheets(zip: ZipContents, budget: Budget): Sheet[] {
  const shared: string[] = [];
  let inText = false;
  let current = "";
  scan(zip, "xl/sharedStrings.xml", budget, {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "t") inText = true;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === "t") inText = false;
      else if (name === "si") shared.push(current);
    },
  });

  const targets = new Map<string, string>();
  scan(zip, "xl/_rels/workbook.xml.rels", budget, {
    open: (name, a) => {
      if (name !== "Relationship" || !a.Id || !a.Target) return;
      const target = a.Target.replace(/^\//, "");
      targets.set(a.Id, target.startsWith("xl/") ? target : `xl/${target}`);
    },
  });
  const declared: { name: string; path: string | undefined }[] = [];
  scan(zip, "xl/workbook.xml", budget, {
    open: (name, a) => {
      if (name === "sheet") declared.push({ name: a.name ?? "", path: targets.get(a["r:id"] ?? "") });
    },
  });
  const parts = declared.length
    ? declared
    : [...zip.files.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).map((path) => ({ name: path, path }));

  const sheets: Sheet[] = [];
  for (const { name, path } of parts) {
    if (!path) continue;
    const rows: string[][] = [];
    let truncated = false;
    let row: string[] = [];
    let ref: string | undefined;
    let type: string | undefined;
    let index = 0;
    let collecting = false;
    let value = "";
    const read = scan(zip, path, budget, {
      open: (tag, a) => {
        if (tag === "row") {
          row = [];
          index = 0;
        } else if (tag === "c") {
          ref = a.r;
          type = a.t;
          value = "";
        } else if (tag === "v" || tag === "t") collecting = true;
      },
      text: (text) => {
        if (collecting) value += text;
      },
      close: (tag) => {
        if (tag === "v" || tag === "t") collecting = false;
        else if (tag === "c") {
          const text = type === "s" ? (shared[Number(value)] ?? "") : value;
          const column = columnOf(ref, index);
          while (row.length < column) row.push("");
          row[column] = text;
          index = column + 1;
        } else if (tag === "row") {
          if (rows.length < budget.limits.maxRows) rows.push(row);
          else truncated = true;
        }
      },
    });
    if (read) sheets.push({ name, rows, truncated });
  }
  return sheets;
}

/** DOCX and PPTX: one line per paragraph (tables included: their cells hold paragraphs). */
export function documentSheets(zip: ZipContents, budget: Budget, kind: "docx" | "pptx"): Sheet[] {
  const parts =
    kind === "docx"
      ? ["word/document.xml", ...[...zip.files.keys()].filter((p) => /^word\/(header|footer)\d*\.xml$/.test(p))]
      : [...zip.files.keys()].filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const paragraph = kind === "docx" ? "w:p" : "a:p";
  const run = kind === "docx" ? "w:t" : "a:t";
  const sheets: Sheet[] = [];
  for (const part of parts) {
    const lines: string[][] = [];
    let truncated = false;
    let inText = false;
    let line = "";
    const read = scan(zip, part, budget, {
      open: (tag) => {
        if (tag === paragraph) line = "";
        else if (tag === run) inText = true;
      },
      text: (text) => {
        if (inText) line += text;
      },
      close: (tag) => {
        if (tag === run) inText = false;
        else if (tag === paragraph) {
          if (lines.length < budget.limits.maxRows) lines.push([line]);
          else truncated = true;
        }
      },
    });
    if (read) sheets.push({ name: part, rows: lines, truncated });
  }
  return sheets;
}

/** Which OOXML parts to inflate: the ones the extractors above read, nothing else. */
export function wantedOoxmlPart(name: string): boolean {
  return (
    name === "[Content_Types].xml" ||
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(name) ||
    /^word\/(document|header\d*|footer\d*)\.xml$/.test(name) ||
    /^ppt\/slides\/slide\d+\.xml$/.test(name)
  );
}
