import { fileLines } from "../../src/i18n";
import { evaluate } from "../../src/policy";
import { flaggedFiles } from "../../src/views/flagged-files";
import type { DraftAttachment } from "../../src/shared/types";
import { draftOf, policyOf } from "../support/drafts";

const personal: DraftAttachment = {
  name: "顧客名簿.xlsx",
  size: 48_000,
  inspection: {
    status: "inspected",
    counts: { email: 200, phone: 180, "my-number": 2 },
    headers: [{ where: "Sheet1", columns: ["氏名", "電話番号", "メールアドレス"], rows: 200 }],
    samples: [{ kind: "phone", where: "Sheet1", masked: "***-****-5678" }],
    addressCount: 200,
    notRecipientCount: 199,
  },
};
const ppap: DraftAttachment = { name: "資料.zip", size: 9_000, inspection: { status: "inspected", counts: {}, unreadable: [{ entry: "名簿.csv", reason: "encrypted-zip" }] } };
const findings = evaluate(draftOf({ to: ["client@acme.co.jp"], attachments: [personal, ppap], subject: "資料" }), policyOf()).findings;

describe("flagged files: every finding about a file, gathered in one entry", () => {
  test("one entry per file, with the codes that name it", () => {
    const files = flaggedFiles(findings);
    expect(files.map((f) => [f.name, f.codes.sort()])).toEqual([
      ["顧客名簿.xlsx", ["attachment-address-list", "attachment-name", "attachment-personal-data"]],
      ["資料.zip", ["attachment-unscannable"]],
    ]);
    expect(files[0]).toMatchObject({ nameKeywords: ["名簿", "顧客"], addressList: { addresses: 200, notRecipients: 199 } });
  });

  test.each([
    ["en", [
      "Name suggests personal data: 名簿, 顧客",
      "Contains personal data: My Number ×2, email ×200, phone ×180",
      "Personal columns in “Sheet1”: 氏名, 電話番号, メールアドレス (200 rows)",
      "Examples, masked: phone ***-****-5678",
      "A list of 200 email addresses; 199 of them are not recipients of this message",
    ]],
    ["ja", [
      "ファイル名が個人情報を示しています：名簿、顧客",
      "個人情報を含みます：マイナンバー×2、メール×200、電話番号×180",
      "「Sheet1」に個人情報の列：氏名、電話番号、メールアドレス（200行）",
      "例（伏せ字）：電話番号 ***-****-5678",
      "メールアドレス200件の一覧です。うち199件はこのメールの宛先にありません",
    ]],
  ] as const)("%s: counts, columns with rows, masked samples, the not-recipient count — never the data", (language, expected) => {
    const [file] = flaggedFiles(findings);
    expect(fileLines(file!, language).map((l) => l.text)).toEqual(expected);
  });

  test("an encrypted entry inside an archive is named with the entry and why", () => {
    const zip = flaggedFiles(findings)[1]!;
    expect(fileLines(zip, "en")).toEqual([{ code: "attachment-unscannable", text: "Not inspected inside the archive: 名簿.csv (password-protected ZIP)" }]);
    expect(fileLines(zip, "ja")[0]?.text).toBe("圧縮ファイル内の 名簿.csv を確認できません（パスワード付きZIP）");
  });
});
