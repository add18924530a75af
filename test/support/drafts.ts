import type { Draft, DraftAttachment, DraftRecipient, RecipientType } from "../../src/shared/types";
import { parsePolicy, type Policy } from "../../src/policy";

/** The organisation used across tests: 未来商事 (Mirai Shoji), with a trusted group company. */
export const ORG_POLICY_FILE = {
  internalDomains: ["mirai-shoji.co.jp"],
  trustedDomains: ["mirai-group.jp"],
};

export function policyOf(file: Record<string, unknown> = {}): Policy {
  const result = parsePolicy({ ...ORG_POLICY_FILE, ...file });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

/** `"山田 太郎 <yamada@example.co.jp>"`, `yamada@example.co.jp` or `dl:all@x` (a distribution list). */
export function recipient(text: string, recipientType?: RecipientType): DraftRecipient {
  let type = recipientType;
  let spec = text;
  if (spec.startsWith("dl:")) {
    type = "distributionList";
    spec = spec.slice(3);
  }
  const match = /^([\s\S]*)<([^>]*)>$/.exec(spec);
  const emailAddress = match ? (match[2] ?? "") : spec;
  const displayName = match ? (match[1] ?? "").replace(/"/g, "").trim() : emailAddress;
  return { emailAddress, displayName, recipientType: type ?? "externalUser" };
}

export interface DraftSpec {
  from?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  attachments?: DraftAttachment[];
}

export function draftOf(spec: DraftSpec): Draft {
  return {
    from: spec.from ?? "tanaka@mirai-shoji.co.jp",
    to: (spec.to ?? []).map((t) => recipient(t)),
    cc: (spec.cc ?? []).map((t) => recipient(t)),
    bcc: (spec.bcc ?? []).map((t) => recipient(t)),
    subject: spec.subject ?? "ご案内",
    attachments: spec.attachments ?? [],
  };
}

const SURNAMES = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato"];

/** `count` addresses spread over the given domains, each one distinct. */
export function addresses(count: number, domains: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = SURNAMES[i % SURNAMES.length] ?? "user";
    return `${name}${i}@${domains[i % domains.length] ?? "example.jp"}`;
  });
}

export const CARRIER_DOMAINS = ["docomo.ne.jp", "ezweb.ne.jp", "i.softbank.jp", "gmail.com", "yahoo.co.jp", "icloud.com"];
export const COMPANY_DOMAINS = [
  "tokyo-unyu.co.jp", "chiba-butsuryu.jp", "saitama-kotsu.co.jp", "kanagawa-haiso.co.jp", "sales.shinagawa-truck.co.jp",
];
