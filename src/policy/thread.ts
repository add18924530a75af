import type { SendContext } from "../shared/types";
import { addressKey } from "./address";

/**
 * The thread's participants as address keys: the To and CC Outlook pre-filled when the sender
 * started a reply (a reply-all's participants, who have already seen each other's addresses).
 * Null when the message is not a reply, when nothing was recorded, or when the record names
 * no valid address: the message is then judged on its own, as a new one. A forward's
 * recipients are all new.
 */
export function threadParticipants(context: SendContext | undefined): ReadonlySet<string> | null {
  const start = context?.composeStart;
  if (!start || start.type !== "reply") return null;
  const keys = new Set<string>();
  for (const raw of [...start.to, ...start.cc]) {
    const key = addressKey(raw);
    if (key !== undefined) keys.add(key);
  }
  return keys.size > 0 ? keys : null;
}
