import type { Language } from "./catalog";

/**
 * Counted things, in words people read: English nouns in the plural form Intl.PluralRules
 * chooses, Japanese with the counter that fits the thing (件 for addresses, files and
 * records, 社 for organizations, 名 for people, 行 for rows), never "12つ" or "address(es)".
 */
export type Noun =
  | "address"
  | "outsideAddress"
  | "organization"
  | "individual"
  | "person"
  | "party"
  | "recipient"
  | "file"
  | "row"
  | "record"
  | "item"
  | "group";

const EN: Record<Noun, readonly [one: string, other: string]> = {
  address: ["address", "addresses"],
  outsideAddress: ["outside address", "outside addresses"],
  organization: ["organization", "organizations"],
  individual: ["individual", "individuals"],
  person: ["person", "people"],
  party: ["party", "parties"],
  recipient: ["recipient", "recipients"],
  file: ["file", "files"],
  row: ["row", "rows"],
  record: ["record", "records"],
  item: ["item", "items"],
  group: ["group", "groups"],
};

/** The Japanese counter for each thing (the noun itself is part of the sentence). */
const JA: Record<Noun, string> = {
  address: "件",
  outsideAddress: "件",
  organization: "社",
  individual: "名",
  person: "名",
  party: "件",
  recipient: "件",
  file: "件",
  row: "行",
  record: "件",
  item: "件",
  group: "件",
};

type PluralRule = (n: number) => "one" | "other";

/**
 * English plural category. Intl.PluralRules where the runtime has it; classic Outlook's
 * JavaScript-only runtime does not promise Intl, so the English rule (one for exactly 1)
 * stands in there: the same answer for every integer.
 */
let englishRule: PluralRule | undefined;
function englishPlural(n: number): "one" | "other" {
  if (!englishRule) {
    try {
      const rules = new Intl.PluralRules("en-US");
      englishRule = (value) => (rules.select(value) === "one" ? "one" : "other");
    } catch {
      englishRule = (value) => (value === 1 ? "one" : "other");
    }
  }
  return englishRule(n);
}

/** 2,331 in both languages (digit grouping without relying on Intl). */
export function formatNumber(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A file size as people read it: bytes below 1 KB, then KB / MB / GB (1,024-based, as
 * Windows and Outlook show them) with one decimal: "500 B", "1.5 MB", "12,345.6 KB" never.
 */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = Math.max(0, bytes);
  let unit = 0;
  // Divide while the value, as it will be shown (one decimal), reaches the next unit: 1,048,575 B is "1 MB", not "1,024 KB".
  while (unit < units.length - 1 && (unit === 0 ? value : Math.round(value * 10) / 10) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${formatNumber(value)} B`;
  const rounded = Math.round(value * 10) / 10;
  const [whole = "0", tenth] = rounded.toFixed(1).split(".");
  return `${formatNumber(Number(whole))}${tenth && tenth !== "0" ? `.${tenth}` : ""} ${units[unit]}`;
}

/** The noun alone, in the form the count needs (English only: Japanese nouns do not change). */
export function nounFor(n: number, noun: Noun): string {
  const [one, other] = EN[noun];
  return englishPlural(n) === "one" ? one : other;
}

/** "12 addresses" / "12件", "3 organizations" / "3社", "1 individual" / "1名". */
export function count(language: Language, n: number, noun: Noun): string {
  return language === "ja" ? `${formatNumber(n)}${JA[noun]}` : `${formatNumber(n)} ${nounFor(n, noun)}`;
}

/** English verb agreement: "moves" for one, "move" for more. */
export function verbFor(n: number, singular: string, plural: string): string {
  return englishPlural(n) === "one" ? singular : plural;
}

/**
 * Outside parties by kind: "3 organizations and 2 individuals" / "3社・2名"; a kind with
 * none is left out ("4 individuals" / "4名").
 */
export function partiesOf(language: Language, organizations: number, individuals: number): string {
  const parts = [organizations > 0 ? count(language, organizations, "organization") : "", individuals > 0 ? count(language, individuals, "individual") : ""].filter(Boolean);
  if (parts.length === 0) return count(language, 0, "party");
  return language === "ja" ? parts.join("・") : parts.join(" and ");
}
