import type { Review } from "../api/contract";
import type { Language } from "./catalog";
import { count as countOf } from "./count";

export interface EmailText {
  subject: string;
  text: string;
}

function recipientsLine(review: Review, language: Language): string {
  const s = review.snapshot;
  const count = s.to.length + s.cc.length + s.bcc.length;
  return language === "ja"
    ? `宛先${countOf("ja", count, "recipient")}（To ${s.to.length} / CC ${s.cc.length} / BCC ${s.bcc.length}）`
    : `${countOf("en", count, "recipient")} (To ${s.to.length} / CC ${s.cc.length} / BCC ${s.bcc.length})`;
}

function who(address: string, name: string | undefined): string {
  return name ? `${name} <${address}>` : address;
}

/**
 * Notification mail to a reviewer: both languages, Japanese first, because the
 * reviewer's Outlook language is unknown to the server. No addresses of the
 * message's recipients are put in the mail: the link shows them after sign-in.
 */
export function reviewRequestedEmail(review: Review, link: string): EmailText {
  const sender = who(review.sender, review.senderName);
  const ja = [
    `${sender} さんから送信前の確認依頼が届きました。`,
    `件名: ${review.snapshot.subject || "（件名なし）"}`,
    recipientsLine(review, "ja"),
    review.note ? `メモ: ${review.note}` : "",
    `期限: ${review.expiresAt}`,
    `確認する: ${link}`,
  ];
  const en = [
    `${sender} asks you to check a message before it is sent.`,
    `Subject: ${review.snapshot.subject || "(no subject)"}`,
    recipientsLine(review, "en"),
    review.note ? `Note: ${review.note}` : "",
    `Expires: ${review.expiresAt}`,
    `Review it: ${link}`,
  ];
  return {
    subject: `[Send Guard] 確認依頼 / Review request: ${review.snapshot.subject || "-"}`.slice(0, 200),
    text: [...ja.filter(Boolean), "", "----", "", ...en.filter(Boolean), ""].join("\n"),
  };
}

/** Mail to the sender when nobody decided before the request expired. */
export function reviewExpiredEmail(review: Review, link: string): EmailText {
  return {
    subject: `[Send Guard] 確認依頼の期限切れ / Review request expired: ${review.snapshot.subject || "-"}`.slice(0, 200),
    text: [
      `${who(review.reviewer, review.reviewerName)} さんへの確認依頼は期限までに判断されず、期限切れになりました。メッセージは送信されていません。Send Guard ウィンドウから宛先を修正するか、もう一度確認を依頼してください。`,
      link,
      "",
      "----",
      "",
      `Your review request to ${who(review.reviewer, review.reviewerName)} expired before anyone decided. The message was not sent. Fix it or request a review again from the Send Guard pane.`,
      link,
      "",
    ].join("\n"),
  };
}
