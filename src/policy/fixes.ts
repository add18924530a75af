import type { Draft, DraftRecipient, RecipientField, RecipientRef } from "../shared/types";
import { addressKey, parseAddress } from "./address";
import type { Policy } from "./policy";
import { classifyRecipients, isExternal } from "./recipients";

/** The To / CC / BCC a fix would write, and what it changes. */
export interface RecipientPlan {
  to: DraftRecipient[];
  cc: DraftRecipient[];
  bcc: DraftRecipient[];
  /** Outside addresses taken out of To / CC, with the field each left. */
  moved: RecipientRef[];
  /** True when To would have been empty and the sender's own address was put there. */
  senderAdded: boolean;
}

/**
 * "Move outside recipients to BCC": every outside address in To / CC goes to BCC
 * (once, and not again when it is already there); internal and trusted people,
 * distribution lists of our own and addresses that cannot be parsed stay where
 * they are. When To would be empty, the sender's own address goes there.
 * Returns null when there is nothing to move.
 */
export function planMoveToBcc(draft: Draft, policy: Policy): RecipientPlan | null {
  const classified = classifyRecipients(draft, policy);
  const toCount = draft.to.length;
  const ccCount = draft.cc.length;
  const inBcc = new Set(classified.slice(toCount + ccCount).flatMap((r) => (r.address ? [r.address.key] : [])));

  const moved: RecipientRef[] = [];
  const addToBcc: DraftRecipient[] = [];
  const keep = { to: [] as DraftRecipient[], cc: [] as DraftRecipient[] };
  (["to", "cc"] as const).forEach((field) => {
    const offset = field === "to" ? 0 : toCount;
    draft[field].forEach((recipient, index) => {
      const c = classified[offset + index];
      if (!c || !isExternal(c) || !c.address) {
        keep[field].push(recipient);
        return;
      }
      moved.push({ address: c.address.display, field });
      if (inBcc.has(c.address.key)) return;
      inBcc.add(c.address.key);
      addToBcc.push(recipient);
    });
  });
  if (moved.length === 0) return null;

  let senderAdded = false;
  if (keep.to.length === 0 && draft.from && parseAddress(draft.from).ok) {
    keep.to.push({ emailAddress: draft.from });
    senderAdded = true;
  }
  return { to: keep.to, cc: keep.cc, bcc: [...draft.bcc, ...addToBcc], moved, senderAdded };
}

/** The draft as it would be after a recipient plan is applied. */
export function applyPlan(draft: Draft, plan: RecipientPlan): Draft {
  return { ...draft, to: plan.to, cc: plan.cc, bcc: plan.bcc };
}

/** Without a known limit, the one every client honours (Mailbox 1.15 and earlier). */
const DEFAULT_RECIPIENT_LIMIT = 500;

/** Why a recipient fix must not be written, though it would change something. */
export type FixObstacle =
  /** Outlook returned these fields only up to its limit: rewriting them would drop the recipients it did not return. */
  | { reason: "truncated"; fields: RecipientField[]; limit: number }
  /** The field the fix fills would hold more recipients than Outlook lets an add-in write into one field. */
  | { reason: "over-limit"; field: RecipientField; count: number; limit: number };

/**
 * Whether a plan can be written without losing anyone. A fix rewrites whole fields, so a
 * field Outlook returned only in part (its count reached the limit) is never rewritten,
 * and no field may end up with more recipients than the limit. Null when it is safe.
 */
export function fixObstacle(draft: Draft, plan: RecipientPlan): FixObstacle | null {
  const limit = draft.recipientLimit ?? DEFAULT_RECIPIENT_LIMIT;
  // Any such field counts, even one the plan would leave alone: it may hide outside addresses the fix could not move.
  const truncated = draft.truncatedFields ?? [];
  if (truncated.length > 0) return { reason: "truncated", fields: [...truncated], limit };
  for (const field of ["to", "cc", "bcc"] as const) {
    if (plan[field].length > limit) return { reason: "over-limit", field, count: plan[field].length, limit };
  }
  return null;
}

/** One recipient to put right: replace its address (a look-alike, a near miss) or take it out (null). */
export interface RecipientFix {
  field: RecipientField;
  /** The address as the finding names it. */
  address: string;
  replacement: string | null;
}

/**
 * The fields after one recipient fix: every entry of `field` whose address is `address` is
 * replaced by `replacement` (display name dropped: it belonged to the wrong address) or
 * removed. Null when the address is no longer there.
 */
export function planRecipientFix(draft: Draft, fix: RecipientFix): RecipientPlan | null {
  const target = addressKey(fix.address);
  if (target === undefined) return null;
  let found = false;
  const next = draft[fix.field].flatMap((recipient): DraftRecipient[] => {
    if (addressKey(recipient.emailAddress) !== target) return [recipient];
    found = true;
    return fix.replacement === null ? [] : [{ emailAddress: fix.replacement }];
  });
  if (!found) return null;
  return { to: draft.to, cc: draft.cc, bcc: draft.bcc, [fix.field]: next, moved: [], senderAdded: false };
}
