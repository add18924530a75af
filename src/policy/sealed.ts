import type { Policy, PolicyResult } from "./policy";

/**
 * A policy Send Guard has already validated and normalised, as it keeps one on an item and builds
 * one into the event bundle: read back without the schema library, so a Send in a fresh runtime
 * (classic Outlook starts one per Send) neither builds the schemas nor validates again. Only
 * Send Guard's own code writes it (the add-in's item sessionData, its own build); a value in
 * another format, or from a build whose policy shape differs, is not used: the policy is then
 * found and validated afresh.
 *
 * POLICY_FORMAT names the shape of `Policy`; test/policy/sealed.test.ts derives it from the
 * schema and the normalised defaults and fails, naming the new value, when either changes.
 */
export const POLICY_FORMAT = "sgp1-45bbd15317d0";

export interface SealedPolicy {
  format: string;
  policy: Policy;
}

const SEALED_PREFIX = '{"format":"sgp';

export function sealPolicy(policy: Policy): SealedPolicy {
  return { format: POLICY_FORMAT, policy };
}

/** The sealed policy as the text kept on an item. */
export function sealedPolicyText(policy: Policy): string {
  return JSON.stringify(sealPolicy(policy));
}

/** The policy in a sealed value (object or text) of this format; undefined for anything else (a policy file's text included). */
export function unsealPolicy(value: unknown): Policy | undefined {
  let sealed = value;
  if (typeof value === "string") {
    if (!value.startsWith(SEALED_PREFIX)) return undefined;
    try {
      sealed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!sealed || typeof sealed !== "object") return undefined;
  const { format, policy } = sealed as Partial<SealedPolicy>;
  return format === POLICY_FORMAT && policy !== null && typeof policy === "object" && !Array.isArray(policy) ? policy : undefined;
}

/** A policy as it was built in: sealed (what the build embeds) or, where tests and older builds pass one, a policy file validated by `parse`. */
export function builtInPolicy(value: unknown, parse: (file: unknown) => PolicyResult | Promise<PolicyResult>): PolicyResult | Promise<PolicyResult> {
  const sealed = unsealPolicy(value);
  return sealed ? { ok: true, policy: sealed } : parse(value);
}
