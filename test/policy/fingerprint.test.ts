import { canonicalMessage, fingerprint } from "../../src/policy";
import { draftOf } from "../support/drafts";

const base = { to: ["山田 太郎 <yamada@acme.co.jp>", "kato@acme.co.jp"], cc: ["sato@mirai-shoji.co.jp"], subject: "見積書の件", attachments: [{ name: "見積書.pdf", size: 1200 }, { name: "仕様.docx", size: 800 }] };

describe("message fingerprint", () => {
  const original = fingerprint(draftOf(base));

  test("has the documented format", () => {
    expect(original).toMatch(/^sg1:[0-9a-f]{64}$/);
  });

  test.each([
    ["recipient order within a field", { to: ["kato@acme.co.jp", "yamada@acme.co.jp"] }],
    ["address case and display names", { to: ["KATO@ACME.CO.JP", "Yamada@acme.co.jp"] }],
    ["attachment order", { attachments: [{ name: "仕様.docx", size: 800 }, { name: "見積書.pdf", size: 1200 }] }],
    ["duplicate addresses in one field", { to: ["yamada@acme.co.jp", "kato@acme.co.jp", "kato@acme.co.jp"] }],
    ["surrounding spaces in the subject", { subject: "  見積書の件 " }],
  ])("is unchanged by %s", (_name, change) => {
    expect(fingerprint(draftOf({ ...base, ...change }))).toBe(original);
  });

  test.each([
    ["an added recipient", { cc: ["sato@mirai-shoji.co.jp", "x@beta.co.jp"] }],
    ["a removed recipient", { to: ["kato@acme.co.jp"] }],
    ["moving an address from To to CC", { to: ["kato@acme.co.jp"], cc: ["sato@mirai-shoji.co.jp", "yamada@acme.co.jp"] }],
    ["moving an address to BCC", { cc: [], bcc: ["sato@mirai-shoji.co.jp"] }],
    ["the subject", { subject: "見積書の件（再送）" }],
    ["an attachment's size", { attachments: [{ name: "見積書.pdf", size: 1201 }, { name: "仕様.docx", size: 800 }] }],
    ["an attachment's content hash", { attachments: [{ name: "見積書.pdf", size: 1200, contentHash: "sha256:ab" }, { name: "仕様.docx", size: 800 }] }],
    ["an added attachment", { attachments: [...base.attachments, { name: "名簿.xlsx", size: 10 }] }],
  ])("changes with %s", (_name, change) => {
    expect(fingerprint(draftOf({ ...base, ...change }))).not.toBe(original);
  });

  test("canonical form is documented JSON", () => {
    expect(JSON.parse(canonicalMessage(draftOf(base)))).toEqual([
      "sg1",
      ["kato@acme.co.jp", "yamada@acme.co.jp"],
      ["sato@mirai-shoji.co.jp"],
      [],
      "見積書の件",
      [["仕様.docx", 800, ""], ["見積書.pdf", 1200, ""]],
    ]);
  });
});
