import { ATTACHMENT_CODES, type Finding, type Verdict } from "../shared/types";
import { flaggedFiles, type FlaggedFile } from "../views/flagged-files";
import { CATALOGS, kindSummary, type AlertClient, type Catalog, type FailureReason, type FilePart, type Language, type Remedy } from "./catalog";

/** Smart Alerts limits (Office.SmartAlertsEventCompletedOptions). */
export const MAX_ERROR_MESSAGE = 500;
export const MAX_CANCEL_LABEL = 20;
/** An item notification's message (Office.NotificationMessageDetails.message). */
export const MAX_NOTIFICATION = 150;

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

/** One sentence describing a finding (the pane and the reviewer list findings with it). */
export function describeFinding(finding: Finding, language: Language): string {
  const render = CATALOGS[language].finding[finding.code] as (f: Finding) => string;
  return render(finding);
}

/** What the sender can do about these findings, in the order the alert names them. */
export function remediesFor(findings: readonly Finding[]): Remedy[] {
  const remedies = new Set<Remedy>();
  for (const finding of findings) {
    if (finding.code === "external-exposure") remedies.add("move-to-bcc");
    else if (ATTACHMENT_CODES.includes(finding.code)) remedies.add("remove-file");
    else if (finding.code === "lookalike-domain" || finding.code === "first-time-recipient") remedies.add("fix-address");
    else remedies.add("check-recipients");
  }
  return (["move-to-bcc", "remove-file", "fix-address", "check-recipients"] as const).filter((r) => remedies.has(r));
}

/** Everything found about one file, as the parts of one sentence. */
function fileParts(file: FlaggedFile, catalog: Catalog, language: Language): FilePart[] {
  const parts: FilePart[] = [];
  if (file.nameKeywords) parts.push({ kind: "name" });
  if (file.personal) parts.push({ kind: "personal", summary: kindSummary(file.personal.counts, catalog.kind, language === "ja" ? "×" : " ×", language === "ja" ? "、" : ", ") });
  if (file.addressList) parts.push({ kind: "list", ...file.addressList });
  for (const item of file.unscannable ?? []) {
    parts.push(item.reason === "too-many-rows" ? { kind: "partly", entry: item.entry === file.name ? undefined : item.entry } : { kind: "unscannable", reason: item.reason, entry: item.entry });
  }
  return parts;
}

/**
 * The sentences of an alert, strictest finding first, each thing named once: the exposure,
 * one sentence per flagged file with everything found about it, then the recipients that
 * could not be checked.
 */
function sentences(findings: readonly Finding[], language: Language): string[] {
  const catalog = CATALOGS[language];
  const out: string[] = [];
  let filesDone = false;
  // Addresses the exposure sentence already names as new to the thread: a new-domain sentence about only those says nothing more.
  const exposure = findings.find((f) => f.code === "external-exposure");
  const namedNew = new Set(exposure?.code === "external-exposure" ? (exposure.evidence.newcomers ?? []) : []);
  // Addresses a wrong-recipient finding names (and says what was meant): the exposure does not name them again.
  const doubted = new Set(
    findings.flatMap((f) => (f.code === "lookalike-domain" || f.code === "first-time-recipient" ? f.evidence.recipients.map((r) => r.address) : [])),
  );
  let also: string | undefined;
  for (const finding of findings) {
    if (finding.code === "external-exposure" && finding.evidence.exposed.some((x) => doubted.has(x.address))) {
      const e = finding.evidence;
      if (e.smallSet) also = catalog.exposureAlso;
      else {
        const exposed = e.exposed.filter((x) => !doubted.has(x.address));
        const parties = e.parties.filter((p) => !(p.kind === "individual" && doubted.has(p.id)));
        out.push(describeFinding({ ...finding, evidence: { ...e, exposed, parties } }, language));
      }
      continue;
    }
    if (finding.code === "new-domain-in-reply") {
      const rest = finding.evidence.recipients.filter((r) => !namedNew.has(r.address));
      if (rest.length > 0) out.push(describeFinding({ ...finding, evidence: { ...finding.evidence, recipients: rest } }, language));
      continue;
    }
    if (ATTACHMENT_CODES.includes(finding.code)) {
      if (filesDone) continue;
      filesDone = true;
      for (const file of flaggedFiles(findings)) out.push(catalog.file(file.name, fileParts(file, catalog, language)));
    } else {
      out.push(describeFinding(finding, language));
    }
  }
  // After the addresses it refers to.
  if (also) out.push(also);
  return out;
}

export interface AlertText {
  errorMessage: string;
  cancelLabel: string;
}

/**
 * The Smart Alert text for a non-allow verdict: header, the findings (strictest first), and
 * what to do, naming only the fixes that fit them. Findings are shortened, never the header
 * or the action, so the message always fits the 500-character limit.
 */
export function alertText(evaluation: { verdict: Verdict; findings: readonly Finding[] }, language: Language, client: AlertClient = "full"): AlertText {
  const verdict = evaluation.verdict === "allow" ? "confirm" : evaluation.verdict;
  const catalog = CATALOGS[language];
  return composeAlert(catalog.header[verdict], evaluation.findings, catalog.action(verdict, remediesFor(evaluation.findings), client), language);
}

/**
 * The Smart Alert when an approval is on the item but Send found what the reviewer did not
 * see: who approved, only the findings the approval does not cover, and what to do.
 */
export function approvalAlertText(uncovered: readonly Finding[], verdict: Exclude<Verdict, "allow">, reviewer: string, language: Language, client: AlertClient = "full"): AlertText {
  const catalog = CATALOGS[language];
  return composeAlert(catalog.notCoveredHeader(reviewer), uncovered, catalog.action(verdict, remediesFor(uncovered), client), language);
}

function composeAlert(header: string, findings: readonly Finding[], action: string, language: Language): AlertText {
  const catalog = CATALOGS[language];
  const separator = language === "ja" ? "" : " ";
  let budget = MAX_ERROR_MESSAGE - header.length - action.length - 2 * separator.length;
  const body: string[] = [];
  for (const sentence of sentences(findings, language)) {
    const text = clip(sentence, budget);
    if (text.length === 0) break;
    body.push(text);
    budget -= text.length + separator.length;
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

/**
 * The warning shown in the compose window where nothing runs at Send (Outlook on Android and
 * iOS): what kind of problem, then the strictest finding, within the notification's 150
 * characters. It names no fix: there is no pane on a phone.
 */
export function composeWarningText(evaluation: { verdict: Verdict; findings: readonly Finding[] }, language: Language): string {
  const catalog = CATALOGS[language];
  const header = catalog.composeHeader[evaluation.verdict === "allow" ? "confirm" : evaluation.verdict];
  const [first] = sentences(evaluation.findings, language);
  if (!first) return clip(header, MAX_NOTIFICATION);
  const separator = language === "ja" ? "" : " ";
  return clip(`${header}${separator}${first}`, MAX_NOTIFICATION);
}

/** That warning when the check could not finish. */
export function composeFailureText(language: Language): string {
  return clip(CATALOGS[language].composeFailure, MAX_NOTIFICATION);
}
