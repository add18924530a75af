import type { ReviewCheck } from "../api/contract";
import { ATTACHMENT_CODES, type Finding } from "../shared/types";

/** The items a reviewer acknowledges one by one: the exposure, each flagged file, each list / unresolved finding. */
export function reviewChecks(findings: readonly Finding[]): ReviewCheck[] {
  const checks: ReviewCheck[] = [];
  for (const finding of findings) {
    if (ATTACHMENT_CODES.includes(finding.code) && "attachments" in finding.evidence) {
      const names = new Set(finding.evidence.attachments.map((a) => a.name));
      for (const name of names) checks.push({ key: `${finding.code}:${name}`, code: finding.code, attachment: name });
    } else {
      checks.push({ key: finding.code, code: finding.code });
    }
  }
  return checks;
}
