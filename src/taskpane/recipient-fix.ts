import { CorrespondenceMemory } from "../memory/correspondence";
import { confirmedAddressLesson } from "../memory/lesson";
import { fixObstacle, planRecipientFix, type FixObstacle, type RecipientFix } from "../policy";
import type { PaneHost } from "./host";

export type RecipientFixOutcome =
  | { kind: "applied" }
  /** The address is no longer in that field (the sender changed it meanwhile): nothing was written. */
  | { kind: "gone" }
  /** Writing would lose recipients (a field Outlook returned only in part): nothing was written. */
  | { kind: "refused"; obstacle: FixObstacle };

/**
 * Replaces or removes one recipient: reads the draft again, plans on what is there now, and
 * writes only when nothing is lost (a field Outlook returned in part is never rewritten). A
 * write that fails or loses anyone throws (RecipientWriteError) after putting the fields back.
 */
export async function applyRecipientFix(host: PaneHost, fix: RecipientFix): Promise<RecipientFixOutcome> {
  const fresh = await host.readDraft();
  const plan = planRecipientFix(fresh, fix);
  if (!plan) return { kind: "gone" };
  const obstacle = fixObstacle(fresh, plan);
  if (obstacle) return { kind: "refused", obstacle };
  await host.writeRecipients(plan, fresh);
  return { kind: "applied" };
}

/**
 * The sender says a flagged address is the one meant: the memory learns it (address and domain),
 * so it is not taken for a slip again — by the pane now and by Send. Rejects when it could not
 * be saved (nothing learned).
 */
export async function confirmAddress(host: Pick<PaneHost, "readMemoryValue" | "writeMemoryValue">, address: string): Promise<void> {
  const lesson = confirmedAddressLesson(address);
  if (!lesson) return;
  const memory = CorrespondenceMemory.decode(host.readMemoryValue()) ?? CorrespondenceMemory.empty();
  if (memory.learn(lesson, Date.now())) await host.writeMemoryValue(memory.encode());
}
