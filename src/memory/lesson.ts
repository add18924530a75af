import { addressKey, classifyRecipients, domainParts, isExternal, isVisible, type Policy } from "../policy";
import type { ComposeStart, Draft, Finding } from "../shared/types";
import type { Lesson } from "./correspondence";

/**
 * What a message that went out teaches the memory: every outside address it went to (any
 * field), and the outside addresses shown together in To/CC as one group, when the policy
 * lets such a group be remembered. A group needs two addresses; a group larger than the mass
 * threshold is remembered only with `memory.massGroups` (a mass mailing is judged every time
 * by default), one with private individuals only with `memory.individualGroups`. BCC
 * recipients saw To/CC but nobody saw them, so they never join a group.
 */
export function lessonOf(draft: Draft, policy: Policy, exclude: ReadonlySet<string> = new Set()): Lesson {
  const outside = classifyRecipients(draft, policy).filter((r) => isExternal(r) && r.address && !exclude.has(r.address.key));
  const addresses = [...new Set(outside.map((r) => r.address?.key as string))];
  const shown = outside.filter(isVisible);
  const group = [...new Set(shown.map((r) => r.address?.key as string))];
  const eligible =
    group.length >= 2 &&
    (policy.memory.massGroups || group.length <= policy.exposure.massThreshold) &&
    (policy.memory.individualGroups || shown.every((r) => r.party?.kind !== "individual"));
  const domains = [...new Set(outside.map((r) => domainParts(r.address?.domain as string).registrable))];
  return { addresses, group: eligible ? group : [], domains };
}

/**
 * What a reply teaches when it is opened: the message being answered was received by its
 * participants together, so its outside To/CC (the reply-all's pre-filled recipients) have
 * seen each other — received mail, learned the one way an add-in sees it without reading the
 * mailbox. The same group rules as for sent mail; a reply to nobody outside teaches nothing.
 */
export function threadLessonOf(start: ComposeStart, policy: Policy): Lesson {
  if (start.type !== "reply") return { addresses: [], group: [] };
  const draft: Draft = { to: start.to.map((emailAddress) => ({ emailAddress })), cc: start.cc.map((emailAddress) => ({ emailAddress })), bcc: [], subject: "", attachments: [] };
  const lesson = lessonOf(draft, policy);
  // Only the group: nobody here was written to by the sender, so no address is learned outside it.
  return { addresses: [], group: lesson.group, domains: lesson.group.length > 0 ? (lesson.domains ?? []) : [] };
}

/**
 * Addresses a sender is asked about as possibly wrong (look-alike, near miss, a domain new to
 * the reply). A confirm alert that names them teaches nothing about them: the sender may not
 * choose Send Anyway, and a slip learned once would pass silently ever after (the Hakodate
 * case: a mistyped address used for three years). Only an approval or a message that passes
 * without them being named teaches them.
 */
export function doubtedAddresses(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const finding of findings) {
    if (finding.code !== "lookalike-domain" && finding.code !== "first-time-recipient" && finding.code !== "new-domain-in-reply") continue;
    for (const r of finding.evidence.recipients) {
      const key = addressKey(r.address);
      if (key) out.add(key);
    }
  }
  return out;
}

/** A received message's participants (sender, To, CC), as Microsoft Graph lists them. */
export interface ReceivedMessage {
  from: string | undefined;
  to: readonly string[];
  cc: readonly string[];
}

/** What a received message teaches: its participants saw each other, as for a reply's thread. */
export function receivedLessonOf(message: ReceivedMessage, policy: Policy): Lesson {
  return threadLessonOf({ type: "reply", to: message.from ? [message.from] : [], cc: [...message.to, ...message.cc] }, policy);
}

/** What the sender's "it's correct" teaches: the address and its domain, so it is no longer taken for a slip. */
export function confirmedAddressLesson(address: string): Lesson | undefined {
  const key = addressKey(address);
  if (!key) return undefined;
  return { addresses: [key], group: [], domains: [domainParts(key.slice(key.lastIndexOf("@") + 1)).registrable] };
}
