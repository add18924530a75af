import { ADMIN_TEXT, REVIEW_TEXT, reviewExpiredEmail, reviewRequestedEmail } from "../../src/i18n";
import type { Review } from "../../src/api/contract";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key)).sort();
}

const review: Review = {
  id: "rv_abcdefghijklmnopqrst",
  status: "pending",
  sender: "tanaka@mirai-shoji.co.jp",
  senderName: "田中 一郎",
  reviewer: "kacho@mirai-shoji.co.jp",
  reviewerName: "山田 課長",
  fingerprint: `sg1:${"a".repeat(64)}`,
  verdict: "review",
  snapshot: {
    from: "tanaka@mirai-shoji.co.jp",
    to: [{ address: "jimu@mirai-shoji.co.jp" }],
    cc: [{ address: "hogosha@docomo.ne.jp" }],
    bcc: [],
    subject: "保護者会のお知らせ",
    attachments: [],
  },
  findings: [],
  checks: [],
  note: "至急",
  language: "ja",
  createdAt: "2026-11-21T01:00:00.000Z",
  expiresAt: "2026-11-22T01:00:00.000Z",
};

describe("review texts", () => {
  test.each([
    ["pane and reviewer page", REVIEW_TEXT],
    ["audit page", ADMIN_TEXT],
  ])("%s: ja and en have the same keys", (_name, catalog) => {
    expect(keysOf(catalog.ja)).toEqual(keysOf(catalog.en));
  });

  test("the reviewer's mail has both languages, the link, the subject and counts, and no recipient address", () => {
    const mail = reviewRequestedEmail(review, "https://sendguard.example/review/#/requests/rv_x");
    expect(mail.subject).toContain("保護者会のお知らせ");
    expect(mail.text).toContain("田中 一郎 <tanaka@mirai-shoji.co.jp> さんから送信前の確認依頼");
    expect(mail.text).toContain("asks you to check a message");
    expect(mail.text).toContain("https://sendguard.example/review/#/requests/rv_x");
    expect(mail.text).toContain("To 1 / CC 1 / BCC 0");
    expect(mail.text).not.toContain("hogosha@docomo.ne.jp");
  });

  test("the expiry mail tells the sender nothing was sent", () => {
    const mail = reviewExpiredEmail(review, "https://sendguard.example/review/#/requests/rv_x");
    expect(mail.text).toContain("メッセージは送信されていません");
    expect(mail.text).toContain("The message was not sent");
  });
});
