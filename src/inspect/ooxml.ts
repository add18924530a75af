import { XMLParser } from "fast-xml-parser";
import type { Sheet } from "./detect";
import type { Budget } from "./limits";
import { Unscannable } from "./limits";
import type { ZipContents } from "./zip";

const ARRAYS = new Set(["row", "c", "si", "r", "sheet", "Relationship", "w:p", "w:r", "w:t", "a:p", "a:r", "a:t", "w:tr", "w:tc"]);

// Values stay strings: "090…" keeps its zero and 12-digit numbers keep every digit.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function utf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

function parseXml(zip: ZipContents, path: string, budget: Budget): Node | undefined {
  const bytes = zip.files.get(path);
  if (!bytes) return undefined;
  budget.check();
  try {
    return parser.parse(utf8(bytes)) as Node;
  } catch {
    throw new Unscannable("corrupt", path);
  }
}

/** Every text run under a node, in document order (`t`, `w:t`, `a:t` elements). */
function textOf(node: unknown, tags: readonly string[]): string {
  if (typeof node === "string") return "";
  if (Array.isArray(node)) return node.map((n) => textOf(n, tags)).join("");
  if (typeof node !== "object" || node === null) return "";
  let out = "";
  for (const [key, value] of Object.entries(node as Node)) {
    if (tags.includes(key)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        out += typeof item === "string" ? item : String((item as Node)?.["#text"] ?? "");
      }
    } else if (!key.startsWith("@_")) out += textOf(value, tags);
  }
  return out;
}

/** Column index of a cell reference: "A1" → 0, "AB12" → 27. */
function columnOf(reference: string | undefined, fallback: number): number {
  const letters = /^([A-Z]+)\d+$/.exec(reference ?? "")?.[1];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** XLSX: every worksheet as rows of cell text (shared strings, inline strings and values). */
export function xlsxSheets(zip: ZipContents, budget: Budget): Sheet[] {
  const shared = asArray((parseXml(zip, "xl/sharedStrings.xml", budget)?.sst as Node | undefined)?.si).map((si) => textOf(si, ["t"]));
  const workbook = parseXml(zip, "xl/workbook.xml", budget);
  const rels = parseXml(zip, "xl/_rels/workbook.xml.rels", budget);
  const targets = new Map<string, string>();
  for (const rel of asArray((rels?.Relationships as Node | undefined)?.Relationship as Node[] | undefined)) {
    const target = String(rel["@_Target"] ?? "").replace(/^\//, "");
    targets.set(String(rel["@_Id"]), target.startsWith("xl/") ? target : `xl/${target}`);
  }
  const declared = asArray(((workbook?.workbook as Node | undefined)?.sheets as Node | undefined)?.sheet as Node[] | undefined).map((s) => ({
    name: String(s["@_name"] ?? ""),
    path: targets.get(String(s["@_r:id"] ?? "")),
  }));
  const paths = declared.length
    ? declared
    : [...zip.files.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).map((path) => ({ name: path, path }));

  const sheets: Sheet[] = [];
  for (const { name, path } of paths) {
    if (!path) continue;
    const xml = parseXml(zip, path, budget);
    const data = ((xml?.worksheet as Node | undefined)?.sheetData as Node | undefined)?.row as Node[] | undefined;
    const rows: string[][] = [];
    for (const row of asArray(data)) {
      if (rows.length >= budget.limits.maxRows) break;
      const cells: string[] = [];
      asArray(row.c as Node[] | undefined).forEach((cell, i) => {
        const type = cell["@_t"];
        const value = (cell.v as Node | string | undefined) ?? "";
        const raw = typeof value === "string" ? value : String((value as Node)["#text"] ?? "");
        const text = type === "s" ? (shared[Number(raw)] ?? "") : type === "inlineStr" ? textOf(cell.is, ["t"]) : raw;
        cells[columnOf(cell["@_r"] as string | undefined, i)] = text;
      });
      rows.push(Array.from(cells, (c) => c ?? ""));
    }
    sheets.push({ name, rows });
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
  const text = kind === "docx" ? ["w:t"] : ["a:t"];
  const sheets: Sheet[] = [];
  for (const part of parts) {
    const xml = parseXml(zip, part, budget);
    if (!xml) continue;
    const lines: string[][] = [];
    const walk = (node: unknown) => {
      if (lines.length >= budget.limits.maxRows || typeof node !== "object" || node === null) return;
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      for (const [key, value] of Object.entries(node as Node)) {
        if (key === paragraph) for (const p of asArray(value)) lines.push([textOf(p, text)]);
        else if (!key.startsWith("@_")) walk(value);
      }
    };
    walk(xml);
    sheets.push({ name: part, rows: lines });
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
