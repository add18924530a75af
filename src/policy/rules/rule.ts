import type { Draft, Finding, KnownCorrespondence, Level, SendContext } from "../../shared/types";
import type { Policy } from "../policy";
import type { ClassifiedRecipient } from "../recipients";

export interface RuleContext {
  draft: Draft;
  policy: Policy;
  recipients: readonly ClassifiedRecipient[];
  /** What is known beyond the message (how it started). */
  context: SendContext;
  /** For a reply: the address keys of the thread's participants at compose start (./thread.ts); null otherwise. */
  thread: ReadonlySet<string> | null;
  /** The correspondence memory when the policy uses it (`memory.enabled`); null otherwise. */
  memory: KnownCorrespondence | null;
}

/**
 * A rule returns its finding, or null when it has nothing to say. Levels are applied by the
 * engine from `policy.rules`, unless the rule derives one itself from other policy settings.
 */
export type Rule = (context: RuleContext) => (Omit<Finding, "level"> & { level?: Level }) | null;
