import { isValidMyNumber, passesLuhn } from "../../src/inspect/cell";
import { detect, type Sheet } from "../../src/inspect/detect";

/*
 * The detector judges the commonest cells — one address, digits only, one postal code — by
 * their characters, without the patterns. These tests hold the shortcuts to the patterns: a
 * cell as it stands takes the shortcut, the same cell after a space does not (the patterns
 * read it), and both must give the same counts, addresses and masked samples.
 */

const HEADERS = [["備考", "x"], ["電話番号", "x"], ["郵便番号", "x"], ["個人番号", "x"], ["カード番号", "x"]];

/** One sheet: a header row (decides the column's label), then the cell in column 0 with `beside` next to it. */
function oneCell(header: string[], cell: string, beside = ""): Sheet[] {
  return [{ name: "s", rows: [header, [cell, beside]] }];
}

function outcome(sheets: Sheet[]) {
  const { emails, counts, samples } = detect(sheets);
  return { emails, counts, samples };
}

/** A deterministic stream of digits (a linear congruential generator), so a failure can be replayed. */
function digitStream(seed: number): (length: number) => string {
  let state = seed;
  return (length) => {
    let digits = "";
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      digits += String(state % 10);
    }
    return digits;
  };
}

function withMyNumberCheck(first11: string): string {
  for (let d = 0; d <= 9; d++) if (isValidMyNumber(`${first11}${d}`)) return `${first11}${d}`;
  throw new Error("unreachable");
}

function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${body}${d}`)) return `${body}${d}`;
  throw new Error("unreachable");
}

describe("digit-only cells are judged as the patterns judge them", () => {
  const next = digitStream(20261122);
  const cells = [
    ...Array.from({ length: 21 }, (_, i) => next(i + 1)),
    ...["070", "080", "090", "050", "03", "0", "1"].flatMap((prefix) => [10, 11].map((length) => prefix + next(length - prefix.length))),
    withMyNumberCheck(next(11)),
    withMyNumberCheck(`0${next(10)}`),
    withLuhn(next(15)),
    withLuhn(next(12)),
    withLuhn(next(18)),
    next(7),
    "0000000",
  ];

  test.each(HEADERS.flatMap((header) => ["", "マイナンバー", "credit card"].map((beside) => [header[0] as string, beside, header] as const)))(
    "column %s, beside %p",
    (_label, beside, header) => {
      for (const cell of cells) expect({ cell, ...outcome(oneCell(header, cell, beside)) }).toEqual({ cell, ...outcome(oneCell(header, ` ${cell}`, beside)) });
    },
  );

  test.each<[string, string[], string, string, number]>([
    ["a bare mobile number", ["備考", "x"], "09012345678", "phone", 1],
    ["a bare landline outside a phone column", ["備考", "x"], "0312345678", "phone", 0],
    ["a bare landline in a phone column", ["電話番号", "x"], "0312345678", "phone", 1],
    ["seven digits in a postal column", ["郵便番号", "x"], "1000001", "postal-code", 1],
    ["seven digits elsewhere", ["備考", "x"], "1000001", "postal-code", 0],
    ["a My Number in its column", ["個人番号", "x"], withMyNumberCheck("12345678901"), "my-number", 1],
    ["a My Number without context", ["備考", "x"], withMyNumberCheck("12345678901"), "my-number", 0],
    ["a card number in its column", ["カード番号", "x"], "4111111111111111", "card", 1],
    ["a card number failing Luhn", ["カード番号", "x"], "4111111111111112", "card", 0],
    ["20 digits", ["カード番号", "x"], "41111111111111111111", "card", 0],
  ])("%s", (_name, header, cell, kind, expected) => {
    expect(detect(oneCell(header, cell)).counts).toMatchObject({ [kind]: expected });
  });

  test("the samples keep what the patterns' samples keep", () => {
    expect(detect(oneCell(["電話番号", "x"], "09012345678")).samples).toEqual([{ kind: "phone", where: "s", masked: "*******5678" }]);
    expect(detect(oneCell(["個人番号", "x"], withMyNumberCheck("12345678901"))).samples).toEqual([{ kind: "my-number", where: "s", masked: "************" }]);
  });
});

describe("one-address cells are judged as the patterns judge them", () => {
  const cells = [
    "yamada@example.co.jp",
    "Yamada.Taro@Example.CO.JP",
    "o'brien+news@mail-1.example.com",
    "a_b%c-d@x.jp",
    "info@xn--eckwd4c7c.xn--zckzah",
    "INFO@XN--ECKWD4C7C.XN--ZCKZAH",
    "info@xn--zz.example",
    "info@XN--ZZ.example",
    `${"a".repeat(64)}@example.jp`,
    `${"a".repeat(65)}@example.jp`,
    ".yamada@example.jp",
    "yamada.@example.jp",
    "ya..mada@example.jp",
    "yamada@example.123",
    "yamada@123.example",
    `yamada@${"a".repeat(63)}.jp`,
    `yamada@${"a".repeat(64)}.jp`,
    `yamada@${"abcdefghi.".repeat(25)}jp`,
    `yamada@${"abcdefghi.".repeat(24)}jp`,
    "yamada@-example.jp",
    "yamada@example-.jp",
    "yamada@exa_mple.jp",
    "yamada@example",
    "yamada@example.jp.",
    "yamada@example..jp",
    "@example.jp",
    "yamada@",
    "yamada@@example.jp",
    "山田@example.jp",
    "yamada@例え.jp",
    "1234567@8901234.jp",
    "yamada@example.c1",
    "1234567@example.123",
    "ya..mada@example.c1",
  ];

  test.each(cells)("%s", (cell) => {
    const alone = outcome(oneCell(["氏名", "メール"], cell));
    expect(alone).toEqual(outcome(oneCell(["氏名", "メール"], ` ${cell}`)));
  });

  test.each<[string, string[]]>([
    ["yamada@example.co.jp", ["yamada@example.co.jp"]],
    ["Yamada.Taro@Example.CO.JP", ["yamada.taro@example.co.jp"]],
    ["INFO@XN--ECKWD4C7C.XN--ZCKZAH", ["info@xn--eckwd4c7c.xn--zckzah"]],
    ["info@xn--zz.example", []],
    ["info@XN--ZZ.example", []],
    [`${"a".repeat(65)}@example.jp`, []],
    ["ya..mada@example.jp", []],
    ["yamada@example.123", []],
    [`yamada@${"a".repeat(64)}.jp`, []],
    ["yamada@example.jp.", ["yamada@example.jp"]],
    ["Yamada@Example.C1", ["yamada@example.c1"]],
  ])("%s → %p", (cell, emails) => {
    expect(detect(oneCell(["備考", "x"], cell)).emails).toEqual(emails);
  });
});

describe("hyphenated phone cells (03-1234-5678) are judged as the patterns judge them", () => {
  const next = digitStream(31);
  // Every shape of digit groups around two hyphens, starting with 0 or not: most are not phone numbers.
  const cells = [1, 2, 3, 4, 5, 6].flatMap((first) =>
    [0, 1, 2, 3, 4, 5].flatMap((middle) =>
      [3, 4, 5].flatMap((last) => ["0", "1"].map((lead) => [lead + next(first - 1), next(middle), next(last)].join("-"))),
    ),
  );

  test.each(HEADERS.map((header) => [header[0] as string, header] as const))("column %s", (_label, header) => {
    for (const cell of cells) expect({ cell, ...outcome(oneCell(header, cell)) }).toEqual({ cell, ...outcome(oneCell(header, ` ${cell}`)) });
  });

  test.each<[string, number, number]>([
    ["03-1234-5678", 1, 0],
    ["090-1234-5678", 1, 0],
    ["0120-123-4567", 1, 0],
    ["03-123-4567", 0, 1],
    ["3-1234-5678", 0, 0],
  ])("%s → %p phone, %p postal code", (cell, phones, postal) => {
    expect(detect(oneCell(["備考", "x"], cell)).counts).toMatchObject({ phone: phones, "postal-code": postal });
  });
});

test("a postal-code cell (123-4567) counts once, in any column", () => {
  for (const header of HEADERS) {
    expect(outcome(oneCell(header, "100-0001"))).toEqual(outcome(oneCell(header, ` 100-0001`)));
    expect(detect(oneCell(header, "100-0001")).counts["postal-code"]).toBe(1);
  }
});
