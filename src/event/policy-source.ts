import { resolvePolicy } from "../policy/source";
import { builtInPolicy, POLICY_FORMAT } from "../policy/sealed";
import type { PolicyResult } from "../policy/policy";
import { POLICY_SESSION_KEY, readSessionValue, writeSessionValue } from "../office/session";
import { within } from "../util/within";
import { POLICY_SHARE_MAX_AGE_MS, POLICY_SHARE_NAME, sharedValue } from "../office/local-share";

export { POLICY_SESSION_KEY };

/**
 * Where a launch event fetches the policy: `<origin>/policy.json`, asking for it sealed in this
 * add-in's format. Send Guard's server then answers with the policy it validated (no schemas to
 * load here); a static host ignores the query and serves the file, which is validated here.
 * Classic Outlook's JavaScript-only runtime supports only absolute URLs.
 */
export function policyUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/policy.json?format=${encodeURIComponent(POLICY_FORMAT)}`;
}

/** Fetches the published policy; undefined when the server cannot be reached in time. */
function fetchPolicyText(origin: string, timeoutMs: number): Promise<string | undefined> {
  if (typeof fetch !== "function") return Promise.resolve(undefined);
  const url = policyUrl(origin);
  const request = fetch(url, { credentials: "omit" })
    .then((response) => (response.ok ? response.text() : undefined))
    .catch(() => undefined);
  return within(request, timeoutMs).catch(() => undefined);
}

/**
 * The policy module with its schemas, evaluated only when a policy file's text must be validated
 * (policy.json fetched, an older cache on the item): in dist/launchevent.js it is inlined but
 * not run at load, so a Send with a sealed policy never builds the schemas.
 */
function policyModule() {
  return import(/* webpackChunkName: "policy-schema" */ "../policy/policy");
}

export function parsePolicyTextLater(text: string): Promise<PolicyResult> {
  return policyModule().then((m) => m.parsePolicyText(text));
}

/** The policy built into the bundle: sealed at build time (webpack.config.js); a policy file (tests) is validated on first use. */
export function builtInPolicyLater(value: unknown): () => Promise<PolicyResult> {
  let result: Promise<PolicyResult> | undefined;
  return () => (result ??= Promise.resolve(builtInPolicy(value, (file) => policyModule().then((m) => m.parsePolicy(file)))));
}

/** The policy for a launch event (policy/source.ts), with policy.json fetched from the add-in's origin within `fetchTimeoutMs`. */
export function loadPolicy(embedded: () => Promise<PolicyResult>, origin: string, fetchTimeoutMs: number): Promise<PolicyResult> {
  return resolvePolicy(
    {
      readCached: () => readSessionValue(POLICY_SESSION_KEY),
      fetchPublished: () => fetchPolicyText(origin, fetchTimeoutMs),
      writeCached: (text) => void writeSessionValue(POLICY_SESSION_KEY, text).catch(() => undefined),
      parseText: parsePolicyTextLater,
      readShared: () => sharedValue(POLICY_SHARE_NAME, POLICY_SHARE_MAX_AGE_MS),
    },
    embedded,
  );
}
