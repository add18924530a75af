import type { SimField } from "./office-sim";

export interface Example {
  fields: Partial<Record<SimField, string>>;
  subject: string;
  files?: { name: string; content: Uint8Array }[];
  /** How Outlook starts it: a reply-all opens with the thread's participants already in To and CC. */
  composeType?: "newMail" | "reply" | "forward";
}

export const EXAMPLE_KEYS = ["asunaro", "customer", "list", "replyAll", "typo"] as const;
export type ExampleKey = (typeof EXAMPLE_KEYS)[number];

const GUARDIAN_DOMAINS = ["docomo.ne.jp", "ezweb.ne.jp", "i.softbank.jp", "gmail.com", "yahoo.co.jp", "icloud.com"];

/** Drafts modelled on the incident reports (../shared/seeds) and on ordinary mail. */
export function examples(internalDomain: string): Record<ExampleKey, Example> {
  const guardians = Array.from({ length: 12 }, (_, i) => `hogosha${String(i + 1).padStart(2, "0")}@${GUARDIAN_DOMAINS[i % GUARDIAN_DOMAINS.length]}`);
  const members = Array.from({ length: 40 }, (_, i) => `会員${i + 1},member${i + 1}@example-fan.jp,090-0000-${String(1000 + i)}`);
  return {
    asunaro: {
      fields: { to: `園長 <encho@${internalDomain}>`, cc: guardians.join("; ") },
      subject: "運動会のお知らせ",
    },
    customer: {
      fields: { to: "山田 太郎 <yamada@tokyo-unyu.co.jp>", cc: `佐藤 花子 <sato@${internalDomain}>` },
      subject: "お見積りの件",
    },
    list: {
      fields: { to: "ご担当者 <tantou@partner-agency.co.jp>" },
      subject: "イベントのご案内（送付先）",
      files: [{ name: "会員名簿.csv", content: new TextEncoder().encode(["氏名,メールアドレス,電話番号", ...members].join("\r\n")) }],
    },
    // A reply-all to a customer who wrote to three companies: they already see each other.
    replyAll: {
      fields: { to: "山田 太郎 <yamada@tokyo-unyu.co.jp>", cc: `鈴木 一郎 <suzuki@chiba-butsuryu.jp>; 高橋 <takahashi@saitama-kotsu.co.jp>; 佐藤 花子 <sato@${internalDomain}>` },
      subject: "RE: 三社合同の配送計画",
      composeType: "reply",
    },
    // A guardian's carrier address with one key off: docomo.ne.jo for docomo.ne.jp.
    typo: {
      fields: { to: "保護者 <ichiro.hogosha@docomo.ne.jo>" },
      subject: "面談日程のご連絡",
    },
  };
}
