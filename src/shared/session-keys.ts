/**
 * Keys of the item's sessionData that the send handler, the task pane and the
 * playground share (Office `item.sessionData`, per add-in and per compose item).
 */

/** The policy the send handler used on this item, cached as the policy.json text. */
export const POLICY_SESSION_KEY = "sendguard.policy";

/** The approval token (`sga1.…`) the task pane stores after a reviewer approved this message. */
export const APPROVAL_SESSION_KEY = "sendguard.approval";

/** The id of the review request made for this item, so a reopened pane shows its status. */
export const REVIEW_SESSION_KEY = "sendguard.review";

/** Attachment inspection results for this item, keyed by attachment id, name and size (see src/attachments/cache.ts). */
export const INSPECTIONS_SESSION_KEY = "sendguard.inspections";

/** How the message started (compose type and the To/CC Outlook pre-filled), recorded by the compose-start event (see src/memory/compose-start.ts). */
export const COMPOSE_SESSION_KEY = "sendguard.compose";

/**
 * The group this item taught the memory when its confirm alert was shown (JSON array of address
 * keys): Outlook never says whether Send Anyway was chosen, so a second Send of the same item
 * is judged without that group and the sender is asked again.
 */
export const TAUGHT_SESSION_KEY = "sendguard.taught";

/**
 * The sender's confirmation of a `confirm` verdict, written by the task pane on clients whose
 * Smart Alert has no Send Anyway (Mailbox below 1.14); see src/approval/sender-confirmation.ts.
 */
export const CONFIRMATION_SESSION_KEY = "sendguard.confirmed";
