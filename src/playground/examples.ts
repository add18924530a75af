import type { SimField } from "./office-sim";

export interface Example {
  fields: Partial<Record<SimField, string>>;
  subject: string;
  files?: { name: string; content: Uint8Array }[];
}

const GUARDIAN_DOMAINS = ["docomo.ne.jp", "ezweb.ne.jp", "i.softbank.jp", "gmail.com", "yahoo.co.jp", "icloud.com"];

/** Drafts modelled on the incident reports (../shared/seeds) and on ordinary mail. */
export function examples(internalDomain: string): Record<"asunaro" | "customer" | "list", Example> {
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
  };
}
