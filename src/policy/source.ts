import { parsePolicyText, type PolicyResult } from "./policy";

/** Where a runtime finds the policy: the copy cached on the item, and the server's policy.json. */
export interface PolicySources {
  /** The policy text cached on this item (sessionData), if any. */
  readCached(): Promise<string | undefined>;
  /** The server's policy.json; undefined when the server cannot be reached (in time). */
  fetchPublished(): Promise<string | undefined>;
  /** Keeps a valid published policy on the item for the next runtime (optional). */
  writeCached?(text: string): void;
}

/**
 * The policy in force, the same way in every runtime: the copy cached on the item when it is
 * valid, else the server's policy.json (then cached), else the policy built into the add-in when
 * the server cannot be reached. A published policy that is invalid is an error, never silently
 * replaced by the built-in one: the administrator's intent is unknown.
 */
export async function resolvePolicy(sources: PolicySources, builtIn: PolicyResult): Promise<PolicyResult> {
  const cached = await sources.readCached();
  if (cached !== undefined) {
    const result = parsePolicyText(cached);
    if (result.ok) return result;
  }
  const published = await sources.fetchPublished();
  if (published === undefined) return builtIn;
  const result = parsePolicyText(published);
  if (result.ok) sources.writeCached?.(published);
  return result;
}
