import { classifyRecipients, domainParts, isExternal, isVisible, type Policy } from "../policy";
import type { Draft } from "../shared/types";
import type { Lesson } from "./correspondence";

/**
 * What a message that went out teaches the memory: every outside address it went to (any
 * field), and the outside addresses shown together in To/CC as one group, when the policy
 * lets such a group be remembered. A group needs two addresses; a group larger than the mass
 * threshold is remembered only with `memory.massGroups` (a mass mailing is judged every time
 * by default), one with private individuals only with `memory.individualGroups`. BCC
 * recipients saw To/CC but nobody saw them, so they never join a group.
 */
export function lessonOf(draft: Draft, policy: Policy): Lesson {
  const outside = classifyRecipients(draft, policy).filter((r) => isExternal(r) && r.address);
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
