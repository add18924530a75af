import type { Finding } from "../shared/types";
import type { Language } from "./catalog";
import { count } from "./count";

export interface AdminText {
  title: string;
  from: string;
  to: string;
  action: string;
  anyAction: string;
  person: string;
  review: string;
  search: string;
  exportCsv: string;
  columns: { at: string; action: string; review: string; actor: string; sender: string; reviewer: string; detail: string };
  actions: Record<"requested" | "approved" | "rejected" | "cancelled" | "expired" | "sent", string>;
  count: (n: number) => string;
  notAdmin: string;
  /** Signed in, but not one of the policy's administrators. */
  notAdminAs: (who: string) => string;
  loading: string;
  datePlaceholder: string;
  badDate: string;
  /** Labels of the fields an audit record's details may hold. */
  detail: Record<"fingerprint" | "verdict" | "codes" | "subject" | "recipients" | "attachments" | "note" | "comment" | "acknowledged" | "approvalExpiresAt" | "expiresAt" | "reason" | "supersededBy", string>;
  finding: Record<Finding["code"], string>;
  reason: Record<string, string>;
  none: string;
}

const en: AdminText = {
  title: "Send Guard — audit trail",
  from: "From (date)",
  to: "Until (date)",
  action: "Event",
  anyAction: "Any",
  person: "Person (address)",
  review: "Request id",
  search: "Show",
  exportCsv: "Export CSV",
  columns: { at: "When", action: "Event", review: "Request", actor: "By", sender: "Sender", reviewer: "Reviewer", detail: "Details" },
  actions: { requested: "Requested", approved: "Approved", rejected: "Not approved", cancelled: "Cancelled", expired: "Expired", sent: "Sent" },
  count: (n) => `${count("en", n, "record")} (newest first)`,
  notAdmin: "Only administrators (review.admins in the policy) can read the audit trail.",
  notAdminAs: (who) => `You are signed in as ${who}, who is not an administrator. Only the policy's review.admins can read the audit trail: sign out and sign in as one of them, or ask your IT administrator.`,
  loading: "Loading the latest records…",
  datePlaceholder: "YYYY-MM-DD",
  badDate: "Write the date as YYYY-MM-DD, e.g. 2026-12-01.",
  detail: {
    fingerprint: "Message fingerprint",
    verdict: "Verdict",
    codes: "Findings",
    subject: "Subject",
    recipients: "Recipients",
    attachments: "Attachments",
    note: "Note",
    comment: "Comment",
    acknowledged: "Items acknowledged",
    approvalExpiresAt: "Approval valid until",
    expiresAt: "Expired at",
    reason: "Reason",
    supersededBy: "Replaced by",
  },
  finding: {
    "external-exposure": "outside addresses visible to others",
    "unresolved-recipient": "recipients not verified",
    "distribution-list": "distribution list",
    "attachment-name": "file name suggests personal data",
    "attachment-personal-data": "personal data in a file",
    "attachment-address-list": "address list attached",
    "attachment-unscannable": "file not inspected",
    "lookalike-domain": "look-alike domain",
    "first-time-recipient": "near miss of a known address",
    "new-domain-in-reply": "new domain in a reply",
  },
  reason: { superseded: "replaced by a newer request for the same message" },
  none: "—",
};

const ja: AdminText = {
  title: "Send Guard — 監査ログ",
  from: "開始日",
  to: "終了日",
  action: "イベント",
  anyAction: "すべて",
  person: "人（アドレス）",
  review: "依頼ID",
  search: "表示",
  exportCsv: "CSVで出力",
  columns: { at: "日時", action: "イベント", review: "依頼", actor: "実行者", sender: "依頼者", reviewer: "確認者", detail: "詳細" },
  actions: { requested: "依頼", approved: "承認", rejected: "承認せず", cancelled: "取り消し", expired: "期限切れ", sent: "送信" },
  count: (n) => `${count("ja", n, "record")}（新しい順）`,
  notAdmin: "監査ログは管理者（ポリシーの review.admins）だけが閲覧できます。",
  notAdminAs: (who) => `${who} でサインインしていますが、管理者ではありません。監査ログはポリシーの review.admins に登録された管理者だけが閲覧できます。サインアウトして管理者でサインインするか、IT管理者に相談してください。`,
  loading: "最新の記録を読み込んでいます…",
  datePlaceholder: "例：2026-12-01",
  badDate: "日付は 2026-12-01 のように「年-月-日」で入力してください。",
  detail: {
    fingerprint: "メッセージの指紋",
    verdict: "判定",
    codes: "検出内容",
    subject: "件名",
    recipients: "宛先の数",
    attachments: "添付ファイル",
    note: "メモ",
    comment: "コメント",
    acknowledged: "確認した項目",
    approvalExpiresAt: "承認の有効期限",
    expiresAt: "期限切れの日時",
    reason: "理由",
    supersededBy: "置き換えた依頼",
  },
  finding: {
    "external-exposure": "社外アドレスの露出",
    "unresolved-recipient": "確認できない宛先",
    "distribution-list": "配布リスト",
    "attachment-name": "個人情報を示すファイル名",
    "attachment-personal-data": "添付ファイルの個人情報",
    "attachment-address-list": "アドレス一覧の添付",
    "attachment-unscannable": "中身を確認できない添付ファイル",
    "lookalike-domain": "似たドメイン",
    "first-time-recipient": "既知のアドレスに似た初めての宛先",
    "new-domain-in-reply": "返信に新しいドメイン",
  },
  reason: { superseded: "同じメールの新しい依頼に置き換え" },
  none: "—",
};

export const ADMIN_TEXT: Record<Language, AdminText> = { en, ja };
