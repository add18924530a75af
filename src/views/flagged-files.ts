import type { Finding, InspectedKind } from "../shared/types";

/**
 * Every attachment some finding names, with all that was found about it gathered in one
 * place: the sender's pane and the reviewer show one entry per file, not one per rule.
 */
export interface FlaggedFile {
  name: string;
  size: number;
  /** attachment-name: the keywords in the file name. */
  nameKeywords?: string[];
  /** attachment-personal-data: counts, header rows (where, columns, rows) and masked samples. */
  personal?: {
    counts: Partial<Record<InspectedKind, number>>;
    headers: { where: string; columns: string[]; rows: number }[];
    samples: { kind: InspectedKind; where: string; masked: string }[];
  };
  /** attachment-address-list: distinct addresses, and how many are not recipients. */
  addressList?: { addresses: number; notRecipients: number };
  /** attachment-unscannable: why the file (or an entry inside it) was not inspected. */
  unscannable?: { reason: string; entry?: string | undefined }[];
  /** The finding codes that name this file, strongest first. */
  codes: Finding["code"][];
}

/** The flagged files of a set of findings (already sorted by level), in the order they first appear. */
export function flaggedFiles(findings: readonly Finding[]): FlaggedFile[] {
  const files = new Map<string, FlaggedFile>();
  const fileOf = (name: string, size: number, code: Finding["code"]): FlaggedFile => {
    const key = `${name}\u0000${size}`;
    let file = files.get(key);
    if (!file) {
      file = { name, size, codes: [] };
      files.set(key, file);
    }
    if (!file.codes.includes(code)) file.codes.push(code);
    return file;
  };
  for (const finding of findings) {
    switch (finding.code) {
      case "attachment-name":
        for (const a of finding.evidence.attachments) fileOf(a.name, a.size, finding.code).nameKeywords = a.keywords;
        break;
      case "attachment-personal-data":
        for (const a of finding.evidence.attachments) fileOf(a.name, a.size, finding.code).personal = { counts: a.counts, headers: a.headers, samples: a.samples };
        break;
      case "attachment-address-list":
        for (const a of finding.evidence.attachments) fileOf(a.name, a.size, finding.code).addressList = { addresses: a.addresses, notRecipients: a.notRecipients };
        break;
      case "attachment-unscannable":
        for (const a of finding.evidence.attachments) {
          const file = fileOf(a.name, a.size, finding.code);
          (file.unscannable ??= []).push({ reason: a.reason, entry: a.entry });
        }
        break;
      default:
        break;
    }
  }
  return [...files.values()];
}
