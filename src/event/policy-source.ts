import { resolvePolicy, type PolicyResult } from "../policy";
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

/** The policy for a launch event (policy/source.ts), with policy.json fetched from the add-in's origin within `fetchTimeoutMs`. */
export function loadPolicy(embedded: PolicyResult, origin: string, fetchTimeoutMs: number): Promise<PolicyResult> {
  return resolvePolicy(
    {
      readCached: () => readSessionValue(POLICY_SESSION_KEY),
      fetchPublished: () => fetchPolicyText(origin, fetchTimeoutMs),
      writeCached: (text) => void writeSessionValue(POLICY_SESSION_KEY, text).catch(() => undefined),
    },
    embedded,
  );
}
