import { isValidMyNumber, passesLuhn } from "../../src/inspect/cell";
import { detect, type Sheet } from "../../src/inspect/detect";

/** A 12-digit My Number with a valid check digit, from 11 digits. */
function myNumber(first11: string): string {
  for (let d = 0; d <= 9; d++) if (isValidMyNumber(`${first11}${d}`)) return `${first11}${d}`;
  throw new Error("unreachable");
}

const sheet = (name: string, rows: string[][]): Sheet => ({ name, rows });
const lines = (text: string): Sheet => ({ name: "body", rows: text.split("\n").map((line) => [line]) });

describe("check digits", () => {
  test("My Number: exactly one check digit of ten is valid, per the specified weights", () => {
    const base = "12345678901";
    const valid = [...Array(10).keys()].filter((d) => isValidMyNumber(`${base}${d}`));
    expect(valid).toHaveLength(1);
    // Worked example: P(1..11) from the right of 12345678901 with weights 2,3,4,5,6,7,2,3,4,5,6: Σ = 212, 212 mod 11 = 3, 11 − 3 = 8.
    expect(isValidMyNumber("123456789018")).toBe(true);
  });

  test.each([
    ["4111111111111111", true],
    ["4111111111111112", false],
    ["378282246310005", true],
    ["3530111333300000", true],
    ["1234567812345678", false],
    ["12345", false],
  ])("Luhn %s → %s", (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });
});

describe("a class list (the Hakodate case): header row, names, phones, addresses, emails", () => {
  const rows = [
    ["学籍番号", "氏名", "フリガナ", "住所", "電話番号", "メールアドレス"],
    ...Array.from({ length: 40 }, (_, i) => [
      `2023${String(i).padStart(3, "0")}`,
      `山田 太郎${i}`,
      "ヤマダ タロウ",
      `北海道函館市美原${i}丁目`,
      `090-${String(1000 + i)}-5678`,
      `student${i}@example.ed.jp`,
    ]),
  ];
  const result = detect([sheet("名簿", rows)]);

  test("counts each kind, and names the header columns and the data rows", () => {
    expect(result.counts).toMatchObject({ email: 40, phone: 40, "postal-address": 40, "my-number": 0, card: 0 });
    expect(result.headers).toEqual([{ where: "名簿", columns: ["学籍番号", "氏名", "フリガナ", "住所", "電話番号", "メールアドレス"], rows: 40 }]);
    expect(result.emails).toHaveLength(40);
  });

  test("samples are masked: never a whole address, phone or email", () => {
    const byKind = Object.fromEntries(result.samples.map((s) => [s.kind, s.masked]));
    expect(byKind.email).toBe("s***@example.ed.jp");
    expect(byKind.phone).toBe("***-****-5678");
    expect(byKind["postal-address"]).toBe("北海道函館市…");
  });
});

describe("My Number needs a valid check digit and a context keyword", () => {
  const valid = myNumber("12345678901");
  const invalid = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;

  test.each<[string, Sheet[], number]>([
    ["in a column headed 個人番号", [sheet("s", [["氏名", "個人番号"], ["佐藤 花子", valid]])], 1],
    ["with マイナンバー in the same row", [sheet("s", [["マイナンバー", `${valid.slice(0, 4)} ${valid.slice(4, 8)} ${valid.slice(8)}`]])], 1],
    ["in running text with the keyword", [lines(`個人番号: ${valid}`)], 1],
    ["without any context (an order number)", [sheet("受注", [["注文番号", "金額"], [valid, "12,000"]])], 0],
    ["a wrong check digit, even with context", [sheet("s", [["個人番号"], [invalid]])], 0],
  ])("%s → %p", (_name, sheets, expected) => {
    expect(detect(sheets).counts["my-number"]).toBe(expected);
  });

  test("the sample shows none of the digits", () => {
    const masked = detect([sheet("s", [["個人番号"], [valid]])]).samples.find((s) => s.kind === "my-number")?.masked;
    expect(masked).toBe("************");
  });
});

describe("payment cards need Luhn and context", () => {
  test.each<[string, Sheet[], number]>([
    ["card column", [sheet("s", [["氏名", "カード番号"], ["鈴木", "4111 1111 1111 1111"]])], 1],
    ["card words in the row", [lines("Card: 4111-1111-1111-1111 exp 12/28")], 1],
    ["16 digits without context", [lines("出荷番号 4111111111111111")], 0],
    ["Luhn fails", [lines("credit card 4111 1111 1111 1112")], 0],
  ])("%s → %p", (_name, sheets, expected) => {
    expect(detect(sheets).counts.card).toBe(expected);
  });

  test("the sample keeps the last four digits only", () => {
    expect(detect([lines("VISA 4111 1111 1111 1111")]).samples.find((s) => s.kind === "card")?.masked).toBe("**** **** **** 1111");
  });
});

describe("phones and postal codes", () => {
  test.each<[string, string, number]>([
    ["landline", "代表 03-1234-5678", 1],
    ["mobile", "携帯 090-1234-5678", 1],
    ["parentheses", "(06)1234-5678", 1],
    ["international", "+81 90 1234 5678", 1],
    ["bare mobile", "09012345678", 1],
    ["a postal code starting with 0 is not a phone", "〒060-0001 北海道札幌市", 0],
    ["a part number", "品番 1234-5678", 0],
    ["a bare 10-digit number outside a phone column", "伝票 0312345678", 0],
  ])("phone: %s (%s → %p)", (_name, text, expected) => {
    expect(detect([lines(text)]).counts.phone).toBe(expected);
  });

  test("a bare number in a phone column is a phone", () => {
    expect(detect([sheet("s", [["氏名", "電話"], ["田中", "0312345678"]])]).counts.phone).toBe(1);
  });

  test("postal codes: with a hyphen anywhere, bare 7 digits only in a postal column", () => {
    expect(detect([lines("〒100-0001 東京都千代田区千代田1-1")]).counts).toMatchObject({ "postal-code": 1, "postal-address": 1 });
    expect(detect([lines("受注 1000001")]).counts["postal-code"]).toBe(0);
    expect(detect([sheet("s", [["氏名", "郵便番号"], ["田中", "1000001"]])]).counts["postal-code"]).toBe(1);
  });

  test("full-width digits and hyphens are read too (NFKC)", () => {
    expect(detect([lines("電話 ０９０－１２３４－５６７８")]).counts.phone).toBe(1);
  });
});

describe("ordinary business files are not personal data", () => {
  test("a sales sheet with 12-digit order numbers, amounts and one contact address", () => {
    const rows = [
      ["受注番号", "商品", "数量", "金額", "担当窓口"],
      ...Array.from({ length: 50 }, (_, i) => [myNumber(String(10000000000 + i * 7919)), "A4コピー用紙", String(i + 1), `${(i + 1) * 1200}`, i === 0 ? "sales@mirai-shoji.co.jp" : ""]),
    ];
    const result = detect([sheet("売上", rows)]);
    expect(result.counts).toEqual({ email: 1, phone: 0, "postal-code": 0, "postal-address": 0, "my-number": 0, card: 0 });
    expect(result.headers).toEqual([]);
  });

  test("a header needs two personal fields: one 'name' column is not enough", () => {
    expect(detect([sheet("s", [["Name", "Price", "Qty"], ["Widget", "100", "2"]])]).headers).toEqual([]);
    expect(detect([sheet("s", [["Name", "Email", "Qty"], ["Ito", "ito@example.com", "2"]])]).headers).toHaveLength(1);
  });

  test("the same address repeated counts once", () => {
    const result = detect([lines("info@acme.co.jp\nINFO@acme.co.jp\ninfo@ACME.co.jp")]);
    expect(result.emails).toEqual(["info@acme.co.jp"]);
    expect(result.counts.email).toBe(1);
  });
});
