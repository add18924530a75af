import type { Language } from "./catalog";

/**
 * Dates and times as people of each language read them, never a numeric day/month order
 * that could be read two ways: Japanese 2026/12/01 9:05, English 1 Dec 2026, 09:05.
 * Browser code only (panes and pages): the send handler never shows a date.
 */
export function formatDateTime(iso: string | undefined, language: Language, options: { seconds?: boolean } = {}): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: options.seconds ? "2-digit" : undefined };
  return language === "ja"
    ? date.toLocaleString("ja-JP", { year: "numeric", month: "2-digit", day: "2-digit", ...time, hour: "numeric" })
    : date.toLocaleString("en-GB", { year: "numeric", month: "short", day: "numeric", ...time });
}
