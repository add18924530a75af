import { strToU8, zipSync } from "fflate";
import { isValidMyNumber } from "../../src/inspect/cell";
import { Detector } from "../../src/inspect/detect";
import { inspectFile, type InspectionResult } from "../../src/inspect/inspect";
import { DEFAULT_LIMITS } from "../../src/inspect/limits";
import { docx, encryptedOffice, peopleRows, pptx, shiftJis, utf16le, xlsx, zip } from "../support/files";

function inspected(result: InspectionResult) {
  if (result.status !== "inspected") throw new Error(`expected an inspected file, got ${JSON.stringify(result)}`);
  return result;
}

const orderNumber = (i: number) => {
  const first = String(40000000000 + i * 104729);
  for (let d = 0; d <= 9; d++) if (isValidMyNumber(`${first}${d}`)) return `${first}${d}`;
  return `${first}0`;
};

/** A distinct mobile number for each i below 100,000,000. */
const phone = (i: number) => `090-${String(Math.floor(i / 10_000)).padStart(4, "0")}-${String(i % 10_000).padStart(4, "0")}`;

describe("spreadsheets", () => {
  test("an XLSX of 200 people (shared strings): names, addresses, phones, emails and the header row", async () => {
    const result = inspected(await inspectFile("会員名簿.xlsx", xlsx([{ name: "会員", rows: peopleRows(200) }])));
    expect(result.format).toBe("xlsx");
    expect(result.detection.counts).toMatchObject({ email: 200, phone: 200, "postal-code": 200, "postal-address": 200 });
    expect(result.detection.headers).toEqual([{ where: "会員", columns: ["氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス"], rows: 200 }]);
  });

  test("inline strings and several sheets are read too", async () => {
    const file = xlsx(
      [
        { name: "表紙", rows: [["2024年度 名簿"]] },
        { name: "名簿", rows: peopleRows(15) },
      ],
      { inline: true },
    );
    const result = inspected(await inspectFile("list.xlsx", file));
    expect(result.detection.counts.email).toBe(15);
    expect(result.detection.headers[0]?.where).toBe("名簿");
  });

  test("a sales sheet with 12-digit order numbers (valid check digits, no context) is not personal data", async () => {
    const rows = [["受注番号", "商品", "数量", "金額"], ...Array.from({ length: 100 }, (_, i) => [orderNumber(i), "トナー", String(i + 1), String((i + 1) * 3000)])];
    const result = inspected(await inspectFile("売上.xlsx", xlsx([{ name: "売上", rows }])));
    expect(result.detection.counts).toEqual({ email: 0, phone: 0, "postal-code": 0, "postal-address": 0, "my-number": 0, card: 0 });
    expect(result.detection.headers).toEqual([]);
  });
});

describe("text and CSV in the encodings Japanese offices use", () => {
  const csv = peopleRows(30).map((r) => r.join(",")).join("\r\n");

  test.each<[string, Uint8Array]>([
    ["UTF-8", strToU8(csv)],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(csv)])],
    ["Shift_JIS (Excel's CSV on Japanese Windows)", shiftJis(csv)],
    ["UTF-16LE with BOM", utf16le(csv)],
    ["UTF-16LE without BOM", utf16le(csv, false)],
  ])("%s", async (_name, bytes) => {
    const result = inspected(await inspectFile("名簿.csv", bytes));
    expect(result.detection.counts).toMatchObject({ email: 30, phone: 30 });
    expect(result.detection.headers[0]?.columns).toContain("氏名");
  });

  test("TSV is split on tabs", async () => {
    const tsv = peopleRows(5).map((r) => r.join("\t")).join("\n");
    expect(inspected(await inspectFile("list.tsv", strToU8(tsv))).detection.headers[0]?.columns).toHaveLength(6);
  });

  test("a CSV of millions of characters is read in parts: every row counted once, the header row kept", async () => {
    const rows = [["氏名", "住所", "電話番号", "メールアドレス"], ...Array.from({ length: 40_000 }, (_, i) => [`利用者 ${i}`, `大阪府大阪市北区梅田${(i % 9) + 1}-${(i % 20) + 1}`, `090-${String(i % 10_000).padStart(4, "0")}-${String(i % 7919).padStart(4, "0")}`, `user${i}@example${i % 30}.jp`])];
    const csv = rows.map((r) => r.join(",")).join("\r\n");
    expect(csv.length).toBeGreaterThan(2_000_000); // dozens of parts of 64 K characters
    const { detection } = inspected(await inspectFile("名簿.csv", strToU8(csv)));
    expect(detection.counts).toMatchObject({ email: 40_000, phone: 40_000, "postal-address": 40_000 });
    expect(detection.headers).toEqual([{ where: "名簿.csv", columns: ["氏名", "住所", "電話番号", "メールアドレス"], rows: 40_000 }]);
  });

  test("quoted cells with commas and line breaks survive the boundaries between parts", async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `user${i}@example.jp,"備考: 第${i}回, 出席\r\n次回も参加予定\r\n以上",090-${String(i % 10_000).padStart(4, "0")}-1234`);
    const csv = ["メールアドレス,備考,電話番号", ...rows].join("\r\n");
    expect(csv.length).toBeGreaterThan(1_100_000);
    const { detection } = inspected(await inspectFile("list.csv", strToU8(csv)));
    expect(detection.counts).toMatchObject({ email: 25_000, phone: 25_000 });
    expect(detection.emails).toHaveLength(25_000);
  });

  test("a very large CSV goes in at most 256 parts (Papa Parse recurses once per part), every row counted", async () => {
    // 1.5 M rows of 14 characters: 21 M characters, 320 parts of 64 K; at most 256 parts makes them larger.
    const rows = 1_500_000;
    const csv = strToU8(`${"1,2,3,4,5,6,7\n".repeat(rows - 1)}x@example.jp,2,3,4,5,6,7`);
    const addRows = jest.spyOn(Detector.prototype, "addRows");
    let seen = 0;
    addRows.mockImplementation(function (this: Detector, batch) {
      seen += batch.length;
    });
    try {
      const result = await inspectFile("big.csv", csv, { ...DEFAULT_LIMITS, maxBytes: 30 * 1024 * 1024, maxRows: 2_000_000, timeBudgetMs: 60_000 });
      expect(result.status).toBe("inspected");
      expect(addRows.mock.calls.length).toBeGreaterThan(200);
      expect(addRows.mock.calls.length).toBeLessThanOrEqual(256);
      expect(seen).toBe(rows);
    } finally {
      addRows.mockRestore();
    }
  });

  test.each<[string, (i: number) => string, string]>([
    ["a CSV on one line", (i) => `user${i}@example.jp,${phone(i)},メモ`, ","],
    ["a quote never closed, early in the file", (i) => `${i === 3 ? '"' : ""}user${i}@example.jp,${phone(i)},メモ`, "\r\n"],
  ])("%s (rows longer than a part) is read in few parts, nothing lost or read twice", async (_name, cells, separator) => {
    const csv = strToU8(Array.from({ length: 150_000 }, (_, i) => cells(i)).join(separator));
    expect(csv.length).toBeGreaterThan(4_000_000); // about 70 parts of 64 K characters
    let clockReads = 0;
    const result = inspected(await inspectFile("list.csv", csv, DEFAULT_LIMITS, () => ++clockReads && 0));
    // Phones are counted, not deduplicated: a row read twice would show.
    expect(result.detection.counts).toMatchObject({ email: 150_000, phone: 150_000 });
    // Each part reads the clock once: parts joined again and again to one unfinished row would be ~70.
    expect(clockReads).toBeLessThanOrEqual(22);
  });

  test("the time budget is checked between the parts of a large CSV", async () => {
    const csv = strToU8(peopleRows(30_000).map((r) => r.join(",")).join("\r\n"));
    let clock = 0;
    // Each look at the clock moves it 400 ms: the first part fits in a 1,000 ms budget, the rest do not.
    const result = await inspectFile("名簿.csv", csv, { ...DEFAULT_LIMITS, timeBudgetMs: 1000 }, () => (clock += 400));
    expect(result).toEqual({ status: "unscannable", format: "unknown", reason: "time-budget", entry: undefined });
  });

  test("blank lines (before the header, between rows, at the end) change no count", async () => {
    const [header, ...people] = peopleRows(8).map((r) => r.join(","));
    const csv = ["", "", header, ...people.flatMap((row) => [row, ""]), "", ",,", ""].join("\r\n");
    const { detection } = inspected(await inspectFile("名簿.csv", strToU8(csv)));
    expect(detection.headers).toEqual([{ where: "名簿.csv", columns: ["氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス"], rows: 8 }]);
    expect(detection.counts).toMatchObject({ email: 8, phone: 8, "postal-code": 8, "postal-address": 8 });
  });

  test("the Montedio case: the recipient list itself attached as CSV", async () => {
    const addresses = Array.from({ length: 152 }, (_, i) => `supporter${i}@example${i % 9}.ne.jp`);
    const result = inspected(await inspectFile("送信先リスト.csv", strToU8(addresses.join("\n"))));
    expect(result.detection.emails).toHaveLength(152);
    expect(result.detection.emails[0]).toBe("supporter0@example0.ne.jp");
  });

  test("bytes that are neither UTF-8, UTF-16 nor Shift_JIS are unscannable with the reason", async () => {
    const garbage = new Uint8Array(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0x81 : 0xff)));
    expect(await inspectFile("data.csv", garbage)).toEqual({ status: "unscannable", format: "unknown", reason: "unknown-encoding" });
  });
});

describe("documents", () => {
  test("a DOCX with a class list in its text", async () => {
    const lines = ["1年A組 連絡網", ...peopleRows(12).slice(1).map((r) => r.join(" "))];
    const result = inspected(await inspectFile("連絡網.docx", docx(lines)));
    expect(result.format).toBe("docx");
    expect(result.detection.counts).toMatchObject({ email: 12, phone: 12 });
  });

  test("a DOCX that mentions one contact address is not a list", async () => {
    const result = inspected(await inspectFile("ご案内.docx", docx(["平素よりお世話になっております。", "お問い合わせ: info@mirai-shoji.co.jp までご連絡ください。"])));
    expect(result.detection.counts).toMatchObject({ email: 1, phone: 0, "my-number": 0 });
  });

  test("a PPTX: text from every slide", async () => {
    const result = inspected(await inspectFile("説明会.pptx", pptx([["参加者"], ["佐藤 090-1111-2222 sato@example.jp", "鈴木 080-3333-4444 suzuki@example.jp"]])));
    expect(result.detection.counts).toMatchObject({ email: 2, phone: 2 });
  });

  test("an attached message: its text and its attachments, one level down", async () => {
    const inner = peopleRows(11).map((r) => r.join(",")).join("\r\n");
    const eml = [
      "From: 田中 <tanaka@mirai-shoji.co.jp>",
      "To: sato@mirai-shoji.co.jp",
      "Subject: =?UTF-8?B?5ZCN57C/?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "名簿を送ります。携帯 090-9999-8888",
      "--b1",
      'Content-Type: text/csv; name="list.csv"',
      'Content-Disposition: attachment; filename="list.csv"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(inner).toString("base64"),
      "--b1--",
      "",
    ].join("\r\n");
    const result = inspected(await inspectFile("転送.eml", strToU8(eml)));
    expect(result.format).toBe("eml");
    expect(result.detection.counts.phone).toBe(12);
    expect(result.detection.emails).toEqual(expect.arrayContaining(["member0@example0.jp", "tanaka@mirai-shoji.co.jp"]));
  });
});

describe("archives", () => {
  test("a ZIP inside a ZIP inside a ZIP: the third level is named, not opened", async () => {
    const deepest = await zip({ "deep.csv": strToU8("a@example.jp") });
    const middle = await zip({ "deepest.zip": deepest });
    const outer = await zip({ "middle.zip": middle });
    expect(inspected(await inspectFile("outer.zip", outer)).unreadable).toEqual([{ entry: "outer.zip/middle.zip/deepest.zip", reason: "nested-too-deep" }]);
  });

  test("a ZIP: every entry inspected, one level of nesting", async () => {
    const inner = await zip({ "inner.csv": strToU8(Array.from({ length: 4 }, (_, i) => `guardian${i}@example.jp`).join("\n")) });
    const outer = await zip({ "名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(10) }]), "nested.zip": inner, "readme.txt": strToU8("資料一式") });
    const result = inspected(await inspectFile("資料.zip", outer));
    expect(result.format).toBe("zip");
    expect(result.detection.counts.email).toBe(14);
    expect(result.unreadable).toEqual([]);
  });

  test.each([
    ["ZipCrypto (most PPAP mail)", true],
    ["AES", false],
  ])("a password-protected ZIP (%s) is unscannable, entry by entry", async (_name, zipCrypto) => {
    const ppap = await zip({ "顧客名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(50) }]) }, { password: "secret", zipCrypto });
    const result = inspected(await inspectFile("顧客名簿.zip", ppap));
    expect(result.unreadable).toEqual([{ entry: "顧客名簿.xlsx", reason: "encrypted-zip" }]);
    expect(result.detection.counts.email).toBe(0);
  });

  test("a zip bomb stops at the decompression limit, whatever size it declares", async () => {
    const bomb = zipSync({ "zeros.csv": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { ...DEFAULT_LIMITS, maxDecompressedBytes: 1024 * 1024 };
    expect(await inspectFile("bomb.zip", bomb, limits)).toMatchObject({ status: "unscannable", reason: "decompressed-too-large" });
    // The same bomb lying about its size in the directory (4 KB declared): stopped by the bytes that come out.
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 4096, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 4096, true);
    }
    expect(await inspectFile("bomb.zip", lying, limits)).toMatchObject({ status: "unscannable", reason: "decompressed-too-large", entry: "zeros.csv" });
  });

  test("too many entries", async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8("x")])));
    expect(await inspectFile("many.zip", many, { ...DEFAULT_LIMITS, maxEntries: 20 })).toEqual({ status: "unscannable", format: "unknown", reason: "too-many-entries" });
  });
});

describe("files that cannot be read are named with the reason, never an exception", () => {
  test.each<[string, string, () => Promise<Uint8Array> | Uint8Array, string]>([
    ["a password-protected DOCX (compound-file container)", "契約書.docx", () => encryptedOffice(), "password-protected-office"],
    ["a legacy binary Excel file", "old.xls", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]), "legacy-office-format"],
    ["a PDF", "名簿.pdf", () => strToU8("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "pdf"],
    ["a truncated XLSX", "half.xlsx", () => xlsx([{ name: "s", rows: peopleRows(100) }]).slice(0, 2000), "corrupt"],
    ["random bytes named .xlsx", "x.xlsx", () => new Uint8Array(Array.from({ length: 500 }, (_, i) => (i * 7919) % 256)), "unsupported-format"],
    ["an unknown binary type", "data.bin", () => new Uint8Array([1, 2, 3]), "unsupported-format"],
  ])("%s", async (_name, fileName, make, reason) => {
    const result = await inspectFile(fileName, await make());
    expect(result).toMatchObject({ status: "unscannable", reason });
  });

  test("a file over the size limit is not read at all", async () => {
    expect(await inspectFile("big.csv", new Uint8Array(2048), { ...DEFAULT_LIMITS, maxBytes: 1024 })).toMatchObject({ status: "unscannable", reason: "too-large" });
  });

  test("the time budget is enforced", async () => {
    let t = 0;
    const clock = () => (t += 1000);
    const result = await inspectFile("list.xlsx", xlsx([{ name: "s", rows: peopleRows(10) }]), { ...DEFAULT_LIMITS, timeBudgetMs: 1500 }, clock);
    expect(result).toMatchObject({ status: "unscannable", reason: "time-budget" });
  });

  test("images and other media are skipped, not flagged", async () => {
    expect(await inspectFile("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ status: "skipped", format: "media" });
  });
});

describe("a file longer than inspection.maxRows is read in part and says so (never passed as if read whole)", () => {
  const limits = { ...DEFAULT_LIMITS, maxRows: 10 };
  const csvOf = (rows: string[][], end = "\r\n") => strToU8(rows.map((r) => r.join(",")).join("\r\n") + end);
  const partly = (result: InspectionResult) => (result.status === "inspected" ? result.unreadable.filter((u) => u.reason === "too-many-rows") : []);

  test.each([
    ["a CSV one row over the limit", "list.csv", csvOf(peopleRows(10)), 1],
    ["a CSV far over the limit", "list.csv", csvOf(peopleRows(500)), 1],
    ["a CSV exactly at the limit, ending in a line break", "list.csv", csvOf(peopleRows(9)), 0],
    ["a CSV exactly at the limit followed by blank lines only", "list.csv", csvOf(peopleRows(9), "\r\n\r\n\n"), 0],
    ["plain text one line over", "notes.txt", strToU8(Array.from({ length: 11 }, (_, i) => `line ${i}`).join("\n")), 1],
    ["plain text at the limit, with a final line break", "notes.txt", strToU8(Array.from({ length: 10 }, (_, i) => `line ${i}`).join("\n") + "\n"), 0],
  ])("%s", async (_name, file, bytes, expected) => {
    const result = await inspectFile(file, bytes, limits);
    expect(result.status).toBe("inspected");
    expect(partly(result)).toHaveLength(expected);
    if (expected) expect(partly(result)[0]?.entry).toBe(file);
  });

  test("a worksheet over the limit names the sheet; what was read still counts", async () => {
    const book = xlsx([{ name: "会員", rows: peopleRows(40) }, { name: "短い", rows: [["品名"], ["A"]] }]);
    const result = await inspectFile("会員.xlsx", book, limits);
    expect(partly(result)).toEqual([{ entry: "会員", reason: "too-many-rows" }]);
    expect(result.status === "inspected" && result.detection.counts.phone).toBe(9);
  });
});
