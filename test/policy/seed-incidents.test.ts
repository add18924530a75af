import { evaluate } from "../../src/policy";
import type { Draft, Verdict } from "../../src/shared/types";
import { inspectFile, toInspection } from "../../src/inspect";
import { addresses, CARRIER_DOMAINS, COMPANY_DOMAINS, draftOf, policyOf, recipient } from "../support/drafts";
import { peopleRows, shiftJis, xlsx } from "../support/files";

/**
 * One reconstructed draft per exposure incident in ../shared/seeds/ (and the
 * PRODUCT.md table). Each must be stopped; the comment names the report.
 * Incidents that are not mis-sent mail (relay abuse, stolen credentials, a web
 * form) are outside what a send-time check can see and are listed in the README.
 */
const seeds: [string, Draft, Verdict, string[]][] = [
  [
    "Tokai Denshi 2011: seminar invitation with 2,331 customers in CC",
    draftOf({ to: ["jimukyoku@mirai-shoji.co.jp"], cc: addresses(2331, [...COMPANY_DOMAINS, "gmail.com"]), subject: "【東京・千葉・埼玉・神奈川県内の運輸事業者様へ】セミナーのご案内" }),
    "review",
    ["external-exposure"],
  ],
  [
    "Asunaro-no-sato 2023: 88 guardians' addresses in CC instead of BCC",
    draftOf({ cc: addresses(88, CARRIER_DOMAINS), subject: "メールアドレス登録完了のお知らせ" }),
    "review",
    ["external-exposure"],
  ],
  [
    "NEXCO East 2023: IR mail magazine with 383 readers in To",
    draftOf({ to: addresses(383, [...COMPANY_DOMAINS, ...CARRIER_DOMAINS]), subject: "★IRメールマガジン 第138号" }),
    "review",
    ["external-exposure"],
  ],
  [
    "Hirose 2023: exhibition invitation with 480 customers in CC",
    draftOf({ cc: addresses(480, COMPANY_DOMAINS), subject: "展示会出展のご案内" }),
    "review",
    ["external-exposure"],
  ],
  [
    "Keirinkan 2014: 832 members in the visible To field",
    draftOf({ to: addresses(832, CARRIER_DOMAINS), subject: "スマートレクチャー通信 No.2" }),
    "review",
    ["external-exposure"],
  ],
  [
    "Jinzai Bank 2008: an inquiry with the sender's name forwarded to 37 subscribers in To",
    draftOf({ to: addresses(37, [...CARRIER_DOMAINS, ...COMPANY_DOMAINS]), subject: "Re: お問い合わせ" }),
    "review",
    ["external-exposure"],
  ],
  [
    "Asunaro pattern with only two guardians: two individuals at the same free-mail domain (a small set: the sender confirms, told who sees whom)",
    draftOf({ to: ["保護者A <hogosha.a@gmail.com>"], cc: ["保護者B <hogosha.b@gmail.com>"] }),
    "confirm",
    ["external-exposure"],
  ],
  [
    "Asunaro pattern with six guardians: more individuals than the small set, a second person decides",
    draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(6, CARRIER_DOMAINS) }),
    "review",
    ["external-exposure"],
  ],
  [
    "Montedio Yamagata 2023: the recipient list attached to a mailing sent in BCC",
    draftOf({
      to: ["info@mirai-shoji.co.jp"],
      bcc: addresses(500, CARRIER_DOMAINS),
      attachments: [{ name: "再配信対象リスト.xlsx", size: 18_432 }],
    }),
    "confirm",
    ["attachment-name"],
  ],
  [
    "Kashihara 2023: survey answers with residents' addresses sent to one outside requester",
    draftOf({ to: ["kaiji.seikyu@example-requester.jp"], attachments: [{ name: "特産品プレゼントキャンペーン_アンケート回答.xlsx", size: 95_000 }] }),
    "confirm",
    ["attachment-name"],
  ],
  [
    "Hakodate Otani 2021-2023: student list sent to an outside address",
    draftOf({ to: ["sensei@hakodate-otani.example.jp"], attachments: [{ name: "生徒名簿_2023.xlsx", size: 40_000 }] }),
    "confirm",
    ["attachment-name"],
  ],
];

describe("every seed incident is stopped", () => {
  test.each(seeds)("%s", (_name, draft, verdict, codes) => {
    const result = evaluate(draft, policyOf());
    expect(result.verdict).toBe(verdict);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  test("the exposure evidence names every exposed address and party (Asunaro)", () => {
    const cc = addresses(88, CARRIER_DOMAINS);
    const [finding] = evaluate(draftOf({ cc }), policyOf()).findings;
    expect(finding?.code).toBe("external-exposure");
    if (finding?.code !== "external-exposure") return;
    expect(finding.evidence.visibleExternalCount).toBe(88);
    expect(finding.evidence.parties).toHaveLength(88); // each consumer address is its own party
    expect(finding.evidence.reasons).toEqual(["cross-party", "mass"]);
    expect(finding.evidence.exposed.map((e) => e.address).sort()).toEqual([...cc].sort());
  });

  test("after the one-click fix (outside recipients to BCC, sender in To) the Asunaro draft passes", () => {
    const fixed = draftOf({ to: ["tanaka@mirai-shoji.co.jp"], bcc: addresses(88, CARRIER_DOMAINS) });
    expect(evaluate(fixed, policyOf())).toMatchObject({ verdict: "allow", findings: [] });
  });
});

describe("ordinary mail passes silently", () => {
  const ordinary: [string, Draft][] = [
    ["internal only", draftOf({ to: ["佐藤 花子 <sato@mirai-shoji.co.jp>"], cc: ["suzuki@osaka.mirai-shoji.co.jp"] })],
    ["one customer plus colleagues in CC", draftOf({ to: ["山田 太郎 <yamada@acme.co.jp>"], cc: ["sato@mirai-shoji.co.jp", "ito@mirai-shoji.co.jp"] })],
    [
      "several people of one customer, across its subdomains",
      draftOf({ to: ["yamada@acme.co.jp", "kato@sales.acme.co.jp"], cc: ["ito@ACME.CO.JP", "sato@mirai-shoji.co.jp"] }),
    ],
    [
      "a reply with many internal CCs",
      draftOf({ to: ["yamada@acme.co.jp"], cc: addresses(25, ["mirai-shoji.co.jp", "tokyo.mirai-shoji.co.jp"]), subject: "RE: 見積書の件" }),
    ],
    ["one person at a free-mail address", draftOf({ to: ["hogosha@docomo.ne.jp"], cc: ["sato@mirai-shoji.co.jp"] })],
    ["a trusted group company with one customer", draftOf({ to: ["yamada@acme.co.jp"], cc: ["kimura@mirai-group.jp"] })],
    ["a mailing with everyone outside in BCC", draftOf({ to: ["tanaka@mirai-shoji.co.jp"], bcc: addresses(300, [...CARRIER_DOMAINS, ...COMPANY_DOMAINS]) })],
    ["exactly massThreshold people of one customer", draftOf({ to: addresses(10, ["acme.co.jp"]) })],
    ["an ordinary attachment to a customer", draftOf({ to: ["yamada@acme.co.jp"], attachments: [{ name: "見積書_2026-11.pdf", size: 120_000 }, { name: "playlist.m3u", size: 10 }] })],
    ["a member list sent internally", draftOf({ to: ["sato@mirai-shoji.co.jp"], attachments: [{ name: "会員名簿.xlsx", size: 50_000 }] })],
    ["an internal distribution list on internal mail", { ...draftOf({ to: ["sato@mirai-shoji.co.jp"] }), cc: [recipient("dl:all-staff@mirai-shoji.co.jp")] }],
  ];
  test.each(ordinary)("%s", (_name, draft) => {
    expect(evaluate(draft, policyOf())).toMatchObject({ verdict: "allow", findings: [] });
  });
});

describe("the seed incidents whose harm was in a file are stopped by what the file holds, whatever its name", () => {
  async function withFile(draft: Draft, name: string, bytes: Uint8Array): Promise<Draft> {
    const inspection = toInspection(await inspectFile(name, bytes));
    return { ...draft, attachments: [{ name, size: bytes.length, inspection }] };
  }

  test("Montedio Yamagata 2023: the 152 supporters mailed in BCC, and their list attached — the list is found, BCC or not", async () => {
    const supporters = addresses(152, CARRIER_DOMAINS);
    const list = xlsx([{ name: "配信先", rows: [["メールアドレス"], ...supporters.map((a) => [a])] }]);
    const draft = await withFile(draftOf({ to: ["info@mirai-shoji.co.jp"], bcc: supporters, subject: "試合のご案内" }), "data.xlsx", list);
    const result = evaluate(draft, policyOf());
    expect(result.verdict).toBe("review");
    const found = result.findings.find((f) => f.code === "attachment-address-list");
    // Every address in the file is a BCC recipient: attaching the list shows all of them to all of them.
    expect(found?.evidence).toEqual({ threshold: 10, attachments: [{ name: "data.xlsx", size: list.length, addresses: 152, notRecipients: 0 }] });
  });

  test("Kashihara 2023: residents' answers with addresses in an innocently named workbook to one outside requester", async () => {
    const answers = xlsx([{ name: "回答", rows: peopleRows(759) }]);
    const draft = await withFile(draftOf({ to: ["kaiji.seikyu@example-requester.jp"], subject: "ご請求の資料" }), "回答集計.xlsx", answers);
    const result = evaluate(draft, policyOf());
    expect(result.verdict).toBe("review");
    expect(result.findings.map((f) => f.code)).toEqual(["attachment-personal-data", "attachment-address-list"]);
  });

  test("Hakodate Otani 2021-2023: a Shift_JIS class list to a mistyped outside address", async () => {
    const rows = [["学籍番号", "氏名", "フリガナ", "保護者電話番号"], ...Array.from({ length: 119 }, (_, i) => [`2023${String(i).padStart(3, "0")}`, `生徒 ${i}`, "セイト", `0138-${String(20 + (i % 70)).padStart(2, "0")}-${String(1000 + i)}`])];
    const csv = shiftJis(rows.map((r) => r.join(",")).join("\r\n"));
    const draft = await withFile(draftOf({ to: ["sensei@hakodate-otani.example.jp"], subject: "成績" }), "2023.csv", csv);
    const result = evaluate(draft, policyOf());
    expect(result.verdict).toBe("review");
    expect(result.findings.find((f) => f.code === "attachment-personal-data")?.evidence.attachments[0]?.headers[0]).toEqual({ where: "2023.csv", columns: ["学籍番号", "氏名", "フリガナ", "保護者電話番号"], rows: 119 });
  });
});
