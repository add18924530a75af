/**
 * Realistic attachments generated in code (no committed binaries): Office files
 * written as their XML parts zipped with fflate, encrypted archives with zip.js,
 * a password-protected Office container with cfb, Shift_JIS with iconv-lite.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter, configure } from "@zip.js/zip.js";
import * as CFB from "cfb";
import { strToU8, zipSync } from "fflate";
import * as iconv from "iconv-lite";

configure({ useWebWorkers: false });

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** An .xlsx: strings in the shared-string table (as Excel writes them), or inline when `inline` is set. */
export function xlsx(sheets: { name: string; rows: string[][] }[], options: { inline?: boolean } = {}): Uint8Array {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join("")}</Relationships>`,
    ),
  };
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((value, c) => {
            const ref = `${columnName(c)}${r + 1}`;
            if (value === "") return "";
            if (/^-?\d+(\.\d+)?$/.test(value) && !value.startsWith("0")) return `<c r="${ref}"><v>${value}</v></c>`;
            if (options.inline) return `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
            if (!index.has(value)) index.set(value, shared.push(value) - 1);
            return `<c r="${ref}" t="s"><v>${index.get(value)}</v></c>`;
          })
          .join("");
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join("");
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    );
  });
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`).join("")}</sst>`,
  );
  return zipSync(files);
}

/** A .docx with one paragraph per line; a line may be split into several runs, as Word does. */
export function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const half = Math.ceil(p.length / 2);
      return `<w:p><w:r><w:t xml:space="preserve">${escape(p.slice(0, half))}</w:t></w:r><w:r><w:t>${escape(p.slice(half))}</w:t></w:r></w:p>`;
    })
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** A .pptx with the given text on slides. */
export function pptx(slides: string[][]): Uint8Array {
  const files: Record<string, Uint8Array> = { "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types/>`) };
  slides.forEach((lines, i) => {
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody>${lines.map((l) => `<a:p><a:r><a:t>${escape(l)}</a:t></a:r></a:p>`).join("")}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    );
  });
  return zipSync(files);
}

/** A ZIP with the given files, optionally password-protected (ZipCrypto, as most "PPAP" mail uses, or AES). */
export async function zip(entries: Record<string, Uint8Array>, password?: { password: string; zipCrypto?: boolean }): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), password ? { password: password.password, zipCrypto: password.zipCrypto ?? false } : {});
  for (const [name, data] of Object.entries(entries)) await writer.add(name, new Uint8ArrayReader(data));
  return writer.close();
}

/** A password-protected Office file: a compound-file container holding EncryptionInfo and EncryptedPackage streams. */
export function encryptedOffice(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, "EncryptedPackage", Buffer.alloc(4096, 0x5a));
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}

export function shiftJis(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "Shift_JIS"));
}

export function utf16le(text: string, bom = true): Uint8Array {
  return new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), iconv.encode(text, "utf-16le")]));
}

const FAMILY = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤"];
const GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "由美", "翔太", "愛", "大輔", "陽子"];
const PLACES = ["東京都千代田区丸の内", "大阪府大阪市北区梅田", "北海道札幌市中央区", "福岡県福岡市博多区", "神奈川県横浜市西区"];

/** `count` people with Japanese names, addresses, phones and emails, with a header row. */
export function peopleRows(count: number): string[][] {
  return [
    ["氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス"],
    ...Array.from({ length: count }, (_, i) => [
      `${FAMILY[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}`,
      "ヤマダ タロウ",
      `${String(100 + (i % 800)).padStart(3, "0")}-${String(1000 + i).slice(-4)}`,
      `${PLACES[i % PLACES.length]}${(i % 9) + 1}-${(i % 20) + 1}-${(i % 5) + 1}`,
      `090-${String(2000 + i).padStart(4, "0")}-${String(3000 + i).slice(-4)}`,
      `member${i}@example${i % 7}.jp`,
    ]),
  ];
}
