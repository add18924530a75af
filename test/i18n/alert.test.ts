import * as fs from "node:fs";
import * as path from "node:path";
import { alertText, CATALOGS, CONFIRM_BUTTON, PANE_TEXT, RIBBON_BUTTON, describeFinding, failureText, languageOf, MAX_CANCEL_LABEL, MAX_ERROR_MESSAGE, remediesFor, type FailureReason } from "../../src/i18n";
import { evaluate } from "../../src/policy";
import type { Draft } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf, recipient } from "../support/drafts";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key)).sort();
}

const longName = `${"顧客名簿".repeat(60)}😀.xlsx`;
const everything: Draft = {
  ...draftOf({
    to: addresses(300, CARRIER_DOMAINS).map((a) => `${"x".repeat(40)}${a}`),
    attachments: [{ name: longName, size: 1 }, { name: "会員一覧.csv", size: 2 }],
  }),
  cc: [recipient("dl:all@mirai-shoji.co.jp"), recipient("not an address")],
  truncatedFields: ["to", "bcc"],
};

describe("Smart Alert text", () => {
  test("ja and en catalogues have the same keys", () => {
    expect(keysOf(CATALOGS.ja)).toEqual(keysOf(CATALOGS.en));
  });

  test.each(["ja", "en"] as const)("%s: every finding at once still fits 500 / 20 characters, header and action kept", (language) => {
    const evaluation = evaluate(everything, policyOf());
    expect(evaluation.findings.map((f) => f.code).sort()).toEqual(["attachment-name", "distribution-list", "external-exposure", "unresolved-recipient"]);
    for (const verdict of ["confirm", "review", "block"] as const) {
      const { errorMessage, cancelLabel } = alertText({ ...evaluation, verdict }, language);
      expect(errorMessage.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
      expect(cancelLabel.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL);
      expect(errorMessage.startsWith(CATALOGS[language].header[verdict])).toBe(true);
      expect(errorMessage.endsWith(CATALOGS[language].action(verdict, remediesFor(evaluation.findings)))).toBe(true);
      expect(errorMessage).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no split surrogate pair
    }
  });

  test.each(["ja", "en"] as const)("%s: on a client without Send Anyway (Mailbox below 1.14) the alert never offers it, says where the pane is, and still fits", (language) => {
    const evaluation = evaluate(everything, policyOf());
    for (const verdict of ["confirm", "review", "block"] as const) {
      const { errorMessage } = alertText({ ...evaluation, verdict }, language, "basic");
      expect(errorMessage.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
      expect(errorMessage.endsWith(CATALOGS[language].action(verdict, remediesFor(evaluation.findings), "basic"))).toBe(true);
      expect(errorMessage).not.toMatch(/Send Anyway|このまま送信できます/);
      if (verdict !== "block") expect(errorMessage).toContain(RIBBON_BUTTON[language]);
      // Only a confirm can be marked as checked by the sender, with the pane's own button label.
      expect(errorMessage.includes(CONFIRM_BUTTON[language])).toBe(verdict === "confirm");
    }
    expect(PANE_TEXT[language].confirmHere.button).toBe(CONFIRM_BUTTON[language]);
  });

  test("the ribbon button the basic alert names is the one the manifest declares, in both languages", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    const label = /<bt:String id="ComposeButton\.Label" DefaultValue="([^"]+)">\s*<bt:Override Locale="ja-JP" Value="([^"]+)"\/>/.exec(manifest);
    expect(label?.slice(1)).toEqual([RIBBON_BUTTON.en, RIBBON_BUTTON.ja]);
  });

  test.each([
    ["office-error"], ["timeout"], ["policy-invalid"], ["internal"],
  ] as [FailureReason][])("failure text for %s fits in both languages", (reason) => {
    for (const language of ["ja", "en"] as const) {
      const { errorMessage, cancelLabel } = failureText(reason, language);
      expect(errorMessage.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
      expect(errorMessage).toContain(CATALOGS[language].failureReason[reason]);
      expect(cancelLabel.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL);
    }
  });

  test.each([
    ["ja-JP", "ja"], ["ja", "ja"], ["JA-jp", "ja"], ["en-US", "en"], ["fr-FR", "en"], [undefined, "en"], ["", "en"],
  ])("display language %s → %s", (display, language) => {
    expect(languageOf(display)).toBe(language);
  });
});

describe("attachment content findings in the Smart Alert", () => {
  const draft: Draft = {
    ...everything,
    attachments: [
      { name: "会員名簿.xlsx", size: 1, inspection: { status: "inspected", counts: { phone: 200, email: 200 }, headers: [{ where: "s", columns: ["氏名", "電話"], rows: 200 }], addresses: Array.from({ length: 200 }, (_, i) => `m${i}@example.jp`) } },
      { name: "資料.zip", size: 2, inspection: { status: "unscannable", reason: "encrypted-zip" } },
    ],
  };

  test.each(["ja", "en"] as const)("%s: all seven findings still fit 500 / 20 characters", (language) => {
    const evaluation = evaluate(draft, policyOf());
    expect(evaluation.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["attachment-personal-data", "attachment-address-list", "attachment-unscannable"]));
    const { errorMessage, cancelLabel } = alertText(evaluation, language);
    expect(errorMessage.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(cancelLabel.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL);
  });

  test.each([
    ["ja", "添付ファイルに個人情報が含まれています：会員名簿.xlsx（電話番号×200、メール×200）", "パスワード付きZIP"],
    ["en", "An attachment contains personal data: 会員名簿.xlsx (phone ×200, email ×200)", "password-protected ZIP"],
  ] as const)("%s: each file is described with what it holds or why it was not read", (language, personal, unscannable) => {
    const evaluation = evaluate({ ...draft, to: [recipient("client@acme.co.jp")], cc: [], bcc: [], truncatedFields: [] }, policyOf());
    const texts = evaluation.findings.map((f) => describeFinding(f, language));
    expect(texts.join(" ")).toContain(personal);
    expect(texts.join(" ")).toContain(unscannable);
    expect(texts.join(" ")).toMatch(language === "ja" ? /200件、うち宛先にない200件/ : /200 addresses, 200 not among the recipients/);
  });

  test.each([
    ["ja", "「会員名簿.xlsx」は、ファイル名が個人情報を示し、個人情報（電話番号×200、メール×200）を含み、メールアドレス200件の一覧です（うち200件は宛先にありません）。", "「資料.zip」は、中身を確認できません（パスワード付きZIP）。"],
    ["en", "会員名簿.xlsx: its name suggests personal data; contains personal data (phone ×200, email ×200); a list of 200 addresses, 200 not among the recipients.", "資料.zip: not inspected (password-protected ZIP)."],
  ] as const)("%s: the alert names each file once, with everything found about it in one sentence", (language, first, second) => {
    const evaluation = evaluate({ ...draft, to: [recipient("client@acme.co.jp")], cc: [], bcc: [], truncatedFields: [] }, policyOf());
    const { errorMessage } = alertText(evaluation, language);
    expect(errorMessage).toContain(first);
    expect(errorMessage).toContain(second);
    expect(errorMessage.split("会員名簿.xlsx")).toHaveLength(2);
  });
});
