/**
 * Default keywords that mark an attachment name as likely personal data
 * (name lists, address books, customer or member lists). Matched
 * case-insensitively after NFKC folding, so full-width forms match too.
 * Policies replace the list with `attachmentKeywords`.
 */
export const DEFAULT_ATTACHMENT_KEYWORDS: readonly string[] = [
  // Japanese
  "名簿", "住所録", "顧客", "個人情報", "会員", "マイナンバー", "個人番号", "連絡先", "宛先", "リスト",
  "一覧", "名寄せ", "保護者", "生徒", "児童", "学生", "社員番号", "従業員", "入所者", "患者", "受講者",
  "参加者", "応募者", "申込者", "アンケート回答", "メールアドレス", "アドレス帳",
  // English
  "list", "customers", "customer", "members", "member", "roster", "contacts", "addresses",
  "address book", "personal", "students", "employees", "patients", "participants", "applicants",
  "mailing", "subscribers",
];
