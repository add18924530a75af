import type { PolicyResult } from "./policy";
import { sealedPolicyText, unsealPolicy } from "./sealed";

/** Where a runtime finds the policy: the copy cached on the item, and the server's policy.json. */
export interface PolicySources {
  /** The policy cached on this item (sessionData), if any: sealed (./sealed.ts) or a policy file's text. */
  readCached(): Promise<string | undefined>;
  /** The server's policy.json (as the file's text, or sealed when the server validated it); undefined when the server cannot be reached (in time). */
  fetchPublished(): Promise<string | undefined>;
  /** Keeps a valid published policy on the item, sealed, for the next runtime (optional). */
  writeCached?(text: string): void;
  /**
   * A sealed policy another runtime of this add-in shared (the task pane, through localStorage:
   * office/local-share.ts), used when policy.json cannot be fetched, before the built-in policy.
   */
  readShared?(): string | undefined;
  /** Validates a policy file's text (the schema library; the send handler loads it only when a text must be validated). */
  parseText(text: string): PolicyResult | Promise<PolicyResult>;
}

/**
 * A policy as an item keeps it or a server serves it: sealed (Send Guard validated it already: used
 * as it is, no schemas) or a policy file's text (validated).
 */
function policyOfText(text: string, parseText: PolicySources["parseText"]): PolicyResult | Promise<PolicyResult> {
  const sealed = unsealPolicy(text);
  return sealed ? { ok: true, policy: sealed } : parseText(text);
}

/**
 * The policy in force, the same way in every runtime: the copy cached on the item when it is
 * valid, else the server's policy.json (sealed when Send Guard's server answers a launch event,
 * else validated here; then cached, sealed), else, when the server cannot be reached, a sealed
 * policy the task pane shared recently, else the policy built into the add-in. A published policy
 * that is invalid is an error, never silently replaced by the built-in one: the administrator's
 * intent is unknown.
 */
export async function resolvePolicy(sources: PolicySources, builtIn: () => PolicyResult | Promise<PolicyResult>): Promise<PolicyResult> {
  const cached = await sources.readCached();
  if (cached !== undefined) {
    const result = await policyOfText(cached, sources.parseText);
    if (result.ok) return result;
  }
  const published = await sources.fetchPublished();
  if (published === undefined) {
    const shared = unsealPolicy(sources.readShared?.());
    return shared ? { ok: true, policy: shared } : builtIn();
  }
  const result = await policyOfText(published, sources.parseText);
  if (result.ok) sources.writeCached?.(sealedPolicyText(result.policy));
  return result;
}
