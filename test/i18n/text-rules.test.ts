/**
 * Rules for every text a sender, reviewer or administrator reads, checked over the texts
 * the product actually produces for many messages and counts (0, 1, 2, 12, 2,331):
 * counters read naturally, each thing is named once, and the hint fits the findings.
 */
import { ADMIN_TEXT, alertText, count, describeFinding, fileLines, PANE_TEXT, REVIEW_TEXT, reviewRequestedEmail, type Language } from "../../src/i18n";
import { evaluate } from "../../src/policy";
import { flaggedFiles } from "../../src/views/flagged-files";
import { PLAYGROUND_TEXT } from "../../src/playground/text";
import type { Review } from "../../src/api/contract";
import type { ComposeStart, Draft, Evaluation, SendContext } from "../../src/shared/types";
import { CorrespondenceMemory } from "../../src/memory/correspondence";
import { addresses, CARRIER_DOMAINS, COMPANY_DOMAINS, draftOf, policyOf, recipient } from "../support/drafts";

const LANGUAGES: Language[] = ["ja", "en"];
const COUNTS = [0, 1, 2, 12, 2331];
const policy = policyOf();

const personalFile = { name: "会員名簿.xlsx", size: 9000, inspection: { status: "inspected" as const, counts: { phone: 40, email: 40 }, headers: [{ where: "Sheet1", columns: ["氏名", "電話番号"], rows: 40 }], addressCount: 40 } };
const oneAddressFile = { name: "連絡先.csv", size: 100, inspection: { status: "inspected" as const, counts: { email: 12 }, addressCount: 12 } };
const ppap = { name: "資料.zip", size: 500, inspection: { status: "unscannable" as const, reason: "encrypted-zip" } };

/** Messages of every shape the alert and the pane describe. */
const SCENARIOS: Record<string, Draft> = {
  asunaro: draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(88, CARRIER_DOMAINS) }),
  tokai: draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(2331, COMPANY_DOMAINS) }),
  massOneCompany: draftOf({ to: addresses(30, ["acme.co.jp"]) }),
  twoPeopleTwoCompanies: draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"] }),
  oneIndividualOneCompany: draftOf({ to: ["a@acme.co.jp"], cc: ["hanako@gmail.com"] }),
  readerInBcc: draftOf({ to: ["a@acme.co.jp"], bcc: ["b@beta.co.jp"] }),
  readersInBcc: draftOf({ to: ["a@acme.co.jp", "c@acme.co.jp"], bcc: ["b@beta.co.jp", "x@gmail.com"] }),
  filesOnly: draftOf({ to: ["a@acme.co.jp"], attachments: [personalFile, ppap] }),
  oneFile: draftOf({ to: ["a@acme.co.jp"], attachments: [oneAddressFile] }),
  partlyRead: draftOf({ to: ["a@acme.co.jp"], attachments: [{ name: "export.csv", size: 9_000_000, inspection: { status: "inspected", counts: { phone: 40 }, unreadable: [{ entry: "export.csv", reason: "too-many-rows" }] } }] }),
  recipientsOnly: { ...draftOf({ to: ["a@acme.co.jp"], cc: [] }), cc: [recipient("not an address")], truncatedFields: ["bcc"] },
  listOnly: draftOf({ to: ["a@acme.co.jp", "dl:all@mirai-shoji.co.jp"] }),
  everything: { ...draftOf({ to: ["jimu@mirai-shoji.co.jp", "dl:all@mirai-shoji.co.jp"], cc: addresses(14, [...CARRIER_DOMAINS, ...COMPANY_DOMAINS]), attachments: [personalFile, ppap] }) },
};

/** A mailbox that has written to a counterparty, its counsel and a vendor before. */
const memory = CorrespondenceMemory.empty(new Uint8Array(16));
memory.learn({ addresses: ["yamada.taro@hakodate-insatsu.co.jp"], group: ["a@acme.co.jp", "x@law-office.jp"] }, 0);
const thread: ComposeStart = { type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] };

/** Messages judged with what the mailbox knows (the thread, the memory). */
const WITH_CONTEXT: Record<string, [Draft, SendContext]> = {
  lookalike: [draftOf({ to: ["hogosha@gmial.com"] }), {}],
  lookalikes: [draftOf({ to: ["hogosha@gmial.com", "tanaka@mirai-sohji.co.jp", "p@docomo.ne.jo", "q@ezwen.ne.jp"] }), {}],
  nearMiss: [draftOf({ to: ["yamada.tro@hakodate-insatsu.co.jp"] }), { memory }],
  newDomainInReply: [draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"], cc: ["c@initech.co.jp"] }), { composeStart: thread }],
  newDomainsInReply: [draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"], bcc: addresses(12, COMPANY_DOMAINS) }), { composeStart: thread }],
  knownGroupPlusOne: [draftOf({ to: ["a@acme.co.jp", "x@law-office.jp", "d@umbrella.co.jp"] }), { memory }],
  smallSet: [draftOf({ to: ["a@acme.co.jp", "a2@acme.co.jp"], cc: ["x@law-office.jp", "taro@gmail.com"] }), {}],
};

const evaluations: [string, Evaluation][] = [
  ...Object.entries(SCENARIOS).map(([name, draft]): [string, Evaluation] => [name, evaluate(draft, policy)]),
  ...Object.entries(WITH_CONTEXT).map(([name, [draft, context]]): [string, Evaluation] => [name, evaluate(draft, policy, context)]),
];

function reviewOf(to: number): Review {
  const snapshot = { from: "tanaka@mirai-shoji.co.jp", to: addresses(to, ["acme.co.jp"]).map((address) => ({ address })), cc: [], bcc: [], subject: "件名", attachments: [] };
  return {
    id: "rv_0123456789", status: "pending", sender: "tanaka@mirai-shoji.co.jp", reviewer: "kacho@mirai-shoji.co.jp", fingerprint: "sg2:x", verdict: "review",
    snapshot, findings: [], checks: [], note: "", language: "ja", createdAt: "2026-12-01T00:00:00Z", expiresAt: "2026-12-02T00:00:00Z",
  };
}

/** Every text produced for the scenarios and counts above, labelled with where it comes from. */
function allTexts(language: Language): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, evaluation] of evaluations) {
    for (const verdict of ["confirm", "review", "block"] as const) out.push([`alert ${name} ${verdict}`, alertText({ ...evaluation, verdict }, language).errorMessage]);
    for (const finding of evaluation.findings) out.push([`finding ${name} ${finding.code}`, describeFinding(finding, language)]);
    for (const file of flaggedFiles(evaluation.findings)) for (const line of fileLines(file, language)) out.push([`file ${name}`, line.text]);
  }
  const pane = PANE_TEXT[language];
  const review = REVIEW_TEXT[language];
  const playground = PLAYGROUND_TEXT[language];
  for (const n of COUNTS) {
    for (const m of COUNTS) out.push([`pane.exposureIntro ${n}/${m}`, pane.exposureIntro(n + m, n, m)], [`review.exposedIntro ${n}/${m}`, review.exposedIntro(n + m, n, m)]);
    out.push(
      [`pane.addressCount ${n}`, pane.addressCount(n)],
      [`pane.seesOutside ${n}`, pane.seesOutside(n)],
      [`pane.showMore ${n}`, pane.showMore(n)],
      [`pane.previewMoved ${n}`, pane.previewMoved(n)],
      [`pane.applied ${n}`, pane.applied(n)],
      [`pane.memorySummary ${n}`, pane.memorySummary(n, n)],
      [`playground.memory ${n}`, playground.memory(n, n)],
      [`review.checkExposure ${n}`, review.checkExposure(n)],
      [`admin.count ${n}`, ADMIN_TEXT[language].count(n)],
      [`playground.outsideVisible ${n}`, playground.outsideVisible(n)],
      [`playground.seesOthers ${n}`, playground.seesOthers(n)],
      [`playground.whoSeesWhat ${n}`, playground.whoSeesWhat(n)],
    );
  }
  for (const n of [1, 12]) out.push([`email ${n}`, reviewRequestedEmail(reviewOf(n), "https://x").text]);
  return out;
}

describe.each(LANGUAGES)("%s", (language) => {
  const texts = allTexts(language);

  test("the texts under test are many and varied (the rules below have something to check)", () => {
    expect(texts.length).toBeGreaterThan(150);
  });

  test("no つ counter after a number (12つ): things are counted with 件, 社, 名 or 行", () => {
    expect(texts.filter(([, text]) => /[0-9０-９]つ/.test(text))).toEqual([]);
  });

  test("no parenthesised plurals: address(es), recipient(s)", () => {
    expect(texts.filter(([, text]) => /\((s|es|ies)\)/.test(text))).toEqual([]);
  });

  if (language === "en") {
    const nouns = "address|outside address|organization|individual|recipient|record|file|row|party|person|group";
    const plurals = "addresses|outside addresses|organizations|individuals|recipients|records|files|rows|parties|people|groups";
    test("English numbers agree with their nouns: 1 address, 2 addresses", () => {
      expect(texts.filter(([, text]) => new RegExp(`(^|[^\\d,.])1 (${plurals})\\b`).test(text))).toEqual([]);
      expect(texts.filter(([, text]) => new RegExp(`\\b(0|[2-9]|\\d{2,}|\\d{1,3}(,\\d{3})+) (${nouns})\\b(?!es|s)`).test(text))).toEqual([]);
    });
  }

  if (language === "ja") {
    test("Japanese counters fit the thing: organizations 社, individuals 名, addresses 件", () => {
      const intro = PANE_TEXT.ja.exposureIntro(5, 2, 3);
      expect(intro).toContain("社外アドレス5件");
      expect(intro).toContain("2社・3名");
      const tokai = alertText(evaluations.find(([name]) => name === "tokai")![1], "ja").errorMessage;
      expect(tokai).toMatch(/2,331件/);
      expect(tokai).toMatch(/5社/);
      expect(alertText(evaluations.find(([name]) => name === "asunaro")![1], "ja").errorMessage).toMatch(/88名/);
    });
  }

  test("no sentence is repeated within one text", () => {
    const repeated = texts.filter(([, text]) => {
      const sentences = text.split(language === "ja" ? /。/ : /\.\s/).map((s) => s.trim()).filter((s) => s.length > 12);
      return new Set(sentences).size !== sentences.length;
    });
    expect(repeated).toEqual([]);
  });
});

describe.each(LANGUAGES)("%s: the Smart Alert names each thing once", (language) => {
  test.each(evaluations.filter(([, e]) => e.verdict !== "allow"))("%s", (_name, evaluation) => {
    const { errorMessage } = alertText(evaluation, language);
    const exposure = evaluation.findings.find((f) => f.code === "external-exposure");
    const names = [
      ...(exposure?.code === "external-exposure" ? exposure.evidence.exposed.map((x) => x.address) : []),
      ...flaggedFiles(evaluation.findings).map((f) => f.name),
      ...evaluation.findings.flatMap((f) =>
        f.code === "unresolved-recipient" || f.code === "distribution-list" || f.code === "lookalike-domain" || f.code === "first-time-recipient" || f.code === "new-domain-in-reply"
          ? f.evidence.recipients.map((r) => r.address).filter(Boolean)
          : [],
      ),
    ];
    expect(names.length).toBeGreaterThan(0);
    const repeated = names.filter((name) => errorMessage.split(name).length - 1 > 1);
    expect(repeated).toEqual([]);
  });
});

describe.each(LANGUAGES)("%s: the hint fits the findings", (language) => {
  const bcc = language === "ja" ? "BCCへ移" : "move the outside recipients to BCC";
  const file = language === "ja" ? "添付ファイルを削除" : "remove the file";
  const recipients = language === "ja" ? "宛先を確認" : "check the recipients";
  /** The alert's last sentence: what to do. */
  const hintOf = (name: string) => {
    const evaluation = evaluations.find(([n]) => n === name)![1];
    const sentences = alertText(evaluation, language).errorMessage.split(language === "ja" ? "。" : ". ").filter(Boolean);
    return sentences[sentences.length - 1] ?? "";
  };

  test("exposure only: move to BCC, nothing about files", () => {
    expect(hintOf("asunaro")).toContain(bcc);
    expect(hintOf("asunaro")).not.toContain(file);
  });

  test("files only: remove the file, nothing about BCC", () => {
    expect(hintOf("filesOnly")).toContain(file);
    expect(hintOf("filesOnly")).not.toContain(bcc);
  });

  test("recipients Send Guard cannot verify: check the recipients, nothing about BCC or files", () => {
    const hint = hintOf("recipientsOnly");
    expect(hint).toContain(recipients);
    expect(hint).not.toContain(bcc);
    expect(hint).not.toContain(file);
  });

  test("a wrong recipient: correct the address, nothing about BCC or files", () => {
    for (const name of ["lookalike", "nearMiss"]) {
      const hint = hintOf(name);
      expect(hint).toContain(language === "ja" ? "宛先のアドレスを直" : "correct the address");
      expect(hint).not.toContain(bcc);
      expect(hint).not.toContain(file);
    }
  });

  test("everything: each fix named once", () => {
    const hint = hintOf("everything");
    for (const phrase of [bcc, file, recipients]) expect(hint.split(phrase)).toHaveLength(2);
  });
});

test.each([
  ["en", "export.csv: contains personal data (phone ×40); read only in part (more rows than Send Guard reads)."],
  ["ja", "「export.csv」は、個人情報（電話番号×40）を含み、行数が上限を超えていて一部しか確認できません。"],
] as const)("%s: a file read only in part says so, not 'not inspected'", (language, sentence) => {
  const evaluation = evaluations.find(([name]) => name === "partlyRead")![1];
  expect(alertText(evaluation, language).errorMessage).toContain(sentence);
});

test("count() in both languages", () => {
  expect(count("en", 1, "address")).toBe("1 address");
  expect(count("en", 2331, "outsideAddress")).toBe("2,331 outside addresses");
  expect(count("en", 0, "recipient")).toBe("0 recipients");
  expect(count("ja", 12, "organization")).toBe("12社");
  expect(count("ja", 3, "individual")).toBe("3名");
  expect(count("ja", 2331, "address")).toBe("2,331件");
});
