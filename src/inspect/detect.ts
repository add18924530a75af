import {
  matchedAddressKey,
  AS_WRITTEN,
  DIGIT_COUNT,
  FULL_WIDTH,
  HAS_AT,
  HAS_PREFECTURE,
  INVALID,
  isHyphenatedPhone,
  LOWER_CASE,
  luhnHolds,
  myNumberCheckDigitHolds,
  nationalLength,
  oneAddress,
  OTHER,
  shapeOf,
} from "./cell";
import { KeySet } from "./key-set";

/**
 * Personal-data detectors over text already taken out of a file: sheets of rows
 * of cells (spreadsheets, CSV) or lines (documents, mail). Pure; nothing here
 * knows file formats. The result holds counts, sheet and column names and one
 * masked sample per kind — never the data itself — plus the distinct addresses,
 * which stay on the sender's machine to be compared with the recipients.
 */
export interface Sheet {
  /** Sheet name, entry path or "body": where a finding was seen. */
  name: string;
  rows: readonly (readonly string[])[];
  /** More rows than the limit (`maxRows`) were there: only the first were read. */
  truncated?: boolean | undefined;
}

export type DetectedKind = "email" | "phone" | "postal-code" | "postal-address" | "my-number" | "card";

export interface HeaderRow {
  where: string;
  /** The personal-field headers found, as written in the file. */
  columns: string[];
  /** Non-empty rows below the header. */
  rows: number;
}

export interface Detection {
  /** Distinct address keys (lower-case, punycode domain). Local only: evidence carries the count. */
  emails: string[];
  counts: Record<DetectedKind, number>;
  headers: HeaderRow[];
  samples: { kind: DetectedKind; where: string; masked: string }[];
}

/** Field names that make a header row personal (ja + en), compared after NFKC and lower-casing. */
export const PERSONAL_HEADERS = [
  "氏名", "名前", "お名前", "姓", "名", "フリガナ", "ふりがな", "カナ", "住所", "現住所", "所在地", "郵便番号", "〒",
  "電話番号", "電話", "tel", "携帯", "携帯番号", "携帯電話", "メールアドレス", "メール", "eメール", "生年月日", "誕生日",
  "年齢", "性別", "学籍番号", "会員番号", "受検番号", "受験番号", "社員番号", "保護者", "保護者氏名", "個人番号", "マイナンバー",
  "保護者電話番号", "保護者連絡先", "緊急連絡先", "連絡先", "自宅電話", "自宅電話番号", "携帯電話番号", "自宅住所",
  "name", "full name", "first name", "last name", "surname", "given name", "address", "street", "city", "zip", "zip code",
  "postal code", "postcode", "phone", "phone number", "telephone", "mobile", "email", "e-mail", "email address",
  "date of birth", "dob", "birthday", "birth date", "gender", "sex", "age", "student id", "member id", "membership number",
  "employee id", "guardian",
].map((h) => h.normalize("NFKC").toLowerCase());

const MY_NUMBER_CONTEXT = /マイナンバー|個人番号|my ?number|individual number/i;
const CARD_CONTEXT = /カード|クレジット|card|credit|visa|master|amex|jcb|有効期限|expir/i;
const PHONE_HEADER = /電話|tel|携帯|phone|mobile/i;
const POSTAL_HEADER = /郵便|〒|zip|postal|postcode/i;

const PREFECTURES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
  "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
  "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
];

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;
/*
 * Number patterns are written `(^|\D)(number)(?!\d)`: the number must not follow a digit.
 * Lookbehind would say that directly, but it is ES2018 and classic Outlook's runtime is held
 * to ES2016 (test/build checks the bundle); `numbersIn` returns group 2, the number itself.
 */
/**
 * Japanese phone numbers: formatted (03-1234-5678, 090-1234-5678, (03)1234-5678, +81 90 1234 5678)
 * or an 11-digit mobile number without separators (070 / 080 / 090); in a column headed as a
 * phone column, any 10- or 11-digit number starting with 0 as well.
 */
const FORMATTED = String.raw`(?:\+81[\s-]?\d{1,4}|\(0\d{1,4}\)|0\d{1,4})[\s-]?\d{1,4}[\s-]\d{4}`;
const PHONE = new RegExp(String.raw`(^|\D)(${FORMATTED}|0[789]0\d{8})(?!\d)`, "g");
const PHONE_IN_COLUMN = new RegExp(String.raw`(^|\D)(${FORMATTED}|0\d{9,10})(?!\d)`, "g");
const POSTAL = /(^|\D)(\d{3}-\d{4})(?!\d)/g;
const POSTAL_BARE = /(^|\D)(\d{7})(?!\d)/g;
const PREFECTURE_ADDRESS = new RegExp(`(?:${PREFECTURES.join("|")})[^\\s,、]{0,12}?(?:市|区|町|村|郡)`, "g");
/** 12 digits, optionally as 4-4-4 with spaces or hyphens. */
const TWELVE_DIGITS = /(^|\D)(\d{4}[\s-]?\d{4}[\s-]?\d{4})(?!\d)/g;
/** 13–19 digits, optionally grouped by spaces or hyphens. */
const CARD_DIGITS = /(^|\D)(\d(?:[\s-]?\d){12,18})(?!\d)/g;

/** The numbers a `(^|\D)(number)` pattern finds in a text. */
function numbersIn(pattern: RegExp, text: string): string[] {
  const found: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m[2] as string);
  return found;
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

function maskEmail(key: string): string {
  const at = key.lastIndexOf("@");
  return `${key.slice(0, 1)}***${key.slice(at)}`;
}

function maskDigits(text: string, keep: number): string {
  let seen = 0;
  const total = (text.match(/\d/g) ?? []).length;
  return text.replace(/\d/g, (d) => (++seen > total - keep ? d : "*"));
}

/** The header row among a sheet's first rows: the first of its first five non-empty rows naming two or more personal fields. */
function findHeader(rows: readonly (readonly string[])[]): { index: number; columns: Map<number, string> } | undefined {
  let looked = 0;
  for (let index = 0; index < rows.length && looked < 5; index++) {
    const row = rows[index] ?? [];
    if (!isFilled(row)) continue;
    looked++;
    const columns = new Map<number, string>();
    row.forEach((cell, column) => {
      const folded = fold(cell).replace(/[\s_]+/g, " ").replace(/[:：*＊]$/, "");
      if (folded && PERSONAL_HEADERS.includes(folded)) columns.set(column, cell.trim());
    });
    if (columns.size >= 2) return { index, columns };
  }
  return undefined;
}

/** A row with at least one cell that is not blank. */
function isFilled(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell && cell.trim() !== "") return true;
  }
  return false;
}

const KINDS: readonly DetectedKind[] = ["email", "phone", "postal-code", "postal-address", "my-number", "card"];
const [EMAIL_KIND, PHONE_KIND, POSTAL_KIND, ADDRESS_KIND, MY_NUMBER_KIND, CARD_KIND] = [0, 1, 2, 3, 4, 5] as const;

interface ColumnLabel {
  card: boolean;
  myNumber: boolean;
  phone: boolean;
  postal: boolean;
}
const NO_LABEL: ColumnLabel = { card: false, myNumber: false, phone: false, postal: false };

/** One sheet as it streams in: rows wait until its header row can be decided (five non-empty rows). */
interface SheetState {
  name: string;
  waiting: (readonly string[])[] | undefined;
  filledSeen: number;
  header: { index: number; columns: Map<number, string> } | undefined;
  labels: ColumnLabel[];
  rowIndex: number;
  filledRows: number;
}

/**
 * Detects personal data in sheets of text, fed row by row: a large CSV is read in parts and
 * each part is forgotten once scanned (what is kept is counts, distinct addresses, header
 * rows and samples). Time and size limits are the caller's (see limits.ts).
 */
export class Detector {
  private readonly emails = new KeySet();
  // Counted in a typed array by kind index rather than by name: this runs for every match.
  private readonly tally = new Uint32Array(KINDS.length);
  private readonly headers: HeaderRow[] = [];
  private readonly samples: { kind: DetectedKind; where: string; masked: string }[] = [];
  private sampled = 0;
  private sheet: SheetState | undefined;

  /** Starts a sheet (a worksheet, a CSV, a document); the previous one ends. */
  beginSheet(name: string): void {
    this.endSheet();
    this.sheet = { name, waiting: [], filledSeen: 0, header: undefined, labels: [], rowIndex: 0, filledRows: 0 };
  }

  /** The next rows of the current sheet, in order. */
  addRows(rows: readonly (readonly string[])[]): void {
    const sheet = this.sheet;
    if (!sheet) throw new Error("addRows before beginSheet");
    if (sheet.waiting) {
      for (const row of rows) {
        sheet.waiting.push(row);
        if (isFilled(row)) sheet.filledSeen++;
      }
      if (sheet.filledSeen >= 5) this.decideHeader(sheet);
      return;
    }
    for (const row of rows) this.scanRow(sheet, row);
  }

  /** A whole sheet at once. */
  addSheet(sheet: Sheet): void {
    this.beginSheet(sheet.name);
    this.addRows(sheet.rows);
  }

  endSheet(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    if (sheet.waiting) this.decideHeader(sheet);
    if (sheet.header) this.headers.push({ where: sheet.name, columns: [...sheet.header.columns.values()], rows: sheet.filledRows });
    this.sheet = undefined;
  }

  result(): Detection {
    this.endSheet();
    const counts = Object.fromEntries(KINDS.map((kind, i) => [kind, this.tally[i] ?? 0])) as Record<DetectedKind, number>;
    return { emails: this.emails.keys(), counts, headers: [...this.headers], samples: [...this.samples] };
  }

  /** The header row and the column labels, from the rows seen so far; then those rows are scanned. */
  private decideHeader(sheet: SheetState): void {
    const rows = sheet.waiting ?? [];
    sheet.waiting = undefined;
    sheet.header = findHeader(rows);
    // Column labels for context: the personal header row, else the sheet's first non-empty row.
    const labelIndex = sheet.header?.index ?? rows.findIndex(isFilled);
    const labels = labelIndex >= 0 ? (rows[labelIndex] ?? []) : [];
    // What each column's label says, decided once per sheet rather than once per cell.
    sheet.labels = labels.map((label) => ({
      card: CARD_CONTEXT.test(label),
      myNumber: MY_NUMBER_CONTEXT.test(label),
      phone: PHONE_HEADER.test(label),
      postal: POSTAL_HEADER.test(label),
    }));
    for (const row of rows) this.scanRow(sheet, row);
  }

  /** Counts one finding; true when it is the first of its kind (the caller then makes the one masked sample). */
  private count(kind: number): boolean {
    this.tally[kind]! += 1;
    return (this.sampled & (1 << kind)) === 0;
  }

  private sample(kind: number, masked: string): void {
    this.sampled |= 1 << kind;
    this.samples.push({ kind: KINDS[kind] as DetectedKind, where: this.sheet?.name ?? "", masked });
  }

  private addEmail(match: string): void {
    this.addKey(matchedAddressKey(match));
  }

  private addKey(key: string | undefined): void {
    if (key === undefined) return;
    if (this.emails.add(key) && this.count(EMAIL_KIND)) this.sample(EMAIL_KIND, maskEmail(key));
  }

  /** Postal codes: counted where they stand, without collecting them first. */
  private countPostal(pattern: RegExp, text: string): void {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (this.count(POSTAL_KIND)) this.sample(POSTAL_KIND, maskDigits(m[2] as string, 0));
  }

  /**
   * A cell of 7 or more ASCII digits and nothing else, judged as the patterns in scanRow would
   * judge it: 13–19 digits may be a card (Luhn and context), 12 a My Number (check digit and
   * context), 11 a mobile number (070 / 080 / 090), 10 or 11 starting with 0 a phone in a phone
   * column, 7 a postal code in a postal column; any other length is nothing of these.
   */
  private scanNumber(digits: string, label: ColumnLabel, row: readonly string[]): void {
    const n = digits.length;
    if (n >= 13 && n <= 19) {
      if (luhnHolds(digits) && (label.card || CARD_CONTEXT.test(row.join(" "))) && this.count(CARD_KIND)) this.sample(CARD_KIND, maskDigits(digits, 4));
    } else if (n === 12) {
      // About 1 in 11 random 12-digit numbers pass the check digit: a keyword must say what it is.
      if (myNumberCheckDigitHolds(digits) && (label.myNumber || MY_NUMBER_CONTEXT.test(row.join(" "))) && this.count(MY_NUMBER_KIND)) this.sample(MY_NUMBER_KIND, maskDigits(digits, 0));
    } else if (n === 10 || n === 11) {
      const mobile = n === 11 && digits.charCodeAt(2) === 48 && digits.charCodeAt(1) >= 55 && digits.charCodeAt(1) <= 57;
      if (digits.charCodeAt(0) === 48 && (label.phone || mobile) && this.count(PHONE_KIND)) this.sample(PHONE_KIND, maskDigits(digits, 4));
    } else if (n === 7 && label.postal && this.count(POSTAL_KIND)) this.sample(POSTAL_KIND, maskDigits(digits, 0));
  }

  private scanRow(sheet: SheetState, row: readonly string[]): void {
    const rowIndex = sheet.rowIndex++;
    const header = sheet.header;
    if (header && rowIndex === header.index) return;
    if (header && rowIndex > header.index && isFilled(row)) sheet.filledRows++;
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      if (cell) this.scanCell(cell, sheet.labels[column] ?? NO_LABEL, row);
    }
  }

  /** One cell: the common whole-cell forms from its characters (see cell.ts), anything else by the patterns. */
  private scanCell(raw: string, label: ColumnLabel, row: readonly string[]): void {
    // A cell that is one address (the usual list column) holds nothing else to find. Only a cell
    // ending in a letter is tried: most addresses do (their top-level domain), most other cells
    // do not, and an address that does not is still found by the patterns below.
    const last = raw.charCodeAt(raw.length - 1) | 32;
    const address = last >= 97 && last <= 122 ? oneAddress(raw) : OTHER;
    if (address !== OTHER) {
      if (address !== INVALID) this.addKey(address === AS_WRITTEN ? raw : address === LOWER_CASE ? raw.toLowerCase() : matchedAddressKey(raw));
      return;
    }
    // Most cells hold neither "@" nor digits nor a prefecture: one cheap pass tells, before any pattern.
    let shape = shapeOf(raw);
    // A cell of digits only (order numbers, amounts, bare phone numbers) needs no pattern either.
    if (shape === raw.length) {
      if (shape >= 7) this.scanNumber(raw, label, row);
      return;
    }
    // A cell that is one postal code, 123-4567 (the usual postal column).
    if (shape === 7 && raw.length === 8 && raw.charCodeAt(3) === 45) {
      if (this.count(POSTAL_KIND)) this.sample(POSTAL_KIND, maskDigits(raw, 0));
      return;
    }
    // A cell that is one phone number as Japanese lists write it, 03-1234-5678 / 090-1234-5678.
    if ((shape === 10 || shape === 11) && isHyphenatedPhone(raw)) {
      if (this.count(PHONE_KIND)) this.sample(PHONE_KIND, maskDigits(raw, 4));
      return;
    }
    let cell = raw;
    if (shape & FULL_WIDTH) {
      cell = raw.normalize("NFKC");
      shape = shapeOf(cell);
    }
    const digitCount = shape & DIGIT_COUNT;
    let rest = cell;
    if (shape & HAS_AT) {
      for (const match of cell.match(EMAIL) ?? []) this.addEmail(match);
      // Digits inside addresses must not be read as numbers; without enough digits there is nothing more to read.
      if (digitCount >= 7) rest = cell.replace(EMAIL, " ");
    }
    if (digitCount >= 7) this.scanNumbers(rest, digitCount, label, row);
    if (shape & HAS_PREFECTURE) this.scanPrefectures(cell);
  }

  /** Cards, My Numbers, phone numbers and postal codes in a cell's text (addresses already taken out). */
  private scanNumbers(text: string, digitCount: number, label: ColumnLabel, row: readonly string[]): void {
    let rest = text;
    // Card and My Number first: their digits must not count as phone numbers too.
    if (digitCount >= 12) {
      for (const match of numbersIn(CARD_DIGITS, rest)) {
        if (luhnHolds(match.replace(/\D/g, "")) && (label.card || CARD_CONTEXT.test(row.join(" ")))) {
          if (this.count(CARD_KIND)) this.sample(CARD_KIND, maskDigits(match, 4));
          rest = rest.replace(match, " ");
        }
      }
      for (const match of numbersIn(TWELVE_DIGITS, rest)) {
        // About 1 in 11 random 12-digit numbers pass the check digit: a keyword must say what it is.
        if (myNumberCheckDigitHolds(match.replace(/\D/g, "")) && (label.myNumber || MY_NUMBER_CONTEXT.test(row.join(" ")))) {
          if (this.count(MY_NUMBER_KIND)) this.sample(MY_NUMBER_KIND, maskDigits(match, 0));
          rest = rest.replace(match, " ");
        }
      }
    }

    // A phone number has 10 or 11 digits: with fewer in the cell, the patterns cannot find one.
    const phone = label.phone ? PHONE_IN_COLUMN : PHONE;
    phone.lastIndex = 0;
    let kept = "";
    let from = 0;
    for (let m = digitCount >= 10 ? phone.exec(rest) : null; m; m = phone.exec(rest)) {
      const number = m[2] as string;
      const start = m.index + (m[1] as string).length;
      // Anything shorter than 10 digits is a postal code or a part number.
      const national = nationalLength(number);
      if (national < 10 || national > 11) continue;
      if (this.count(PHONE_KIND)) this.sample(PHONE_KIND, maskDigits(number, 4));
      kept += `${rest.slice(from, start)} `;
      from = start + number.length;
    }
    // A postal code has 7 digits: what the phone numbers leave may have fewer.
    if (from === 0 || (shapeOf((rest = kept + rest.slice(from))) & DIGIT_COUNT) >= 7) {
      this.countPostal(POSTAL, rest);
      if (label.postal) this.countPostal(POSTAL_BARE, rest);
    }
  }

  /** Prefecture-led addresses (東京都千代田区…). */
  private scanPrefectures(cell: string): void {
    PREFECTURE_ADDRESS.lastIndex = 0;
    // Only the first address of all is sampled; the rest are counted with test(), which builds no match.
    if (this.sampled & (1 << ADDRESS_KIND)) {
      while (PREFECTURE_ADDRESS.test(cell)) this.count(ADDRESS_KIND);
      return;
    }
    for (let m = PREFECTURE_ADDRESS.exec(cell); m; m = PREFECTURE_ADDRESS.exec(cell)) if (this.count(ADDRESS_KIND)) this.sample(ADDRESS_KIND, `${m[0]}…`);
  }
}

/** Detects personal data in whole sheets (see Detector for sheets that come in parts). */
export function detect(sheets: readonly Sheet[]): Detection {
  const detector = new Detector();
  for (const sheet of sheets) detector.addSheet(sheet);
  return detector.result();
}
