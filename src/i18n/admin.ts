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
};

export const ADMIN_TEXT: Record<Language, AdminText> = { en, ja };
