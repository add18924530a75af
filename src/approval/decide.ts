import { verdictOf } from "../policy/engine";
import type { AlertContext, Evaluation, Finding, Verdict } from "../shared/types";
import { uncoveredFindings } from "./coverage";
import { confirmationCovers } from "./sender-confirmation";
import { verifyApprovalToken, type ApprovalClaims, type ApprovalFailure } from "./token";

/** Which verdicts a second person's approval can lift: `block` ("never") rules cannot be approved. */
export function approvable(verdict: Verdict): verdict is "confirm" | "review" {
  return verdict === "confirm" || verdict === "review";
}

/** Why an approval on the item did not lift the verdict. */
export type ApprovalRefusal = ApprovalFailure | "not-covered";

export type SendDecision =
  | {
      allow: true;
      approved?: ApprovalClaims | undefined;
      /** A `confirm` verdict the sender confirmed in the pane (clients without Send Anyway). */
      confirmedBySender?: true | undefined;
    }
  | {
      allow: false;
      verdict: Exclude<Verdict, "allow">;
      /** What the alert describes: every finding, or only what the approval does not cover. */
      findings: Finding[];
      /** Offer Send Anyway (a `confirm` verdict). */
      promptUser: boolean;
      context: AlertContext;
      /** Set when an approval was on the item but does not lift this verdict. */
      approval?: { refusal: ApprovalRefusal; claims?: ApprovalClaims | undefined } | undefined;
    };

export interface SendFacts {
  evaluation: Evaluation;
  sender: string | undefined;
  /** The approval token on the item, if any. */
  token: string | undefined;
  approvalKeys: readonly string[];
  nowMs: number;
  /** The sender's confirmation on the item (sender-confirmation.ts), if any. */
  confirmation?: string | undefined;
}

/**
 * The decision at Send, from the evaluation and the approval on the item: pure (no Office,
 * no clock but `nowMs`, no text). An approval lifts a `confirm` or `review` verdict when it
 * is signed by a published key, names this exact message (fingerprint) and sender, has not
 * expired, and covers every finding the handler sees now; a finding it does not cover is
 * named in the alert as what is new. What then remains at `confirm` is lifted by the sender's
 * own confirmation on the item when it names this message and every finding left
 * (sender-confirmation.ts: clients without Send Anyway).
 */
export function decideSend(facts: SendFacts): SendDecision {
  const decision = decideApproval(facts);
  // What is left is only for the sender to confirm, and the sender confirmed exactly it.
  if (!decision.allow && decision.verdict === "confirm" && Boolean(facts.confirmation) && confirmationCovers(facts.confirmation, facts.evaluation.fingerprint, decision.findings)) {
    return { allow: true, confirmedBySender: true };
  }
  return decision;
}

function decideApproval(facts: SendFacts): SendDecision {
  const { evaluation } = facts;
  if (evaluation.verdict === "allow") return { allow: true };
  const codes = evaluation.findings.map((f) => f.code);
  const blocked = (findings: Finding[], approval?: { refusal: ApprovalRefusal; claims?: ApprovalClaims }): SendDecision => {
    // What the approval covers is lifted: the verdict is that of what remains.
    const verdict = (approval?.refusal === "not-covered" ? verdictOf(findings) : evaluation.verdict) as Exclude<Verdict, "allow">;
    // No fingerprint: the pane computes its own from the draft, and hashing here would cost every stopped Send (engine.ts).
    const context: AlertContext = { v: 1, verdict, codes, fingerprint: null };
    if (approval) context.approval = approval.refusal;
    if (approval?.refusal === "not-covered") context.uncovered = findings.map((f) => f.code);
    return { allow: false, verdict, findings, promptUser: verdict === "confirm", context, approval };
  };

  if (facts.token === undefined || !approvable(evaluation.verdict)) return blocked(evaluation.findings);
  const check = verifyApprovalToken(facts.token, {
    publicKeys: facts.approvalKeys,
    fingerprint: evaluation.fingerprint,
    sender: facts.sender,
    nowMs: facts.nowMs,
  });
  if (!check.ok) return blocked(evaluation.findings, { refusal: check.reason });
  const uncovered = uncoveredFindings(evaluation.findings, check.claims.cov);
  if (uncovered.length > 0) {
    return blocked(uncovered, { refusal: "not-covered", claims: check.claims });
  }
  return { allow: true, approved: check.claims };
}
