import type { Language } from "./catalog";

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
  serviceUnavailable: (detail: string) => string;
  failed: (detail: string) => string;
  waiting: (reviewer: string) => string;
  waitingHint: string;
  approvedBy: (reviewer: string, at: string) => string;
  approvedNext: string;
  changedAfterApproval: string;
  approvalVoidAtSend: string;
  rejectedBy: (reviewer: string) => string;
  rejectedNext: string;
  comment: (text: string) => string;
  expired: string;
  cancelled: string;
  cancelRequest: string;
  requestAgain: string;
  live: string;
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
  signInUnavailable: "This review service signs in with Microsoft Entra ID, which this build of the pane does not support yet. Fix the message instead.",
  serviceUnavailable: (detail) => `The review service cannot be reached (${detail}). Fix the message, or try again later.`,
  failed: (detail) => `The request failed: ${detail}`,
  waiting: (reviewer) => `Waiting for ${reviewer}.`,
  waitingHint: "You can keep this pane open; the answer appears here as soon as it is given. Do not change the recipients or attachments meanwhile.",
  approvedBy: (reviewer, at) => `Approved by ${reviewer} at ${at}.`,
  approvedNext: "Press Send again: the message goes out as approved.",
  changedAfterApproval: "The message changed after it was approved, so the approval no longer applies. Undo the change or request a review again.",
  approvalVoidAtSend: "Send Guard stopped the message because it changed after approval (recipients, attachments or subject). Request a review again.",
  rejectedBy: (reviewer) => `${reviewer} did not approve this message.`,
  rejectedNext: "Fix the message as asked, or talk to the reviewer.",
  comment: (text) => `Comment: ${text}`,
  expired: "Nobody decided in time and the request expired. The message was not sent. Request again or fix the message.",
  cancelled: "You cancelled the request.",
  cancelRequest: "Cancel request",
  requestAgain: "Request again",
  live: "Live updates on",
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
  signInUnavailable: "この確認サービスは Microsoft Entra ID でサインインしますが、このウィンドウの版はまだ対応していません。メッセージを修正してください。",
  serviceUnavailable: (detail) => `確認サービスに接続できません（${detail}）。メッセージを修正するか、後でもう一度お試しください。`,
  failed: (detail) => `依頼できませんでした: ${detail}`,
  waiting: (reviewer) => `${reviewer} さんの確認を待っています。`,
  waitingHint: "このウィンドウを開いたままにすると、判断が出た時点でここに表示されます。その間、宛先や添付ファイルを変更しないでください。",
  approvedBy: (reviewer, at) => `${reviewer} さんが ${at} に承認しました。`,
  approvedNext: "もう一度［送信］を押してください。承認どおりに送信されます。",
  changedAfterApproval: "承認の後にメッセージが変更されたため、承認は無効です。変更を元に戻すか、もう一度確認を依頼してください。",
  approvalVoidAtSend: "承認の後に宛先・添付ファイル・件名が変わったため、Send Guard が送信を止めました。もう一度確認を依頼してください。",
  rejectedBy: (reviewer) => `${reviewer} さんはこのメッセージを承認しませんでした。`,
  rejectedNext: "指摘に従ってメッセージを修正するか、確認者に相談してください。",
  comment: (text) => `コメント: ${text}`,
  expired: "期限までに判断されず、依頼は期限切れになりました。メッセージは送信されていません。もう一度依頼するか、メッセージを修正してください。",
  cancelled: "依頼を取り消しました。",
  cancelRequest: "依頼を取り消す",
  requestAgain: "もう一度依頼",
  live: "自動更新中",
};

export const REVIEW_TEXT: Record<Language, ReviewText> = { en, ja };
