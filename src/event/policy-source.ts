import { parsePolicyText, type PolicyResult } from "../policy";
import { POLICY_SESSION_KEY, readSessionValue, writeSessionValue } from "../office/session";
import { within } from "../util/within";

export { POLICY_SESSION_KEY };

/** Fetches `<origin>/policy.json`; undefined when the server cannot be reached in time. */
function fetchPolicyText(origin: string, timeoutMs: number): Promise<string | undefined> {
  if (typeof fetch !== "function") return Promise.resolve(undefined);
  // Classic Outlook's JavaScript-only runtime supports only absolute URLs.
  const url = `${origin.replace(/\/+$/, "")}/policy.json`;
  const request = fetch(url, { credentials: "omit" })
    .then((response) => (response.ok ? response.text() : undefined))
    .catch(() => undefined);
  return within(request, timeoutMs).catch(() => undefined);
}

/**
 * The policy for this send: the copy cached on the item (sessionData), else the
 * server's `policy.json` (then cached), else the policy embedded at build time
 * when the server cannot be reached. A server policy that is invalid is an error,
 * not a silent fallback: the administrator's intent is unknown.
 */
export function loadPolicy(embedded: PolicyResult, origin: string, fetchTimeoutMs: number): Promise<PolicyResult> {
  return readSessionValue(POLICY_SESSION_KEY).then((cached) => {
    if (cached !== undefined) {
      const result = parsePolicyText(cached);
      if (result.ok) return result;
    }
    return fetchPolicyText(origin, fetchTimeoutMs).then((text) => {
      if (text === undefined) return embedded;
      const result = parsePolicyText(text);
      if (result.ok) writeSessionValue(POLICY_SESSION_KEY, text).catch(() => undefined);
      return result;
    });
  });
}
