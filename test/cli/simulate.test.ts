/**
 * `send-guard simulate` on a generated mailbox export in every input format: replies judged
 * against their parents, a recurring group learned, a look-alike caught, unreadable files
 * named; and on a real Outlook data file (the Enron sample pst-extractor ships).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/send-guard";
import type { SimulatedSend, SimulationSummary } from "../../src/cli/simulate";
import { msgFile } from "../support/msg-file";

let dir: string;
const ENRON = path.resolve(__dirname, "../../node_modules/pst-extractor/example/testdata/enron.pst");
const COUNSEL = { to: ["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"], cc: ["x@law-office.jp", "y@law-office.jp", "z@law-office.jp"] };

function eml(headers: Record<string, string>, body = "本文です。"): string {
  return [...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "", body, ""].join("\r\n");
}

function write(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  const code = await main(args, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sg-simulate-"));
  write("policy.json", JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"] }));
  // A customer writes to the sender and two other companies.
  write("export/inbox/parent.eml", eml({ From: "a@acme.co.jp", To: "tanaka@mirai-shoji.co.jp", Cc: "b@globex.co.jp, c@initech.co.jp", Subject: "三社打ち合わせ", "Message-ID": "<p1@acme.co.jp>", Date: "Mon, 02 Nov 2026 09:00:00 +0900" }));
  // The sender replies to all (.eml), then replies again adding a fourth company (.msg).
  write("export/sent/reply.eml", eml({ From: "tanaka@mirai-shoji.co.jp", To: "a@acme.co.jp", Cc: "b@globex.co.jp, c@initech.co.jp", Subject: "RE: 三社打ち合わせ", "Message-ID": "<r1@mirai-shoji.co.jp>", "In-Reply-To": "<p1@acme.co.jp>", Date: "Mon, 02 Nov 2026 10:00:00 +0900" }));
  write(
    "export/sent/reply-added.msg",
    msgFile({ from: "tanaka@mirai-shoji.co.jp", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"], subject: "RE: 三社打ち合わせ", date: new Date("2026-11-02T03:00:00Z"), messageId: "<r2@mirai-shoji.co.jp>", headers: "In-Reply-To: <p1@acme.co.jp>\r\n" }),
  );
  // A counterparty and its counsel, twice (mbox): the first needs a review, the second passes.
  const counsel = (date: string, id: string) =>
    `From tanaka@mirai-shoji.co.jp ${date}\n${eml({ From: "tanaka@mirai-shoji.co.jp", To: COUNSEL.to.join(", "), Cc: COUNSEL.cc.join(", "), Subject: "契約書案", "Message-ID": `<${id}@mirai-shoji.co.jp>`, Date: date })}`;
  write("export/counsel.mbox", counsel("Tue, 03 Nov 2026 09:00:00 +0900", "c1") + "\n" + counsel("Tue, 10 Nov 2026 09:00:00 +0900", "c2"));
  // Draft JSON: a look-alike of gmail, and a reply told by `compose`.
  write("export/lookalike.json", JSON.stringify({ from: "tanaka@mirai-shoji.co.jp", to: [{ emailAddress: "hogosha@gmial.com" }], subject: "連絡", date: "2026-11-04T09:00:00+09:00", messageId: "<j1@mirai-shoji.co.jp>" }));
  write("export/reply.json", JSON.stringify({ from: "tanaka@mirai-shoji.co.jp", to: [{ emailAddress: "p@acme.co.jp" }], cc: [{ emailAddress: "q@globex.co.jp" }], date: "2026-11-05T09:00:00+09:00", compose: { type: "reply", to: ["p@acme.co.jp"], cc: ["q@globex.co.jp"] } }));
  write("export/broken.msg", "this is not an Outlook message");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a generated mailbox in every format", () => {
  let messages: SimulatedSend[];
  let summary: SimulationSummary;
  let stderr: string;

  beforeAll(async () => {
    const result = await run("simulate", "--json", "export");
    expect(result.code).toBe(0);
    ({ messages, summary } = JSON.parse(result.stdout));
    stderr = result.stderr;
  });

  test("sends are judged in date order, received mail is counted, the unreadable file is named", () => {
    expect(messages.map((m) => path.basename(m.file))).toEqual(["reply.eml", "reply-added.msg", "counsel.mbox#1", "lookalike.json", "reply.json", "counsel.mbox#2"]);
    expect(summary).toMatchObject({ messages: 7, sends: 6, received: 1, unreadable: 1, replies: 3 });
    expect(stderr).toMatch(/broken\.msg: not an Outlook message/);
  });

  test("a reply-all to the parent's participants passes; one that adds a company is stopped and names it", () => {
    const [reply, added] = messages;
    expect(reply).toMatchObject({ verdict: "allow", reply: true });
    expect(added?.verdict).toBe("review");
    expect(added?.findings.map((f) => f.code).sort()).toEqual(["external-exposure", "new-domain-in-reply"]);
  });

  test("a recurring group: reviewed the first time (and learned, as approved), silent the second", () => {
    const first = messages.find((m) => m.file.endsWith("#1"));
    const second = messages.find((m) => m.file.endsWith("#2"));
    expect(first).toMatchObject({ verdict: "review", learned: true });
    expect(second).toMatchObject({ verdict: "allow", learned: false });
  });

  test("a look-alike of gmail.com is caught; draft JSON compose makes a reply", () => {
    expect(messages.find((m) => m.file.endsWith("lookalike.json"))?.findings.map((f) => [f.code, f.level])).toEqual([["lookalike-domain", "confirm"]]);
    expect(messages.find((m) => m.file.endsWith("reply.json"))).toMatchObject({ verdict: "allow", reply: true });
  });

  test("the summary counts prompts by rule and level, per 100 sends and per week", () => {
    expect(summary.verdicts).toEqual({ allow: 3, confirm: 1, review: 2, block: 0 });
    expect(summary.promptsPer100Sends).toBe(50);
    expect(summary.byRule["lookalike-domain"]).toEqual({ confirm: 1 });
    expect(summary.byWeek.map((w) => [w.week, w.sends, w.review])).toEqual([["2026-11-02", 5, 2], ["2026-11-09", 1, 0]]);
    expect(summary.memory.senders).toBe(1);
  });

  test("the memory in the JSON is only counts: no address of it is printed beyond the messages' own findings", () => {
    expect(Object.keys(summary.memory).sort()).toEqual(["addresses", "groups", "senders"]);
  });
});

test("the text output lists the sends that prompt and the summary", async () => {
  const { code, stdout } = await run("simulate", "--lang", "ja", "export");
  expect(code).toBe(0);
  expect(stdout).toMatch(/reply-added\.msg\s+2026-11-02T03:00:00\.000Z\s+review/);
  expect(stdout).toContain("スレッドになかったドメインの宛先");
  expect(stdout).toMatch(/prompts: 3 of 6 sends \(50 per 100\)/);
});

test("--report writes one self-contained HTML page: summary, chart data, the library inlined, every prompted send", async () => {
  const { code } = await run("simulate", "--report", "report.html", "export");
  expect(code).toBe(0);
  const html = fs.readFileSync(path.join(dir, "report.html"), "utf8");
  expect(html).toContain("<canvas id=\"weeks\"");
  expect(html).not.toMatch(/<script[^>]+src=/); // nothing fetched from elsewhere
  expect(html).toMatch(/Chart\.js v4/);
  expect(html).toContain("reply-added.msg");
  expect(html.match(/<tr><td>/g)).toHaveLength(3);
});

test("a real Outlook data file (Enron sample): every message read, sends judged", async () => {
  fs.writeFileSync(path.join(dir, "enron-policy.json"), JSON.stringify({ internalDomains: ["enron.com"] }));
  const { code, stdout } = await run("simulate", "--json", "--policy", "enron-policy.json", ENRON);
  expect(code).toBe(0);
  const { summary } = JSON.parse(stdout) as { summary: SimulationSummary };
  expect(summary.messages).toBe(71);
  expect(summary.sends + summary.received).toBe(71);
  expect(summary.sends).toBeGreaterThan(10);
});

test.each([
  [["simulate"], /no PATH given/],
  [["simulate", "missing-folder"], /missing-folder: file not found/],
  [["simulate", "export/broken.msg"], /no message could be read/],
  [["check", "--report", "r.html", "x.json"], /--report is an option of simulate/],
])("bad usage: %j → exit 2 naming the problem", async (args, message) => {
  const { code, stderr } = await run(...args);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
});
