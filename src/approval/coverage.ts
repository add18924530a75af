import { hashText } from "../policy/fingerprint";
import { reviewChecks } from "./checks";
import type { Finding } from "../shared/types";

/**
 * What an approval covers: one digest per item the reviewer acknowledged (the exposure,
 * each flagged file per finding, each list / unresolved finding), over the item's key and
 * the facts the reviewer was shown for it. The server puts the digests of the request's
 * findings into the approval token (`cov`); at Send the handler computes the digests of the
 * findings it sees now, and any digest the token does not hold is something the reviewer
 * did not see: the approval does not lift it.
 *
 * The facts are written in a canonical order (sorted lists, lower-case addresses, no
 * object key order: findings come back from the database as jsonb), so the same finding
 * gives the same digest on the server, in the pane and in the send handler. What a digest
 * covers per code:
 * - external-exposure: the reasons, every exposed `field:address`, every outside party `id:kind`;
 * - unresolved-recipient: every `field:reason:address`;
 * - distribution-list: every `field:address`;
 * - attachment-name (per file name): size and keywords of each file of that name;
 * - attachment-personal-data: size, counts per kind, header rows (where, columns, rows);
 * - attachment-address-list: size, how many addresses, how many not recipients;
 * - attachment-unscannable: size, reason and archive entry of each unreadable part;
 * - lookalike-domain, first-time-recipient: every `field:address>suggestion`;
 * - new-domain-in-reply: every `field:address`, and the thread's domains.
 */
export const COVERAGE_DIGEST_LENGTH = 16;

export { MAX_APPROVAL_ITEMS } from "./token";

export interface ApprovalItem {
  /** The review check key (`external-exposure`, `attachment-name:名簿.xlsx`, …). */
  key: string;
  code: Finding["code"];
  attachment?: string | undefined;
  digest: string;
}

const lower = (text: string) => text.toLowerCase();
const sorted = (items: readonly string[]) => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The facts of one check item, canonical. */
function facts(finding: Finding, attachment: string | undefined): string[] {
  switch (finding.code) {
    case "external-exposure": {
      const e = finding.evidence;
      return [
        sorted(e.reasons).join(","),
        ...sorted(e.exposed.map((x) => `${x.field}:${lower(x.address)}`)),
        ...sorted(e.parties.map((p) => `party:${lower(p.id)}:${p.kind}`)),
      ];
    }
    case "unresolved-recipient":
      return sorted(finding.evidence.recipients.map((r) => `${r.field}:${r.reason}:${lower(r.address)}`));
    case "distribution-list":
      return sorted(finding.evidence.recipients.map((r) => `${r.field}:${lower(r.address)}`));
    case "attachment-name":
      return sorted(finding.evidence.attachments.filter((a) => a.name === attachment).map((a) => `${a.size}|${sorted(a.keywords).join(",")}`));
    case "attachment-personal-data":
      return sorted(
        finding.evidence.attachments
          .filter((a) => a.name === attachment)
          .map((a) => {
            const counts = sorted(Object.entries(a.counts).filter(([, n]) => (n ?? 0) > 0).map(([kind, n]) => `${kind}=${n}`)).join(",");
            const headers = sorted(a.headers.map((h) => `${h.where}>${h.columns.join(",")}>${h.rows}`)).join(";");
            return `${a.size}|${counts}|${headers}`;
          }),
      );
    case "attachment-address-list":
      return sorted(finding.evidence.attachments.filter((a) => a.name === attachment).map((a) => `${a.size}|${a.addresses}|${a.notRecipients}`));
    case "attachment-unscannable":
      return sorted(finding.evidence.attachments.filter((a) => a.name === attachment).map((a) => `${a.size}|${a.reason}|${a.entry ?? ""}`));
    case "lookalike-domain":
    case "first-time-recipient":
      return sorted(finding.evidence.recipients.map((r) => `${r.field}:${lower(r.address)}>${lower(r.suggestion)}`));
    case "new-domain-in-reply":
      return [...sorted(finding.evidence.recipients.map((r) => `${r.field}:${lower(r.address)}`)), `thread:${sorted(finding.evidence.threadDomains).join(",")}`];
  }
}

/** The items of a set of findings, each with its digest (one per review check, in the checks' order). */
export function approvalItems(findings: readonly Finding[]): ApprovalItem[] {
  const byCode = new Map(findings.map((f) => [f.code, f]));
  return reviewChecks(findings).map((check) => {
    const finding = byCode.get(check.code) as Finding;
    const digest = hashText([check.key, ...facts(finding, check.attachment)].join("\n"), COVERAGE_DIGEST_LENGTH);
    return { key: check.key, code: check.code, attachment: check.attachment, digest };
  });
}

/** The digests an approval of these findings carries. */
export function coverageOf(findings: readonly Finding[]): string[] {
  return approvalItems(findings).map((item) => item.digest);
}

/**
 * The findings an approval does not cover, narrowed to the uncovered items (an attachment
 * finding keeps only its uncovered files), strictest first as given. Empty when every
 * item was reviewed.
 */
export function uncoveredFindings(findings: readonly Finding[], covered: readonly string[]): Finding[] {
  const known = new Set(covered);
  const missing = approvalItems(findings).filter((item) => !known.has(item.digest));
  const out: Finding[] = [];
  for (const finding of findings) {
    const items = missing.filter((item) => item.code === finding.code);
    if (items.length === 0) continue;
    if ("attachments" in finding.evidence) {
      const names = new Set(items.map((item) => item.attachment));
      const attachments = (finding.evidence.attachments as { name: string }[]).filter((a) => names.has(a.name));
      out.push({ ...finding, evidence: { ...finding.evidence, attachments } } as Finding);
    } else {
      out.push(finding);
    }
  }
  return out;
}
