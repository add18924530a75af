import { applyPlan, evaluate, fixObstacle, planMoveToBcc, type FixObstacle, type Policy, type RecipientPlan } from "../policy";
import type { Draft, DraftRecipient, SendContext, Verdict } from "../shared/types";
import type { PaneHost } from "./host";

/** What "Move outside recipients to BCC" would do to the draft as read, and whether it may be written. */
export interface MovePreview {
  base: Draft;
  plan: RecipientPlan;
  /** The verdict the draft would get after the change. */
  result: Verdict;
  /** Why the change must not be written (a field Outlook returned only in part, a field over its limit). */
  obstacle: FixObstacle | null;
}

export type MoveOutcome =
  | { kind: "applied"; moved: number }
  /** The recipients changed since the preview: here is the new one, nothing was written. */
  | { kind: "changed"; preview: MovePreview | null }
  /** Writing would lose recipients: nothing was written. */
  | { kind: "refused"; obstacle: FixObstacle };

const keyOf = (list: readonly DraftRecipient[]) => list.map((r) => r.emailAddress.toLowerCase()).join("\n");
const sameRecipients = (a: Draft, b: Draft) => (["to", "cc", "bcc"] as const).every((f) => keyOf(a[f]) === keyOf(b[f]));

/** The preview for a draft; null when there is nothing to move. */
export function previewMoveToBcc(draft: Draft, policy: Policy, context: SendContext = {}): MovePreview | null {
  const plan = planMoveToBcc(draft, policy);
  if (!plan) return null;
  return { base: draft, plan, result: evaluate(applyPlan(draft, plan), policy, context).verdict, obstacle: fixObstacle(draft, plan) };
}

/**
 * Applies a preview: reads the draft again first and writes only if the recipients are
 * still those the sender saw and nothing stands in the way; otherwise writes nothing
 * and says why. A write that fails or loses anyone throws (RecipientWriteError) after
 * putting the fields back.
 */
export async function applyMoveToBcc(host: PaneHost, policy: Policy, preview: MovePreview, context: SendContext = {}): Promise<MoveOutcome> {
  const fresh = await host.readDraft();
  if (!sameRecipients(fresh, preview.base)) return { kind: "changed", preview: previewMoveToBcc(fresh, policy, context) };
  const obstacle = fixObstacle(fresh, preview.plan);
  if (obstacle) return { kind: "refused", obstacle };
  await host.writeRecipients(preview.plan, fresh);
  return { kind: "applied", moved: preview.plan.moved.length };
}
