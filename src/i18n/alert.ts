import type { Finding, Verdict } from "../shared/types";
import { CATALOGS, type FailureReason, type Language } from "./catalog";

/** Smart Alerts limits (Office.SmartAlertsEventCompletedOptions). */
export const MAX_ERROR_MESSAGE = 500;
export const MAX_CANCEL_LABEL = 20;

const ELLIPSIS = "…";

/**
 * Shortens text to at most `max` UTF-16 code units (how JavaScript, and so Office,
 * measures string length), never splitting a surrogate pair, ending with "…".
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let out = "";
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return `${out}${ELLIPSIS}`;
}

function length(text: string): number {
  return text.length;
}

/** One sentence describing a finding (the same text the Smart Alert uses). */
export function describeFinding(finding: Finding, language: Language): string {
  const render = CATALOGS[language].finding[finding.code] as (f: Finding) => string;
  return render(finding);
}

export interface AlertText {
  errorMessage: string;
  cancelLabel: string;
}

/**
 * The Smart Alert text for a non-allow verdict: header, one sentence per finding
 * (strictest first), and what to do. Findings are shortened, never the header or
 * the action, so the message always fits the 500-character limit.
 */
export function alertText(evaluation: { verdict: Verdict; findings: readonly Finding[] }, language: Language): AlertText {
  const verdict = evaluation.verdict === "allow" ? "confirm" : evaluation.verdict;
  const catalog = CATALOGS[language];
  return composeAlert(catalog.header[verdict], evaluation.findings, catalog.action[verdict], language);
}

/**
 * The Smart Alert when an approval is on the item but Send found what the reviewer did not
 * see: who approved, only the findings the approval does not cover, and what to do.
 */
export function approvalAlertText(uncovered: readonly Finding[], verdict: Exclude<Verdict, "allow">, reviewer: string, language: Language): AlertText {
  const catalog = CATALOGS[language];
  return composeAlert(catalog.notCoveredHeader(reviewer), uncovered, catalog.notCoveredAction[verdict], language);
}

function composeAlert(header: string, findings: readonly Finding[], action: string, language: Language): AlertText {
  const catalog = CATALOGS[language];
  const separator = language === "ja" ? "" : " ";
  let budget = MAX_ERROR_MESSAGE - length(header) - length(action) - 2 * length(separator);
  const body: string[] = [];
  for (const finding of findings) {
    const text = clip(describeFinding(finding, language), budget);
    if (text.length === 0) break;
    body.push(text);
    budget -= length(text) + length(separator);
  }
  return {
    errorMessage: clip([header, ...body, action].join(separator), MAX_ERROR_MESSAGE),
    cancelLabel: clip(catalog.openPane, MAX_CANCEL_LABEL),
  };
}

/** The alert when the check could not complete. */
export function failureText(reason: FailureReason, language: Language): AlertText {
  const catalog = CATALOGS[language];
  return { errorMessage: clip(catalog.failure(reason), MAX_ERROR_MESSAGE), cancelLabel: clip(catalog.openPane, MAX_CANCEL_LABEL) };
}
