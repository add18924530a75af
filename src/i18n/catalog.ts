import type { Finding, InspectedKind, RecipientField, Verdict } from "../shared/types";

export type Language = "ja" | "en";

/** Why a check could not complete; shown in the fail-closed alert. */
export type FailureReason = "office-error" | "timeout" | "policy-invalid" | "internal";

export interface Catalog {
  header: Record<Exclude<Verdict, "allow">, string>;
  action: Record<Exclude<Verdict, "allow">, string>;
  /** An approval is on the item, but Send found what the reviewer did not see. */
  notCoveredHeader: (reviewer: string) => string;
  notCoveredAction: Record<Exclude<Verdict, "allow">, string>;
  finding: { [C in Finding["code"]]: (finding: Extract<Finding, { code: C }>) => string };
  failure: (reason: FailureReason) => string;
  failureReason: Record<FailureReason, string>;
  openPane: string;
  verdictLabel: Record<Verdict, string>;
  field: Record<RecipientField, string>;
  andMore: (count: number) => string;
  kind: Record<InspectedKind, string>;
  unscannable: (reason: string) => string;
}

/** "名簿.xlsx (phone ×200, email ×200)" — the strongest counts of each file. */
function kindSummary(counts: Partial<Record<InspectedKind, number>>, names: Record<InspectedKind, string>, times: string, separator: string): string {
  return (Object.entries(counts) as [InspectedKind, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([kind, n]) => `${names[kind]}${times}${n}`)
    .join(separator);
}

const SAMPLE = 3;

function sample(addresses: readonly string[], more: (n: number) => string, separator: string): string {
  const shown = addresses.slice(0, SAMPLE).join(separator);
  return addresses.length > SAMPLE ? `${shown}${more(addresses.length - SAMPLE)}` : shown;
}

function partySummary(finding: Extract<Finding, { code: "external-exposure" }>, times: string, separator: string): string {
  return finding.evidence.parties
    .filter((p) => p.visible > 0)
    .slice(0, SAMPLE)
    .map((p) => `${p.id}${times}${p.visible}`)
    .join(separator);
}

/** Addresses that could not be verified, and fields Outlook returned only up to its limit. */
function splitUnresolved(finding: Extract<Finding, { code: "unresolved-recipient" }>) {
  const recipients = finding.evidence.recipients;
  return {
    unverified: recipients.filter((r) => r.reason !== "list-truncated").map((r) => r.address),
    truncated: recipients.filter((r) => r.reason === "list-truncated").map((r) => r.field),
  };
}

const en: Catalog = {
  header: {
    confirm: "Send Guard: please check this message before sending.",
    review: "Send Guard stopped this message.",
    block: "Send Guard blocks this message under your organization's policy.",
  },
  action: {
    confirm: "If this is intended, choose Send Anyway.",
    review: "Open Send Guard to fix it (e.g. move outside recipients to BCC) or to request a review.",
    block: "Change the message to send it.",
  },
  notCoveredHeader: (reviewer) => `${reviewer} approved this message, but Send Guard now finds something the reviewer did not see:`,
  notCoveredAction: {
    confirm: "If this is intended, choose Send Anyway.",
    review: "Open Send Guard to fix it or to ask for a new review.",
    block: "Change the message to send it.",
  },
  finding: {
    "external-exposure": (f) => {
      const e = f.evidence;
      const parties = e.parties.length;
      const scope = e.reasons.includes("cross-party")
        ? `recipients of ${parties} different outside parties would see them`
        : e.reasons.includes("mass")
          ? `more than ${e.massThreshold}`
          : "all recipients would see them";
      return `${e.visibleExternalCount} outside address(es) are in To/CC and ${scope} (${partySummary(f, " ×", ", ")}): ${sample(e.exposed.map((x) => x.address), en.andMore, ", ")}.`;
    },
    "unresolved-recipient": (f) => {
      const { unverified, truncated } = splitUnresolved(f);
      const parts: string[] = [];
      if (unverified.length > 0) parts.push(`${unverified.length} recipient(s) could not be verified: ${sample(unverified, en.andMore, ", ")}.`);
      for (const field of truncated) parts.push(`Outlook returned only part of the ${en.field[field]} list.`);
      return parts.join(" ");
    },
    "distribution-list": (f) =>
      `Distribution list ${sample(f.evidence.recipients.map((r) => r.address), en.andMore, ", ")} has members Send Guard cannot see; they would see the outside addresses.`,
    "attachment-name": (f) => `Attachment names suggest personal data: ${sample(f.evidence.attachments.map((a) => a.name), en.andMore, ", ")}.`,
    "attachment-personal-data": (f) =>
      `Attachments contain personal data: ${sample(
        f.evidence.attachments.map((a) => `${a.name} (${kindSummary(a.counts, en.kind, " ×", ", ") || "personal columns"})`),
        en.andMore,
        "; ",
      )}.`,
    "attachment-address-list": (f) =>
      `An attached file is a list of email addresses: ${sample(
        f.evidence.attachments.map((a) => `${a.name} (${a.addresses} addresses, ${a.notRecipients} not among the recipients)`),
        en.andMore,
        "; ",
      )}.`,
    "attachment-unscannable": (f) =>
      `Send Guard could not inspect: ${sample(f.evidence.attachments.map((a) => `${a.name} (${en.unscannable(a.reason)})`), en.andMore, "; ")}.`,
  },
  failure: (reason) =>
    `Send Guard could not finish checking this message (${en.failureReason[reason]}), so it was not sent. Press Send again; if this keeps happening, contact your IT administrator.`,
  failureReason: {
    "office-error": "Outlook did not return the message details",
    timeout: "the check took too long",
    "policy-invalid": "your organization's Send Guard policy is invalid",
    internal: "an internal error",
  },
  openPane: "Open Send Guard",
  verdictLabel: { allow: "Ready to send", confirm: "Check before sending", review: "Needs a fix or a review", block: "Cannot be sent" },
  field: { to: "To", cc: "CC", bcc: "BCC" },
  andMore: (count) => ` and ${count} more`,
  kind: { email: "email", phone: "phone", "postal-code": "postal code", "postal-address": "address", "my-number": "My Number", card: "card number" },
  unscannable: (reason) =>
    ({
      "encrypted-zip": "password-protected ZIP",
      "password-protected-office": "password-protected Office file",
      "legacy-office-format": "old Office format",
      pdf: "PDF",
      "not-inspected": "not inspected in time",
      "read-failed": "Outlook did not hand over the file",
      "time-budget": "took too long",
      "too-large": "too large",
      "decompressed-too-large": "too large when unpacked",
      "too-many-entries": "too many files inside",
      "unknown-encoding": "unknown text encoding",
      "no-text-decoder": "text not readable in this Outlook",
      corrupt: "damaged",
      "unsupported-format": "format not readable",
      "nested-too-deep": "archive nested too deep",
    })[reason] ?? reason,
};

const ja: Catalog = {
  header: {
    confirm: "Send Guard：送信前にご確認ください。",
    review: "Send Guardがこのメールの送信を止めました。",
    block: "組織のポリシーにより、Send Guardはこのメールを送信できません。",
  },
  action: {
    confirm: "意図したものであれば、このまま送信できます。",
    review: "Send Guardを開いて修正する（社外の宛先をBCCへ移すなど）か、確認を依頼してください。",
    block: "送信するにはメールを修正してください。",
  },
  notCoveredHeader: (reviewer) => `${reviewer}さんが承認したメールですが、確認者が見ていない内容が見つかりました：`,
  notCoveredAction: {
    confirm: "意図したものであれば、このまま送信できます。",
    review: "Send Guardを開いて修正するか、あらためて確認を依頼してください。",
    block: "送信するにはメールを修正してください。",
  },
  finding: {
    "external-exposure": (f) => {
      const e = f.evidence;
      const scope = e.reasons.includes("cross-party")
        ? `${e.parties.length}つの異なる社外の相手に互いのアドレスが見えます`
        : e.reasons.includes("mass")
          ? `${e.massThreshold}件を超えています`
          : "全員にアドレスが見えます";
      return `宛先（To/CC）に社外アドレスが${e.visibleExternalCount}件あり、${scope}（${partySummary(f, "×", "、")}）：${sample(e.exposed.map((x) => x.address), ja.andMore, "、")}。`;
    },
    "unresolved-recipient": (f) => {
      const { unverified, truncated } = splitUnresolved(f);
      const parts: string[] = [];
      if (unverified.length > 0) parts.push(`確認できない宛先が${unverified.length}件あります：${sample(unverified, ja.andMore, "、")}。`);
      for (const field of truncated) parts.push(`Outlookが${ja.field[field]}の宛先の一部しか返しませんでした。`);
      return parts.join("");
    },
    "distribution-list": (f) =>
      `配布リスト ${sample(f.evidence.recipients.map((r) => r.address), ja.andMore, "、")} のメンバーは確認できず、社外アドレスが見えてしまいます。`,
    "attachment-name": (f) => `個人情報を含む可能性のある添付ファイル：${sample(f.evidence.attachments.map((a) => a.name), ja.andMore, "、")}。`,
    "attachment-personal-data": (f) =>
      `添付ファイルに個人情報が含まれています：${sample(
        f.evidence.attachments.map((a) => `${a.name}（${kindSummary(a.counts, ja.kind, "×", "、") || "個人情報の列"}）`),
        ja.andMore,
        "、",
      )}。`,
    "attachment-address-list": (f) =>
      `添付ファイルがメールアドレスの一覧です：${sample(
        f.evidence.attachments.map((a) => `${a.name}（${a.addresses}件、うち宛先にない${a.notRecipients}件）`),
        ja.andMore,
        "、",
      )}。`,
    "attachment-unscannable": (f) =>
      `Send Guardが中身を確認できない添付ファイルがあります：${sample(f.evidence.attachments.map((a) => `${a.name}（${ja.unscannable(a.reason)}）`), ja.andMore, "、")}。`,
  },
  failure: (reason) =>
    `Send Guardがチェックを完了できなかったため（${ja.failureReason[reason]}）、送信を止めました。もう一度「送信」を押してください。繰り返す場合はIT管理者に連絡してください。`,
  failureReason: {
    "office-error": "Outlookからメールの情報を取得できませんでした",
    timeout: "チェックに時間がかかりすぎました",
    "policy-invalid": "組織のSend Guardポリシーが不正です",
    internal: "内部エラー",
  },
  openPane: "Send Guardを開く",
  verdictLabel: { allow: "送信できます", confirm: "送信前に確認してください", review: "修正または確認依頼が必要です", block: "送信できません" },
  field: { to: "宛先(To)", cc: "CC", bcc: "BCC" },
  andMore: (count) => ` ほか${count}件`,
  kind: { email: "メール", phone: "電話番号", "postal-code": "郵便番号", "postal-address": "住所", "my-number": "マイナンバー", card: "カード番号" },
  unscannable: (reason) =>
    ({
      "encrypted-zip": "パスワード付きZIP",
      "password-protected-office": "パスワード付きOfficeファイル",
      "legacy-office-format": "旧形式のOfficeファイル",
      pdf: "PDF",
      "not-inspected": "時間内に確認できませんでした",
      "read-failed": "Outlookからファイルを取得できませんでした",
      "time-budget": "確認に時間がかかりすぎました",
      "too-large": "サイズが大きすぎます",
      "decompressed-too-large": "展開後のサイズが大きすぎます",
      "too-many-entries": "中のファイルが多すぎます",
      "unknown-encoding": "文字コードが不明です",
      "no-text-decoder": "このOutlookでは読めない文字コードです",
      corrupt: "ファイルが壊れています",
      "unsupported-format": "読めない形式です",
      "nested-too-deep": "ZIPの入れ子が深すぎます",
    })[reason] ?? reason,
};

export const CATALOGS: Record<Language, Catalog> = { en, ja };

/** `ja-JP`, `ja` → Japanese; anything else (or nothing) → English. */
export function languageOf(displayLanguage: string | undefined | null): Language {
  return displayLanguage?.toLowerCase().startsWith("ja") ? "ja" : "en";
}
