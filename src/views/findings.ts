import type { Finding } from "../shared/types";
import { ATTACHMENT_CODES } from "../shared/types";
import { flaggedFiles, type FlaggedFile } from "./flagged-files";

export type ExposureFinding = Extract<Finding, { code: "external-exposure" }>;

/** Findings as the sender's pane and the reviewer show them: the exposure, one entry per file, then the rest one by one. */
export interface FindingsView {
  exposure: ExposureFinding | undefined;
  files: FlaggedFile[];
  others: Finding[];
}

export function findingsView(findings: readonly Finding[]): FindingsView {
  return {
    exposure: findings.find((f): f is ExposureFinding => f.code === "external-exposure"),
    files: flaggedFiles(findings),
    others: findings.filter((f) => f.code !== "external-exposure" && !ATTACHMENT_CODES.includes(f.code)),
  };
}
