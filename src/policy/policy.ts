import { z } from "zod/mini";
import { formatPolicyErrors } from "./policy-errors";
import type { FindingCode, Level } from "../shared/types";
import { addressKey, normalizeDomain, parseAddress } from "./address";
import { DEFAULT_ATTACHMENT_KEYWORDS } from "./attachment-keywords";

const LEVELS = ["off", "confirm", "review", "block"] as const;

const domainList = z.array(
  z.string().check(z.refine((value) => normalizeDomain(value) !== null, { message: "is not a valid domain name" })),
);

const level = z.enum(LEVELS);

const address = z.string().check(z.refine((value) => parseAddress(value).ok, { message: "is not a valid email address" }));

/** Whose mail a reviewer may approve: `*` (anyone), `@domain` (senders at that domain or its subdomains) or an address. */
const senderPattern = z.string().check(
  z.refine((value) => value === "*" || (value.startsWith("@") ? normalizeDomain(value.slice(1)) !== null : parseAddress(value).ok), {
    message: 'must be "*", "@domain" or an email address',
  }),
);

export const policySchema = z.strictObject({
  $schema: z.optional(z.string()),
  internalDomains: z._default(domainList, []),
  trustedDomains: z._default(domainList, []),
  consumerDomains: z._default(domainList, []),
  builtInConsumerDomains: z._default(z.boolean(), true),
  exposure: z.prefault(
    z.strictObject({
      mode: z._default(z.enum(["cross-party", "any-external"]), "cross-party"),
      massThreshold: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100000)), 10),
      /**
       * A small new set (a counterparty and its counsel, three family members) is the sender's
       * call: at most `maxAddresses` newly exposed outside addresses of at most `maxParties`
       * outside parties get `level` instead of the rule's. Mass and any-external mode never do.
       */
      smallSet: z.prefault(
        z.strictObject({
          maxAddresses: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(1000)), 5),
          maxParties: z._default(z.number().check(z.int(), z.minimum(2), z.maximum(1000)), 3),
          level: z._default(level, "confirm"),
        }),
        {},
      ),
    }),
    {},
  ),
  attachmentKeywords: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500))),
  rules: z.prefault(
    z.strictObject({
      "external-exposure": z._default(level, "review"),
      "unresolved-recipient": z._default(level, "confirm"),
      "distribution-list": z._default(level, "confirm"),
      "attachment-name": z._default(level, "confirm"),
      "attachment-personal-data": z._default(level, "review"),
      "attachment-address-list": z._default(level, "review"),
      "attachment-unscannable": z._default(level, "confirm"),
      "lookalike-domain": z._default(level, "confirm"),
      "first-time-recipient": z._default(level, "confirm"),
      "new-domain-in-reply": z._default(level, "confirm"),
    }),
    {},
  ),
  failMode: z._default(z.enum(["closed", "open"]), "closed"),
  /** The correspondence memory (src/memory/correspondence.ts): what the sender's mailbox already knows. */
  memory: z.prefault(
    z.strictObject({
      /** Judge with the memory (a group addressed together before passes). */
      enabled: z._default(z.boolean(), true),
      /** Learn from messages that go out. */
      learn: z._default(z.boolean(), true),
      /** Learn a group when the sender is shown a confirm alert (Outlook never tells an add-in whether Send Anyway was chosen). */
      learnOnConfirm: z._default(z.boolean(), true),
      /** Remember groups larger than exposure.massThreshold (off: a mass mailing is judged every time). */
      massGroups: z._default(z.boolean(), false),
      /** Remember groups that include private individuals (a family, a club). */
      individualGroups: z._default(z.boolean(), true),
      /**
       * Learn from received mail too: the pane reads the sender's latest inbox messages through
       * Microsoft Graph (Mail.ReadBasic: headers and recipients, never bodies or attachments). Needs
       * admin consent for the scope; off by default.
       */
      inbox: z._default(z.boolean(), false),
    }),
    {},
  ),
  inspection: z.prefault(
    z.strictObject({
      /** Distinct addresses in one file from which it counts as an address list. */
      addressListThreshold: z._default(z.number().check(z.int(), z.minimum(2), z.maximum(100000)), 10),
      /** Rows of personal data (phones, addresses, rows under a personal header) from which a file counts as personal data. */
      minRows: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100000)), 5),
      maxBytes: z._default(z.number().check(z.int(), z.minimum(1024), z.maximum(200 * 1024 * 1024)), 20 * 1024 * 1024),
      maxDecompressedBytes: z._default(z.number().check(z.int(), z.minimum(1024), z.maximum(1024 * 1024 * 1024)), 100 * 1024 * 1024),
      maxEntries: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100000)), 2000),
      maxRows: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(10000000)), 200000),
      timeBudgetMs: z._default(z.number().check(z.int(), z.minimum(50), z.maximum(60000)), 2000),
      /** A file Send Guard could not inspect before Send (not read in time, Outlook could not hand it over). */
      notInspected: z._default(z.enum(["off", "confirm", "review"]), "confirm"),
    }),
    {},
  ),
  review: z.prefault(
    z.strictObject({
      reviewers: z._default(
        z.array(
          z.strictObject({
            address,
            name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
            reviews: z.array(senderPattern).check(z.minLength(1)),
          }),
        ).check(z.maxLength(5000)),
        [],
      ),
      admins: z._default(z.array(address), []),
      expiryHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(720)), 24),
    }),
    {},
  ),
  /** Ed25519 public keys (hex) that sign approvals; the review server adds its own when it serves policy.json. */
  approvalKeys: z._default(z.array(z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex characters (an Ed25519 public key)"))), []),
});

/** The policy file as written by an administrator (after defaults). */
export type PolicyFile = z.output<typeof policySchema>;

/** The policy in the form the engine uses: domains normalised, defaults resolved. */
export interface Policy {
  internalDomains: string[];
  trustedDomains: string[];
  /** The policy's own consumer domains (normalised), in addition to the built-in set when `builtInConsumerDomains`. */
  consumerDomains: string[];
  builtInConsumerDomains: boolean;
  exposure: { mode: "cross-party" | "any-external"; massThreshold: number; smallSet: { maxAddresses: number; maxParties: number; level: Level } };
  attachmentKeywords: string[];
  rules: Record<FindingCode, Level>;
  failMode: "closed" | "open";
  memory: MemoryPolicy;
  review: ReviewPolicy;
  approvalKeys: string[];
  inspection: InspectionPolicy;
}

export interface MemoryPolicy {
  enabled: boolean;
  learn: boolean;
  learnOnConfirm: boolean;
  massGroups: boolean;
  individualGroups: boolean;
  inbox: boolean;
}

export interface InspectionPolicy {
  addressListThreshold: number;
  minRows: number;
  maxBytes: number;
  maxDecompressedBytes: number;
  maxEntries: number;
  maxRows: number;
  timeBudgetMs: number;
  notInspected: "off" | "confirm" | "review";
}

export interface ReviewerEntry {
  /** Address key (lower-case, punycode domain). */
  address: string;
  name?: string | undefined;
  /** `*`, `@domain` (normalised) or an address key. */
  reviews: string[];
}

export interface ReviewPolicy {
  reviewers: ReviewerEntry[];
  /** Address keys of people who may read every request and the audit trail. */
  admins: string[];
  expiryHours: number;
}

export interface PolicyError {
  /** Dotted path of the offending key, e.g. `exposure.massThreshold` or `internalDomains[2]`. */
  path: string;
  message: string;
}

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  values?: unknown[];
  keys?: string[];
  minimum?: unknown;
  maximum?: unknown;
}

function describeIssue(issue: IssueLike): PolicyError[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return (issue.keys ?? []).map((key) => ({
        path: formatPath([...issue.path, key]),
        message: "is not a known policy key",
      }));
    case "invalid_type":
      return [{ path, message: `must be ${String(issue.expected)}` }];
    case "invalid_value":
      return [{ path, message: `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}` }];
    case "too_small":
      return [{ path, message: `must be at least ${String(issue.minimum)}` }];
    case "too_big":
      return [{ path, message: `must be at most ${String(issue.maximum)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function normalizeAll(domains: readonly string[]): string[] {
  const out = new Set<string>();
  for (const domain of domains) {
    const normalized = normalizeDomain(domain);
    if (normalized) out.add(normalized);
  }
  return [...out];
}

/** A policy names people by address key; text that is not an address is kept as written (it then matches nobody). */
function addressKeyOf(value: string): string {
  return addressKey(value) ?? value;
}

function normalizePattern(pattern: string): string {
  if (pattern === "*") return pattern;
  if (pattern.startsWith("@")) return `@${normalizeDomain(pattern.slice(1)) ?? pattern.slice(1)}`;
  return addressKeyOf(pattern);
}

/** Validates a parsed policy JSON value. Errors name the bad key; nothing throws. */
export function parsePolicy(input: unknown): PolicyResult {
  const result = policySchema.safeParse(input);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.flatMap((issue) => describeIssue(issue as IssueLike)) };
  }
  const file = result.data;
  return {
    ok: true,
    policy: {
      internalDomains: normalizeAll(file.internalDomains),
      trustedDomains: normalizeAll(file.trustedDomains),
      consumerDomains: normalizeAll(file.consumerDomains),
      builtInConsumerDomains: file.builtInConsumerDomains,
      exposure: file.exposure,
      attachmentKeywords: [...(file.attachmentKeywords ?? DEFAULT_ATTACHMENT_KEYWORDS)],
      rules: file.rules,
      failMode: file.failMode,
      memory: file.memory,
      review: {
        reviewers: file.review.reviewers.map((entry) => ({
          address: addressKeyOf(entry.address),
          name: entry.name,
          reviews: entry.reviews.map(normalizePattern),
        })),
        admins: file.review.admins.map(addressKeyOf),
        expiryHours: file.review.expiryHours,
      },
      approvalKeys: [...new Set(file.approvalKeys)],
      inspection: file.inspection,
    },
  };
}

/** Parses policy JSON text. A syntax error is reported like any other policy error. */
export function parsePolicyText(text: string): PolicyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "(root)", message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return parsePolicy(value);
}

/** The policy with every default, for drafts evaluated without a policy file. */
export const DEFAULT_POLICY: Policy = (parsePolicy({}) as { ok: true; policy: Policy }).policy;

export { formatPolicyErrors };
