import type { Draft, Evaluation, Finding, Level, SendContext, Verdict } from "../shared/types";
import { fingerprint } from "./fingerprint";
import type { Policy } from "./policy";
import { classifyRecipients } from "./recipients";
import { attachmentAddressList, attachmentPersonalData, attachmentUnscannable, needsContentInspection, NOT_INSPECTED_REASONS } from "./rules/attachment-content";
import { attachmentName } from "./rules/attachment-name";
import { distributionList } from "./rules/distribution-list";
import { externalExposure } from "./rules/external-exposure";
import type { Rule } from "./rules/rule";
import { unresolvedRecipient } from "./rules/unresolved-recipient";
import { firstTimeRecipient, lookalikeDomain, newDomainInReply } from "./rules/wrong-recipient";
import { threadParticipants } from "./thread";

const RULES: readonly Rule[] = [
  externalExposure,
  unresolvedRecipient,
  distributionList,
  attachmentName,
  attachmentPersonalData,
  attachmentAddressList,
  attachmentUnscannable,
  lookalikeDomain,
  firstTimeRecipient,
  newDomainInReply,
];

const RANK: Record<Level, number> = { off: 0, confirm: 1, review: 2, block: 3 };
const VERDICT_OF_RANK: readonly Verdict[] = ["allow", "confirm", "review", "block"];

/** The strictest level among the findings; no findings means allow. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const rank = findings.reduce((max, finding) => Math.max(max, RANK[finding.level]), 0);
  return VERDICT_OF_RANK[rank] ?? "block";
}

/**
 * Reasons always worth a prompt: someone locked the file on purpose (PPAP, a protected
 * Office file), Send Guard could not look at it at all (which the policy's
 * `inspection.notInspected` names in the verdict), or it read only the first
 * `inspection.maxRows` rows of a longer file (never passed as if read whole).
 */
const PROTECTED = new Set(["encrypted-zip", "password-protected-office", "too-many-rows", ...NOT_INSPECTED_REASONS]);

/**
 * A PDF or an old format that could not be read is ordinary business mail: on its
 * own it prompts nobody (alert fatigue). It still appears, for the sender and the
 * reviewer, whenever something else about the message needs a check.
 */
function isOnlyUnread(finding: Finding | undefined): boolean {
  return finding?.code === "attachment-unscannable" && !finding.evidence.attachments.some((a) => PROTECTED.has(a.reason));
}

/**
 * Evaluates a draft against a policy: pure (no Office, no clock, no text). `context` is what
 * is known beyond the message (how it started), as data; without it the message is judged on
 * its own. Returns the verdict, the findings (codes and evidence) and the message fingerprint
 * (which depends on the message only).
 */
export function evaluate(draft: Draft, policy: Policy, context: SendContext = {}): Evaluation {
  const recipients = classifyRecipients(draft, policy);
  const thread = threadParticipants(context);
  const memory = policy.memory.enabled ? (context.memory ?? null) : null;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const result = rule({ draft, policy, recipients, context, thread, memory });
    if (!result) continue;
    const level = result.level ?? policy.rules[result.code];
    if (level !== "off") findings.push({ ...result, level } as Finding);
  }
  findings.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const kept = findings.length === 1 && isOnlyUnread(findings[0]) ? [] : findings;
  return withLazyFingerprint({ verdict: verdictOf(kept), findings: kept }, draft);
}

/**
 * The evaluation with its fingerprint computed on first read: hashing a message in a freshly
 * started runtime is slow (SHA-256 of 500 recipients took about 7 ms there), and a Send that
 * goes, or stops with no approval to check, never reads it. Reading it gives the same value
 * every time (it depends on the draft only), and it is an ordinary enumerable property for
 * JSON and spreading.
 */
function withLazyFingerprint(result: Omit<Evaluation, "fingerprint">, draft: Draft): Evaluation {
  let value: string | undefined;
  return Object.defineProperty(result, "fingerprint", { enumerable: true, get: () => (value ??= fingerprint(draft)) }) as Evaluation;
}

/** True when the draft's attachments are judged on what they contain (it has outside recipients). */
export function inspectsContent(draft: Draft, policy: Policy): boolean {
  return needsContentInspection({ recipients: classifyRecipients(draft, policy) });
}
