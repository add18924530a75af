import type { SendCompletion } from "./send-completion";

/**
 * The header Send Guard stamps on every message it checks at Send, for the Exchange mail-flow
 * rule that backs it up (README, "the backstop"): outside mail whose header does not begin with
 * `v1; checked` was not checked by Send Guard (a phone, an older client, another mail program, a
 * Send Anyway when the add-in could not load, a check that failed open) and is held or reported.
 *
 * Values (a recipient can read them: they carry no address, finding or secret):
 * - `v1; pending`: written in the Send's first round and left there by every Send that does not
 *   end in a verdict (an Office error, the deadline, an invalid policy: whatever the failMode
 *   does), so such a message never passes as checked;
 * - `v1; checked`, `v1; checked; approved`, `v1; checked; confirmed`: allowed, by the policy, by a
 *   reviewer's approval, by the sender's own confirmation in the pane (clients without Send Anyway);
 * - `v1; checked; confirm`: stopped at a `confirm` with Send Anyway offered: if it leaves, the
 *   sender chose Send Anyway, which the policy allows;
 * - `v1; stopped`: a review or block; it should never leave, and the rule catches it if it does.
 *
 * A person who can write raw headers (a scripted SMTP client) can forge the value: the stamp
 * catches mistakes and unguarded clients, not someone set on getting around the guard.
 */
export const STAMP_HEADER = "X-SendGuard";
export const STAMP_PENDING = "v1; pending";
/** What the mail-flow rule matches (`-ExceptIfHeaderMatchesPatterns`). */
export const STAMP_CHECKED_PATTERN = "^v1; checked";

/** The stamp for a Send that ended in a verdict. */
export function stampFor(completion: SendCompletion): string {
  if (completion.allow) {
    if (completion.approvedReview) return "v1; checked; approved";
    if (completion.confirmedBySender) return "v1; checked; confirmed";
    return "v1; checked";
  }
  return completion.alert.promptUser ? "v1; checked; confirm" : "v1; stopped";
}
