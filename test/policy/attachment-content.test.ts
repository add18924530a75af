import { evaluate } from "../../src/policy";
import type { AttachmentInspection, DraftAttachment } from "../../src/shared/types";
import { draftOf, policyOf } from "../support/drafts";

const personalList: AttachmentInspection = {
  status: "inspected",
  counts: { email: 200, phone: 200, "postal-address": 200 },
  headers: [{ where: "会員", columns: ["氏名", "住所", "電話番号", "メールアドレス"], rows: 200 }],
  samples: [{ kind: "phone", where: "会員", masked: "***-****-5678" }],
  addresses: Array.from({ length: 200 }, (_, i) => `member${i}@example.jp`),
};

const file = (name: string, inspection: AttachmentInspection): DraftAttachment => ({ name, size: 48_000, inspection });
const outside = (attachments: DraftAttachment[], to = ["client@acme.co.jp"]) => draftOf({ to, attachments, subject: "資料送付" });
const policy = policyOf();
const codes = (draft: ReturnType<typeof draftOf>, p = policy) => evaluate(draft, p).findings.map((f) => f.code);

describe("attachment-personal-data", () => {
  test("a member list sent outside: review, with counts, header and masked sample as evidence (never the data)", () => {
    const result = evaluate(outside([file("会員.xlsx", personalList)]), policy);
    expect(result.verdict).toBe("review");
    const finding = result.findings.find((f) => f.code === "attachment-personal-data");
    expect(finding?.evidence).toEqual({
      attachments: [
        {
          name: "会員.xlsx",
          size: 48_000,
          counts: { email: 200, phone: 200, "postal-address": 200 },
          headers: [{ where: "会員", columns: ["氏名", "住所", "電話番号", "メールアドレス"], rows: 200 }],
          samples: [{ kind: "phone", where: "会員", masked: "***-****-5678" }],
        },
      ],
    });
    expect(JSON.stringify(finding)).not.toContain("member1@example.jp");
  });

  test.each<[string, AttachmentInspection, boolean]>([
    ["one My Number is enough", { status: "inspected", counts: { "my-number": 1 } }, true],
    ["one card number is enough", { status: "inspected", counts: { card: 1 } }, true],
    ["5 phone numbers (minRows)", { status: "inspected", counts: { phone: 5 } }, true],
    ["4 phone numbers are a contact sheet, not a list", { status: "inspected", counts: { phone: 4 } }, false],
    ["a personal header over 3 rows is below minRows", { status: "inspected", headers: [{ where: "s", columns: ["氏名", "電話"], rows: 3 }] }, false],
    ["one contact address", { status: "inspected", counts: { email: 1 } }, false],
    ["skipped (an image)", { status: "skipped" }, false],
  ])("%s → %p", (_name, inspection, flagged) => {
    expect(codes(outside([file("f.xlsx", inspection)])).includes("attachment-personal-data")).toBe(flagged);
  });

  test("internal-only mail is ordinary work: no finding", () => {
    expect(codes(outside([file("会員.xlsx", personalList)], ["sato@mirai-shoji.co.jp"]))).toEqual([]);
  });

  test("minRows comes from the policy", () => {
    const strict = policyOf({ inspection: { minRows: 2 } });
    expect(codes(outside([file("f.xlsx", { status: "inspected", counts: { phone: 2 } })]), strict)).toContain("attachment-personal-data");
  });
});

describe("attachment-address-list (the Montedio case)", () => {
  test("the recipient list attached: how many addresses, how many are not recipients", () => {
    const addresses = Array.from({ length: 152 }, (_, i) => `supporter${i}@example.ne.jp`);
    const draft = outside([file("送信先.csv", { status: "inspected", counts: { email: 152 }, addresses })], ["supporter0@example.ne.jp", "Supporter1@EXAMPLE.ne.jp", "info@acme.co.jp"]);
    const result = evaluate(draft, policy);
    expect(result.verdict).toBe("review");
    expect(result.findings.find((f) => f.code === "attachment-address-list")?.evidence).toEqual({
      threshold: 10,
      attachments: [{ name: "送信先.csv", size: 48_000, addresses: 152, notRecipients: 150 }],
    });
  });

  test("below the threshold nothing; the threshold is the policy's", () => {
    const nine = { status: "inspected" as const, addresses: Array.from({ length: 9 }, (_, i) => `a${i}@x.jp`) };
    expect(codes(outside([file("a.csv", nine)]))).not.toContain("attachment-address-list");
    expect(codes(outside([file("a.csv", nine)]), policyOf({ inspection: { addressListThreshold: 5 } }))).toContain("attachment-address-list");
  });

  test("a review snapshot carries counts instead of the addresses", () => {
    const draft = outside([file("list.csv", { status: "inspected", addressCount: 40, notRecipientCount: 38 })]);
    expect(evaluate(draft, policy).findings.find((f) => f.code === "attachment-address-list")?.evidence.attachments).toEqual([
      { name: "list.csv", size: 48_000, addresses: 40, notRecipients: 38 },
    ]);
  });
});

describe("attachment-unscannable", () => {
  test.each<[string, AttachmentInspection, { reason: string; entry?: string }[]]>([
    ["a PPAP zip", { status: "unscannable", reason: "encrypted-zip" }, [{ reason: "encrypted-zip" }]],
    ["a password-protected Word file", { status: "unscannable", reason: "password-protected-office" }, [{ reason: "password-protected-office" }]],
    ["an archive with one encrypted entry", { status: "inspected", unreadable: [{ entry: "名簿.xlsx", reason: "encrypted-zip" }] }, [{ reason: "encrypted-zip", entry: "名簿.xlsx" }]],
  ])("%s → confirm, named with the reason", (_name, inspection, expected) => {
    const result = evaluate(outside([file("資料.zip", inspection)]), policy);
    expect(result.verdict).toBe("confirm");
    const evidence = result.findings.find((f) => f.code === "attachment-unscannable")?.evidence;
    expect(evidence?.attachments).toEqual(expected.map((e) => ({ name: "資料.zip", size: 48_000, ...e })));
  });

  test.each<[string, AttachmentInspection]>([
    ["a PDF", { status: "unscannable", reason: "pdf" }],
    ["an old .xls", { status: "unscannable", reason: "legacy-office-format" }],
  ])("%s alone prompts nobody (ordinary business mail)", (_name, inspection) => {
    expect(evaluate(outside([file("見積書.pdf", inspection)]), policy)).toMatchObject({ verdict: "allow", findings: [] });
  });

  test("…but is named as soon as something else needs a check, so the reviewer knows it was not read", () => {
    const draft = outside([file("見積書.pdf", { status: "unscannable", reason: "pdf" }), file("会員.xlsx", personalList)]);
    const result = evaluate(draft, policy);
    expect(result.verdict).toBe("review");
    expect(result.findings.find((f) => f.code === "attachment-unscannable")?.evidence.attachments).toEqual([{ name: "見積書.pdf", size: 48_000, reason: "pdf" }]);
  });

  test.each([
    ["not read in time", { status: "not-inspected" as const }, "not-inspected"],
    ["not handed over by Outlook", { status: "not-inspected" as const, reason: "read-failed" }, "read-failed"],
  ])("a file %s is named in the verdict, at the level of inspection.notInspected (default confirm)", (_name, inspection, reason) => {
    const result = evaluate(outside([file("見積書.xlsx", inspection)]), policy);
    expect(result.verdict).toBe("confirm");
    expect(result.findings).toEqual([{ code: "attachment-unscannable", level: "confirm", evidence: { attachments: [{ name: "見積書.xlsx", size: 48_000, reason }] } }]);
  });

  test("the policy decides: review, or off; other unread files keep the rule's own level", () => {
    const files = [file("見積書.xlsx", { status: "not-inspected" }), file("x.zip", { status: "unscannable", reason: "encrypted-zip" })];
    const review = evaluate(outside(files), policyOf({ inspection: { notInspected: "review" } }));
    expect(review.verdict).toBe("review");
    expect(review.findings[0]?.evidence).toEqual({ attachments: [expect.objectContaining({ reason: "not-inspected" }), expect.objectContaining({ reason: "encrypted-zip" })] });
    const off = evaluate(outside(files), policyOf({ inspection: { notInspected: "off" } }));
    expect(off.verdict).toBe("confirm");
    expect(off.findings[0]?.evidence).toEqual({ attachments: [expect.objectContaining({ reason: "encrypted-zip" })] });
    expect(evaluate(outside([files[0] as DraftAttachment]), policyOf({ inspection: { notInspected: "off" } })).verdict).toBe("allow");
  });

  test("internal mail is not judged on content, inspected or not", () => {
    const internal = outside([file("見積書.xlsx", { status: "not-inspected" })], ["sato@mirai-shoji.co.jp"]);
    expect(evaluate(internal, policy)).toMatchObject({ verdict: "allow", findings: [] });
  });

  test("offices that want unread files reviewed set the level", () => {
    const strict = policyOf({ rules: { "attachment-unscannable": "review" } });
    expect(evaluate(outside([file("x.zip", { status: "unscannable", reason: "encrypted-zip" })]), strict).verdict).toBe("review");
  });
});

describe("a file read only in part (more rows than inspection.maxRows)", () => {
  const partly = (inspection: Partial<AttachmentInspection> = {}): AttachmentInspection => ({
    status: "inspected",
    counts: {},
    unreadable: [{ entry: "export.csv", reason: "too-many-rows" }],
    ...inspection,
  });

  test("is named even when nothing was found in the rows read: never passed as if read whole", () => {
    const evaluation = evaluate(outside([file("export.csv", partly())]), policy);
    expect(evaluation.verdict).toBe("confirm");
    expect(evaluation.findings).toEqual([
      expect.objectContaining({ code: "attachment-unscannable", evidence: { attachments: [expect.objectContaining({ name: "export.csv", reason: "too-many-rows" })] } }),
    ]);
  });

  test("what the rows read hold still counts", () => {
    expect(codes(outside([file("export.csv", partly({ counts: { phone: 40 } }))]))).toEqual(expect.arrayContaining(["attachment-personal-data", "attachment-unscannable"]));
  });

  test("inside the organisation nothing is judged on content", () => {
    expect(evaluate(outside([file("export.csv", partly())], ["sato@mirai-shoji.co.jp"]), policy).verdict).toBe("allow");
  });
});
