import type { Evaluation, Finding } from "../shared/types";
import { parseJsonObject } from "../util/json";
import { coverageOf, uncoveredFindings } from "./coverage";

/**
 * The sender's own confirmation of a `confirm` verdict, for Outlook clients whose Smart Alert has
 * no Send Anyway (Mailbox 1.12 and 1.13: classic Outlook 2206–2403): there the alert can only
 * stop the message, so the sender confirms in the task pane instead, and the next Send lets the
 * message go. It stands for exactly what Send Anyway would have: the sender, having seen the
 * findings, sends this message. So it is bound like an approval (the message fingerprint, and one
 * digest per finding item the pane showed) but needs no signature: it never lifts `review` or
 * `block`, which the sender cannot lift on any client, and anything new or changed after it
 * (another recipient, a file, a different finding) stops the message again.
 *
 * Stored on the item (sessionData) as JSON: `{ "v": 1, "fp": fingerprint, "cov": [digest, …] }`.
 */
export interface SenderConfirmation {
  v: 1;
  fp: string;
  cov: string[];
}

/** The confirmation text the pane stores for what it shows now. */
export function senderConfirmation(evaluation: Pick<Evaluation, "fingerprint" | "findings">): string {
  const value: SenderConfirmation = { v: 1, fp: evaluation.fingerprint, cov: coverageOf(evaluation.findings) };
  return JSON.stringify(value);
}

/** The stored value, or undefined for anything that is not exactly a confirmation (fails closed). */
export function parseSenderConfirmation(text: unknown): SenderConfirmation | undefined {
  if (typeof text !== "string" || text.length === 0 || text.length > 64_000) return undefined;
  const value = parseJsonObject(text);
  if (!value) return undefined;
  const { v, fp, cov } = value;
  if (v !== 1 || typeof fp !== "string" || fp.length === 0 || !Array.isArray(cov) || !cov.every((d) => typeof d === "string")) return undefined;
  return { v, fp, cov: cov as string[] };
}

/** Whether the stored confirmation covers `findings` (what still stops the message) of the message with this fingerprint. */
export function confirmationCovers(text: unknown, fingerprint: string, findings: readonly Finding[]): boolean {
  const confirmation = parseSenderConfirmation(text);
  if (!confirmation || confirmation.fp !== fingerprint || findings.length === 0) return false;
  return uncoveredFindings(findings, confirmation.cov).length === 0;
}
