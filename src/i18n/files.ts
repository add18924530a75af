import type { FlaggedFile } from "../views/flagged-files";
import type { Finding, InspectedKind } from "../shared/types";
import { CATALOGS, type Language } from "./catalog";

/** One line about a flagged file, tagged with the finding it comes from. */
export interface FileLine {
  code: Finding["code"];
  text: string;
}

interface FileText {
  name: (keywords: string) => string;
  counts: (summary: string) => string;
  personalColumns: string;
  columns: (where: string, columns: string, rows: number) => string;
  samples: (list: string) => string;
  addressList: (addresses: number, notRecipients: number) => string;
  unscannable: (reason: string) => string;
  inside: (entry: string, reason: string) => string;
  /** Only the first rows were read: the file (or a sheet of it) has more than the limit. */
  partly: (entry: string | undefined) => string;
  times: string;
  separator: string;
}

const TEXT: Record<Language, FileText> = {
  en: {
    name: (keywords) => `Name suggests personal data: ${keywords}`,
    counts: (summary) => `Contains personal data: ${summary}`,
    personalColumns: "Contains personal data",
    columns: (where, columns, rows) => `Personal columns in “${where}”: ${columns} (${rows} rows)`,
    samples: (list) => `Examples, masked: ${list}`,
    addressList: (addresses, notRecipients) => `A list of ${addresses} email addresses; ${notRecipients} of them are not recipients of this message`,
    unscannable: (reason) => `Not inspected: ${reason}`,
    inside: (entry, reason) => `Not inspected inside the archive: ${entry} (${reason})`,
    partly: (entry) => `Read only in part: ${entry ? `“${entry}” has` : "it has"} more rows than Send Guard reads (inspection.maxRows)`,
    times: " ×",
    separator: ", ",
  },
  ja: {
    name: (keywords) => `ファイル名が個人情報を示しています：${keywords}`,
    counts: (summary) => `個人情報を含みます：${summary}`,
    personalColumns: "個人情報を含みます",
    columns: (where, columns, rows) => `「${where}」に個人情報の列：${columns}（${rows}行）`,
    samples: (list) => `例（伏せ字）：${list}`,
    addressList: (addresses, notRecipients) => `メールアドレス${addresses}件の一覧です。うち${notRecipients}件はこのメールの宛先にありません`,
    unscannable: (reason) => `中身を確認できません：${reason}`,
    inside: (entry, reason) => `圧縮ファイル内の ${entry} を確認できません（${reason}）`,
    partly: (entry) => `${entry ? `「${entry}」の` : ""}行数が上限（inspection.maxRows）を超えているため、一部しか確認していません`,
    times: "×",
    separator: "、",
  },
};

const KIND_ORDER: readonly InspectedKind[] = ["my-number", "card", "email", "phone", "postal-address", "postal-code"];

/**
 * What Send Guard found about one file, as lines for the sender's pane and the reviewer:
 * every count, the personal columns with where they are and how many rows follow, the
 * masked samples, the address list with its not-recipient count, and why a file (or an
 * archive entry) was not inspected. Evidence only: never the data itself.
 */
export function fileLines(file: FlaggedFile, language: Language): FileLine[] {
  const t = TEXT[language];
  const catalog = CATALOGS[language];
  const lines: FileLine[] = [];
  if (file.nameKeywords) lines.push({ code: "attachment-name", text: t.name(file.nameKeywords.join(t.separator)) });
  if (file.personal) {
    const { counts, headers, samples } = file.personal;
    const summary = KIND_ORDER.filter((kind) => (counts[kind] ?? 0) > 0)
      .map((kind) => `${catalog.kind[kind]}${t.times}${counts[kind] ?? 0}`)
      .join(t.separator);
    lines.push({ code: "attachment-personal-data", text: summary ? t.counts(summary) : t.personalColumns });
    for (const header of headers) lines.push({ code: "attachment-personal-data", text: t.columns(header.where, header.columns.join(t.separator), header.rows) });
    if (samples.length > 0) lines.push({ code: "attachment-personal-data", text: t.samples(samples.map((s) => `${catalog.kind[s.kind]} ${s.masked}`).join(t.separator)) });
  }
  if (file.addressList) lines.push({ code: "attachment-address-list", text: t.addressList(file.addressList.addresses, file.addressList.notRecipients) });
  for (const item of file.unscannable ?? []) {
    if (item.reason === "too-many-rows") {
      lines.push({ code: "attachment-unscannable", text: t.partly(item.entry === file.name ? undefined : item.entry) });
      continue;
    }
    const reason = catalog.unscannable(item.reason);
    lines.push({ code: "attachment-unscannable", text: item.entry ? t.inside(item.entry, reason) : t.unscannable(reason) });
  }
  return lines;
}
