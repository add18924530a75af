import { createHash } from "node:crypto";
import { canonicalMessage, fingerprint, sha256Into, utf8Bytes } from "../../src/policy";
import { draftOf, recipient } from "../support/drafts";

const base = { to: ["山田 太郎 <yamada@acme.co.jp>", "kato@acme.co.jp"], cc: ["sato@mirai-shoji.co.jp"], subject: "見積書の件", attachments: [{ name: "見積書.pdf", size: 1200 }, { name: "仕様.docx", size: 800 }] };

describe("message fingerprint", () => {
  const original = fingerprint(draftOf(base));

  test("has the documented format", () => {
    expect(original).toMatch(/^sg2:[0-9a-f]{64}$/);
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

  test("a person's type (user, externalUser, unknown) does not change it", () => {
    const asUser = { ...draftOf(base), cc: [recipient("sato@mirai-shoji.co.jp", "user")] };
    const asUnknown = { ...draftOf(base), cc: [recipient("sato@mirai-shoji.co.jp", "unknown")] };
    expect(fingerprint(asUser)).toBe(fingerprint(asUnknown));
  });

  test.each([
    ["distributionList", "distributionList"],
    ["other (not resolved)", "other"],
  ] as const)("changes when Outlook reports a recipient as %s instead of a person", (_name, type) => {
    const person = draftOf(base);
    const changed = { ...person, to: [recipient("kato@acme.co.jp", type), recipient("yamada@acme.co.jp")] };
    expect(fingerprint(changed)).not.toBe(fingerprint(person));
  });

  test("canonical form is documented JSON", () => {
    const withList = { ...draftOf(base), bcc: [recipient("all@mirai-shoji.co.jp", "distributionList")] };
    expect(JSON.parse(canonicalMessage(withList))).toEqual([
      "sg2",
      [["kato@acme.co.jp", ""], ["yamada@acme.co.jp", ""]],
      [["sato@mirai-shoji.co.jp", ""]],
      [["all@mirai-shoji.co.jp", "distributionList"]],
      "見積書の件",
      [["仕様.docx", 800, ""], ["見積書.pdf", 1200, ""]],
    ]);
  });

  test("known answer: the hash input and the hash are exactly as documented", () => {
    const draft = {
      ...draftOf({ ...base, cc: ["Sato@Mirai-Shoji.co.jp"] }),
      bcc: [recipient("all@mirai-shoji.co.jp", "distributionList"), recipient("山田@例え.jp")],
      attachments: [{ name: "見積書.pdf", size: 1200, contentHash: `sha256:${"0f".repeat(32)}` }],
    };
    const canonical =
      '["sg2",[["kato@acme.co.jp",""],["yamada@acme.co.jp",""]],[["sato@mirai-shoji.co.jp",""]],' +
      '[["all@mirai-shoji.co.jp","distributionList"],["山田@xn--r8jz45g.jp",""]],"見積書の件",' +
      `[["見積書.pdf",1200,"sha256:${"0f".repeat(32)}"]]]`;
    expect(canonicalMessage(draft)).toBe(canonical);
    // The hash of those UTF-8 bytes, computed by Node's own SHA-256, and written out: a change to either step fails here.
    expect(fingerprint(draft)).toBe(`sg2:${createHash("sha256").update(canonical, "utf8").digest("hex")}`);
    expect(fingerprint(draft)).toBe("sg2:51e2ea42a7b6696d47fbc758da232c15bc2f85bbb16f4167da22be3bb52f8fc0");
  });
});

describe("sha256Into (one hasher reused for the memory's lookups)", () => {
  test("is SHA-256 of the parts joined, call after call, whatever the previous input", () => {
    const out = new Uint8Array(32);
    const inputs: [Uint8Array, Uint8Array][] = [
      [new Uint8Array(16).fill(7), utf8Bytes("a:tanaka@acme.co.jp")],
      [new Uint8Array(0), new Uint8Array(0)],
      [new Uint8Array(16).fill(1), utf8Bytes("d:" + "長い名前".repeat(40))],
      [new Uint8Array(16).fill(7), utf8Bytes("a:tanaka@acme.co.jp")],
    ];
    for (const [salt, text] of inputs) {
      const joined = new Uint8Array(salt.length + text.length);
      joined.set(salt);
      joined.set(text, salt.length);
      expect(Buffer.from(sha256Into(out, salt, text)).toString("hex")).toBe(createHash("sha256").update(joined).digest("hex"));
    }
  });
});
