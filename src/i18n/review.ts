import type { Language } from "./catalog";
import { count, partiesOf, verbFor } from "./count";

/** Findings that name files, each acknowledged per file. */
export type FileCheckCode = "attachment-name" | "attachment-personal-data" | "attachment-address-list" | "attachment-unscannable";

/** Text of the review parts of the panes and pages. */
export interface ReviewText {
  requestTitle: string;
  requestIntro: string;
  reviewerLabel: string;
  notePlaceholder: string;
  noteLabel: string;
  request: string;
  requesting: string;
  noReviewer: string;
  signingIn: string;
  signInUnavailable: string;
  signInNeeded: string;
  signInButton: string;
  serviceUnavailable: (detail: string) => string;
  failed: (detail: string) => string;
  waiting: (reviewer: string) => string;
  waitingHint: string;
  approvedBy: (reviewer: string, at: string) => string;
  changedAfterApproval: string;
  approvalVoidAtSend: string;
  approvalNotCoveredAtSend: string;
  /** The approval stands for the message, but Send Guard now finds what the reviewer did not see. */
  notCovered: (reviewer: string) => string;
  notCoveredNext: string;
  /** Still waiting, but the message changed since it was asked for. */
  changedWhilePending: (reviewer: string) => string;
  /** One line in the reviewer's queue telling requests apart: recipients, flagged items, the note. */
  rowSummary: (recipients: number, items: number, note: string) => string;
  rejectedBy: (reviewer: string) => string;
  rejectedNext: string;
  comment: (text: string) => string;
  expired: string;
  cancelled: string;
  cancelRequest: string;
  requestAgain: string;
  live: string;
  // Reviewer side
  signInTitle: string;
  signInIntro: string;
  signInAs: (who: string) => string;
  signedInAs: (who: string) => string;
  signOut: string;
  queueTitle: string;
  queueEmpty: string;
  decidedTitle: string;
  open: string;
  back: string;
  from: (sender: string) => string;
  received: (at: string) => string;
  expires: (at: string) => string;
  status: Record<"pending" | "approved" | "rejected" | "cancelled" | "expired", string>;
  riskTitle: string;
  exposedIntro: (outside: number, organizations: number, individuals: number) => string;
  filesTitle: string;
  noteTitle: string;
  noNote: string;
  messageTitle: string;
  subject: string;
  attachments: string;
  none: string;
  checksTitle: string;
  checkExposure: (count: number) => string;
  /** One acknowledgement per file and finding: what about the file the reviewer checked. */
  checkFile: (name: string, what: string) => string;
  checkWhat: Record<FileCheckCode, string>;
  checkOther: string;
  commentLabel: string;
  approve: string;
  reject: string;
  approveHint: string;
  decidedByYou: (status: string) => string;
  notAvailable: string;
}

const en: ReviewText = {
  requestTitle: "Ask a second person",
  requestIntro: "Instead of changing the message, a reviewer can check exactly this message and approve it.",
  reviewerLabel: "Reviewer",
  notePlaceholder: "Why this message has to go out as it is (optional)",
  noteLabel: "Note to the reviewer",
  request: "Request review",
  requesting: "Sending the request…",
  noReviewer: "Your organization's policy names no reviewer for you. Ask your administrator, or fix the message.",
  signingIn: "Signing in to the review service…",
  signInUnavailable: "The review service offers no sign-in for this pane (its administrator has not set OIDC_CLIENT_ID). Fix the message instead.",
  signInNeeded: "Sign in with your organization account to ask for a review.",
  signInButton: "Sign in",
  serviceUnavailable: (detail) => `The review service cannot be reached (${detail}). Fix the message, or try again later.`,
  failed: (detail) => `The request failed: ${detail}`,
  waiting: (reviewer) => `Waiting for ${reviewer}.`,
  waitingHint: "You can keep this pane open; the answer appears here as soon as it is given. Do not change the recipients or attachments meanwhile.",
  approvedBy: (reviewer, at) => `Approved by ${reviewer} at ${at}.`,
  changedAfterApproval: "The message changed after it was approved, so the approval no longer applies. Undo the change or request a review again.",
  approvalVoidAtSend: "Send Guard stopped the message because it changed after approval (recipients, attachments or subject). Request a review again.",
  approvalNotCoveredAtSend: "Send Guard stopped the message because it found something the reviewer was not shown (see above). Fix it, or request a review again.",
  notCovered: (reviewer) => `${reviewer} approved this message, but Send Guard now finds something ${reviewer} did not see:`,
  notCoveredNext: "Fix it, or request a review again so that the reviewer sees it.",
  changedWhilePending: (reviewer) =>
    `The message changed after you asked ${reviewer}: the request shows the earlier version, so an approval of it would not apply. Request again: the new request replaces this one.`,
  rowSummary: (recipients, items, note) => [count("en", recipients, "recipient"), `${count("en", items, "item")} to check`, note ? `“${note}”` : ""].filter(Boolean).join(" · "),
  rejectedBy: (reviewer) => `${reviewer} did not approve this message.`,
  rejectedNext: "Fix the message as asked, or talk to the reviewer.",
  comment: (text) => `Comment: ${text}`,
  expired: "Nobody decided in time and the request expired. The message was not sent. Request again or fix the message.",
  cancelled: "You cancelled the request.",
  cancelRequest: "Cancel request",
  requestAgain: "Request again",
  live: "Live updates on",
  signInTitle: "Sign in",
  signInIntro: "Development sign-in: pick who you are. (Your organization's server signs you in with its own provider.)",
  signInAs: (who) => `Sign in as ${who}`,
  signedInAs: (who) => `Signed in as ${who}`,
  signOut: "Sign out",
  queueTitle: "Waiting for your review",
  queueEmpty: "Nothing is waiting for you.",
  decidedTitle: "Recently decided",
  open: "Open",
  back: "Back to the list",
  from: (sender) => `From ${sender}`,
  received: (at) => `Asked ${at}`,
  expires: (at) => `Expires ${at}`,
  status: { pending: "Waiting", approved: "Approved", rejected: "Not approved", cancelled: "Cancelled", expired: "Expired" },
  riskTitle: "What is at risk",
  exposedIntro: (outside, organizations, individuals) =>
    `${count("en", outside, "outsideAddress")} in To/CC would be read by every recipient, across ${partiesOf("en", organizations, individuals)}:`,
  filesTitle: "Flagged files",
  noteTitle: "Note from the sender",
  noNote: "(no note)",
  messageTitle: "The whole message",
  subject: "Subject",
  attachments: "Attachments",
  none: "(none)",
  checksTitle: "Confirm each item before approving",
  checkExposure: (n) => `I checked that ${verbFor(n, "this", "these")} ${count("en", n, "outsideAddress")} may be read by every recipient.`,
  checkFile: (name, what) => `I checked the file "${name}" (${what}) and it may go to these recipients.`,
  checkWhat: {
    "attachment-name": "its name suggests personal data",
    "attachment-personal-data": "it contains personal data",
    "attachment-address-list": "it is a list of email addresses",
    "attachment-unscannable": "Send Guard could not inspect it",
  },
  checkOther: "I checked this point.",
  commentLabel: "Comment (the sender sees it)",
  approve: "Approve",
  reject: "Do not approve",
  approveHint: "Tick every item to approve.",
  decidedByYou: (status) => `Done: ${status}. The sender has been told.`,
  notAvailable: "This request cannot be shown (it does not exist or is not yours).",
};

const ja: ReviewText = {
  requestTitle: "別の人に確認してもらう",
  requestIntro: "メッセージを変えずに送る場合は、確認者がこのメッセージそのものを確認して承認します。",
  reviewerLabel: "確認者",
  notePlaceholder: "このまま送る必要がある理由（任意）",
  noteLabel: "確認者へのメモ",
  request: "確認を依頼",
  requesting: "依頼を送信しています…",
  noReviewer: "組織のポリシーにあなたの確認者が登録されていません。管理者に連絡するか、メッセージを修正してください。",
  signingIn: "確認サービスにサインインしています…",
  signInUnavailable: "確認サービスにこのウィンドウ用のサインインが設定されていません（管理者が OIDC_CLIENT_ID を設定していません）。メッセージを修正してください。",
  signInNeeded: "確認を依頼するには、組織のアカウントでサインインしてください。",
  signInButton: "サインイン",
  serviceUnavailable: (detail) => `確認サービスに接続できません（${detail}）。メッセージを修正するか、後でもう一度お試しください。`,
  failed: (detail) => `依頼できませんでした: ${detail}`,
  waiting: (reviewer) => `${reviewer} さんの確認を待っています。`,
  waitingHint: "このウィンドウを開いたままにすると、判断が出た時点でここに表示されます。その間、宛先や添付ファイルを変更しないでください。",
  approvedBy: (reviewer, at) => `${reviewer} さんが ${at} に承認しました。`,
  changedAfterApproval: "承認の後にメッセージが変更されたため、承認は無効です。変更を元に戻すか、もう一度確認を依頼してください。",
  approvalVoidAtSend: "承認の後に宛先・添付ファイル・件名が変わったため、Send Guard が送信を止めました。もう一度確認を依頼してください。",
  approvalNotCoveredAtSend: "確認者に示されていない内容が見つかったため、Send Guard が送信を止めました（上記）。修正するか、もう一度確認を依頼してください。",
  notCovered: (reviewer) => `${reviewer}さんが承認したメールですが、確認者が見ていない内容が見つかりました：`,
  notCoveredNext: "修正するか、確認者に見てもらうためにもう一度確認を依頼してください。",
  changedWhilePending: (reviewer) =>
    `${reviewer} さんに依頼した後でメッセージが変わりました。依頼には以前の内容が表示されているため、その承認は使えません。もう一度依頼してください（新しい依頼が前の依頼に置き換わります）。`,
  rowSummary: (recipients, items, note) => [`宛先${count("ja", recipients, "recipient")}`, `確認項目${count("ja", items, "item")}`, note ? `メモ「${note}」` : ""].filter(Boolean).join("・"),
  rejectedBy: (reviewer) => `${reviewer} さんはこのメッセージを承認しませんでした。`,
  rejectedNext: "指摘に従ってメッセージを修正するか、確認者に相談してください。",
  comment: (text) => `コメント: ${text}`,
  expired: "期限までに判断されず、依頼は期限切れになりました。メッセージは送信されていません。もう一度依頼するか、メッセージを修正してください。",
  cancelled: "依頼を取り消しました。",
  cancelRequest: "依頼を取り消す",
  requestAgain: "もう一度依頼",
  live: "自動更新中",
  signInTitle: "サインイン",
  signInIntro: "開発用サインイン: 利用者を選んでください（本番では組織のサインインを使います）。",
  signInAs: (who) => `${who} としてサインイン`,
  signedInAs: (who) => `${who} でサインイン中`,
  signOut: "サインアウト",
  queueTitle: "あなたの確認を待っている依頼",
  queueEmpty: "確認待ちの依頼はありません。",
  decidedTitle: "最近の判断",
  open: "開く",
  back: "一覧に戻る",
  from: (sender) => `依頼者: ${sender}`,
  received: (at) => `依頼日時: ${at}`,
  expires: (at) => `期限: ${at}`,
  status: { pending: "確認待ち", approved: "承認済み", rejected: "承認せず", cancelled: "取り消し", expired: "期限切れ" },
  riskTitle: "リスクのある点",
  exposedIntro: (outside, organizations, individuals) =>
    `宛先（To/CC）の社外アドレス${count("ja", outside, "outsideAddress")}が受信者全員に見えます（${partiesOf("ja", organizations, individuals)}）：`,
  filesTitle: "注意が必要な添付ファイル",
  noteTitle: "依頼者のメモ",
  noNote: "（メモなし）",
  messageTitle: "メッセージ全体",
  subject: "件名",
  attachments: "添付ファイル",
  none: "（なし）",
  checksTitle: "承認の前に各項目を確認してください",
  checkExposure: (n) => `社外アドレス${count("ja", n, "outsideAddress")}が受信者全員に見えてよいことを確認しました。`,
  checkFile: (name, what) => `ファイル「${name}」（${what}）をこの宛先に送ってよいことを確認しました。`,
  checkWhat: {
    "attachment-name": "ファイル名が個人情報を示す",
    "attachment-personal-data": "個人情報を含む",
    "attachment-address-list": "メールアドレスの一覧",
    "attachment-unscannable": "中身を確認できない",
  },
  checkOther: "この点を確認しました。",
  commentLabel: "コメント（依頼者に表示されます）",
  approve: "承認",
  reject: "承認しない",
  approveHint: "すべての項目にチェックすると承認できます。",
  decidedByYou: (status) => `完了: ${status}。依頼者に通知しました。`,
  notAvailable: "この依頼は表示できません（存在しないか、あなた宛てではありません）。",
};

export const REVIEW_TEXT: Record<Language, ReviewText> = { en, ja };
