import { count, RIBBON_BUTTON, type Language } from "../i18n";

/** The playground's own words (the add-in's text comes from src/i18n). */
export interface PlaygroundText {
  title: string;
  intro: string;
  language: string;
  client: string;
  fault: string;
  faultNone: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  recipientsHelp: string;
  subject: string;
  body: string;
  attach: string;
  removeFile: (name: string) => string;
  inspecting: string;
  removeRecipient: (address: string) => string;
  invalidAddress: (typed: string[]) => string;
  send: string;
  sending: string;
  longRunning: string;
  openPane: string;
  closePane: string;
  paneTitle: string;
  dontSend: string;
  sendAnyway: string;
  unavailable: string;
  contract: string;
  sent: string;
  nothingSent: string;
  visibleToAll: string;
  outsideVisible: (count: number) => string;
  seesOthers: (count: number) => string;
  policy: string;
  applyPolicy: string;
  policyApplied: string;
  policyInvalid: string;
  examples: string;
  exampleAsunaro: string;
  exampleCustomer: string;
  exampleList: string;
  exampleReplyAll: string;
  exampleTypo: string;
  memory: (addresses: number, groups: number) => string;
  resolution: Record<"user" | "externalUser" | "distributionList" | "other", string>;
  completedWith: string;
  whoSeesWhat: (count: number) => string;
}

const en: PlaygroundText = {
  title: "Send Guard playground",
  intro: "An imitation of Outlook's compose window running the built Send Guard add-in: the real launch-event handlers (commands.js, as web and new Outlook load them) and the real task pane. Nothing leaves this page.",
  language: "Outlook language",
  client: "Simulated client",
  fault: "Make an Office call fail",
  faultNone: "No failure",
  from: "From",
  to: "To",
  cc: "CC",
  bcc: "BCC",
  recipientsHelp: "Type addresses and press Enter (several: separate with ;). Prefix dl: for a distribution list.",
  subject: "Subject",
  body: "Message",
  attach: "Attach files",
  removeFile: (name) => `Remove attachment ${name}`,
  inspecting: "Send Guard is inspecting the attachments (OnMessageAttachmentsChanged)…",
  removeRecipient: (address) => `Remove ${address}`,
  invalidAddress: (typed) => `${typed.map((t) => `“${t}”`).join(", ")} ${typed.length === 1 ? "is not a valid email address" : "are not valid email addresses"}: correct ${typed.length === 1 ? "it" : "them"}, then press Enter.`,
  send: "Send",
  sending: "Send Guard is checking the message…",
  longRunning: "Send Guard is taking longer than expected…",
  // The compose ribbon button as the manifest labels it (the alert on older clients names it).
  openPane: RIBBON_BUTTON.en,
  closePane: "Close task pane",
  paneTitle: "Send Guard task pane",
  dontSend: "Don't Send",
  sendAnyway: "Send Anyway",
  unavailable: "The Send Guard add-in did not register its send handler, so Outlook cannot run it.",
  contract: "The add-in broke the Smart Alerts contract:",
  sent: "Sent",
  nothingSent: "Nothing sent yet.",
  visibleToAll: "Every recipient sees",
  outsideVisible: (n) => `${count("en", n, "outsideAddress")} visible in To/CC`,
  seesOthers: (n) => (n === 0 ? "sees no outside address of others" : `sees ${count("en", n, "outsideAddress")} of others`),
  policy: "Policy (policy.json)",
  applyPolicy: "Apply policy",
  policyApplied: "Policy applied.",
  policyInvalid: "The policy is not valid:",
  examples: "Examples",
  exampleAsunaro: "Guardians in CC (Asunaro case)",
  exampleCustomer: "One customer, colleague in CC",
  exampleList: "Member list attached",
  exampleReplyAll: "Reply all to three companies",
  exampleTypo: "A guardian's address with a typo",
  memory: (addresses, groups) => `Send Guard's memory in this mailbox: ${addresses} ${addresses === 1 ? "address" : "addresses"}, ${groups} ${groups === 1 ? "group" : "groups"} (kept across sends as hashes)`,
  resolution: { user: "internal", externalUser: "external", distributionList: "distribution list", other: "unresolved" },
  completedWith: "event.completed options",
  whoSeesWhat: (n) => `What each of the ${count("en", n, "recipient")} could see`,
};

const ja: PlaygroundText = {
  title: "Send Guard プレイグラウンド",
  intro: "Outlookの作成画面をまねたページで、ビルドしたSend Guardアドイン（本物のイベントハンドラー（Web版・新しいOutlookと同じcommands.js）と作業ウィンドウ）を動かします。メールは外部に送られません。",
  language: "Outlookの表示言語",
  client: "想定するクライアント",
  fault: "Officeの呼び出しを失敗させる",
  faultNone: "失敗させない",
  from: "差出人",
  to: "宛先(To)",
  cc: "CC",
  bcc: "BCC",
  recipientsHelp: "アドレスを入力してEnter（複数は ; で区切る）。配布リストは先頭に dl: を付けます。",
  subject: "件名",
  body: "本文",
  attach: "ファイルを添付",
  removeFile: (name) => `添付ファイル ${name} を削除`,
  inspecting: "Send Guardが添付ファイルの中身を確認しています（OnMessageAttachmentsChanged）…",
  removeRecipient: (address) => `${address} を削除`,
  invalidAddress: (typed) => `${typed.map((t) => `「${t}」`).join("、")}はメールアドレスとして正しくありません。修正してからEnterを押してください。`,
  send: "送信",
  sending: "Send Guardがメールをチェックしています…",
  longRunning: "Send Guardの処理に時間がかかっています…",
  openPane: RIBBON_BUTTON.ja,
  closePane: "作業ウィンドウを閉じる",
  paneTitle: "Send Guard 作業ウィンドウ",
  dontSend: "送信しない",
  sendAnyway: "このまま送信",
  unavailable: "Send Guardアドインが送信ハンドラーを登録しなかったため、Outlookは実行できません。",
  contract: "アドインがスマートアラートの仕様に反しています：",
  sent: "送信済み",
  nothingSent: "まだ送信したメールはありません。",
  visibleToAll: "全員に見える宛先",
  outsideVisible: (n) => `To/CCに見える社外アドレス：${count("ja", n, "outsideAddress")}`,
  seesOthers: (n) => (n === 0 ? "他の社外アドレスは見えません" : `他の社外アドレス${count("ja", n, "outsideAddress")}が見えます`),
  policy: "ポリシー（policy.json）",
  applyPolicy: "ポリシーを適用",
  policyApplied: "ポリシーを適用しました。",
  policyInvalid: "ポリシーが不正です：",
  examples: "例",
  exampleAsunaro: "保護者をCCに入れた案内（あすなろの里の事例）",
  exampleCustomer: "取引先1社と社内CC",
  exampleList: "会員名簿を添付",
  exampleReplyAll: "3社への全員に返信",
  exampleTypo: "保護者のアドレスの打ち間違い",
  memory: (addresses, groups) => `このメールボックスでSend Guardが覚えている宛先：アドレス${addresses}件、グループ${groups}件（送信をまたいで符号として保存）`,
  resolution: { user: "社内", externalUser: "社外", distributionList: "配布リスト", other: "未解決" },
  completedWith: "event.completed のオプション",
  whoSeesWhat: (n) => `受信者${count("ja", n, "person")}それぞれに見えたもの`,
};

export const PLAYGROUND_TEXT: Record<Language, PlaygroundText> = { en, ja };
