import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addresses, CARRIER_DOMAINS } from "../support/drafts";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-guard.js");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sg-cli-"));
  fs.writeFileSync(path.join(dir, "policy.json"), JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"] }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  fs.writeFileSync(path.join(dir, name), content);
  return name;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const encodedWord = (text: string) => `=?UTF-8?B?${b64(text)}?=`;

/** An RFC 5322 message with MIME-encoded Japanese headers and optional attachments. */
function eml(headers: { to?: string[]; cc?: string[]; subject: string }, attachments: { name: string; content: string }[] = []): string {
  const boundary = "sg-boundary-42";
  const lines = [
    `From: ${encodedWord("田中 一郎")} <tanaka@mirai-shoji.co.jp>`,
    ...(headers.to ? [`To: ${headers.to.join(",\r\n ")}`] : []),
    ...(headers.cc ? [`Cc: ${headers.cc.join(",\r\n ")}`] : []),
    `Subject: ${encodedWord(headers.subject)}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    b64("いつもお世話になっております。"),
  ];
  for (const a of attachments) {
    lines.push(`--${boundary}`, "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`, "", b64(a.content));
  }
  lines.push(`--${boundary}--`, "");
  return lines.join("\r\n");
}

describe("send-guard check", () => {
  test("an ordinary draft JSON is allowed: exit 0", () => {
    const file = write("ordinary.json", JSON.stringify({ from: "tanaka@mirai-shoji.co.jp", to: [{ emailAddress: "yamada@acme.co.jp", displayName: "山田 太郎", recipientType: "externalUser" }], cc: [{ emailAddress: "sato@mirai-shoji.co.jp" }], subject: "見積書" }));
    const { code, stdout } = run("check", file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ordinary\.json\s+allow/);
  });

  test("the Asunaro draft JSON is stopped: exit 3, table names the finding", () => {
    const file = write("asunaro.json", JSON.stringify({ cc: addresses(88, CARRIER_DOMAINS).map((emailAddress) => ({ emailAddress })), subject: "登録完了" }));
    const { code, stdout } = run("check", file);
    expect(code).toBe(3);
    expect(stdout).toMatch(/asunaro\.json\s+review\s+external-exposure\(review\)/);
    expect(stdout).toContain("88 outside addresses in To/CC can be read by every recipient, across 88 individuals");
  });

  test("draft JSON `compose` says how the message started: a reply-all to people already in the thread passes, one added party is stopped", () => {
    const thread = { to: ["a@acme.co.jp"], cc: ["b@beta.co.jp"] };
    const recipients = { to: [{ emailAddress: "a@acme.co.jp" }], cc: [{ emailAddress: "b@beta.co.jp" }] };
    const unchanged = write("reply-all.json", JSON.stringify({ ...recipients, compose: { type: "reply", ...thread } }));
    const added = write("reply-all-added.json", JSON.stringify({ ...recipients, cc: [...recipients.cc, { emailAddress: "c@gamma.co.jp" }], compose: { type: "reply", ...thread } }));
    const forwarded = write("forward.json", JSON.stringify({ ...recipients, compose: { type: "forward", to: [], cc: [] } }));
    const { code, stdout } = run("check", "--json", unchanged, added, forwarded);
    expect(code).toBe(3);
    const out = JSON.parse(stdout);
    // Three companies, or two: small sets, the sender's to confirm.
    expect(out.map((r: { verdict: string }) => r.verdict)).toEqual(["allow", "confirm", "confirm"]);
    expect(out[1].findings[0].evidence.newcomers).toEqual(["c@gamma.co.jp"]);
    const bad = write("bad-compose.json", JSON.stringify({ ...recipients, compose: { type: "replyAll" } }));
    const refused = run("check", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/compose\.type/);
  });

  test("--json prints file, verdict and findings with evidence", () => {
    const file = write("two-customers.json", JSON.stringify({ to: [{ emailAddress: "a@acme.co.jp" }, { emailAddress: "b@beta.co.jp" }] }));
    const { code, stdout } = run("check", "--json", file, "ordinary.json");
    expect(code).toBe(3);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ file, verdict: "confirm", findings: [{ code: "external-exposure", level: "confirm", evidence: { visibleExternalCount: 2, smallSet: true } }] });
    expect(out[1]).toMatchObject({ file: "ordinary.json", verdict: "allow", findings: [] });
  });

  test("a draft may write recipients as \"Name\" <address>", () => {
    const file = write("named.json", JSON.stringify({ to: [{ emailAddress: '"山田, 太郎" <yamada@acme.co.jp>' }, { emailAddress: "加藤 <kato@beta.co.jp>" }] }));
    const [result] = JSON.parse(run("check", "--json", file).stdout);
    expect(result.findings[0].evidence.exposed.map((e: { address: string }) => e.address)).toEqual(["yamada@acme.co.jp", "kato@beta.co.jp"]);
  });

  test("--lang ja prints Japanese sentences", () => {
    const { stdout } = run("check", "--lang", "ja", "two-customers.json");
    expect(stdout).toContain("acme.co.jp（a@acme.co.jp）とbeta.co.jp（b@beta.co.jp）の間で、互いのアドレスが見えます。");
    const six = write("six-customers.json", JSON.stringify({ to: ["a", "b", "c", "d", "e", "f"].map((n, i) => ({ emailAddress: `${n}@${i % 2 ? "beta" : "acme"}.co.jp` })) }));
    expect(run("check", "--lang", "ja", six).stdout).toContain("社外アドレス6件が受信者全員に見えます。社外の相手は2社です");
  });

  test("--policy overrides ./policy.json", () => {
    const policy = write("any-external.json", JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"], exposure: { mode: "any-external" } }));
    expect(run("check", "--policy", policy, "ordinary.json").code).toBe(3);
  });

  test("an .eml with MIME-encoded headers and a member-list attachment", () => {
    const file = write("member-list.eml", eml({ to: [`${encodedWord("山田 太郎")} <yamada@acme.co.jp>`], subject: "名簿送付" }, [{ name: "会員名簿.csv", content: "氏名,メール\n山田,a@example.jp\n" }]));
    const { code, stdout } = run("check", "--json", file);
    expect(code).toBe(3);
    const [result] = JSON.parse(stdout);
    expect(result.verdict).toBe("confirm");
    expect(result.findings[0]).toMatchObject({ code: "attachment-name", evidence: { attachments: [{ name: "会員名簿.csv", keywords: ["名簿", "会員"] }] } });
  });

  test("an .eml with guardians in Cc is stopped like the draft", () => {
    const file = write("guardians.eml", eml({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(20, CARRIER_DOMAINS), subject: "お知らせ" }));
    const { code, stdout } = run("check", "--json", file);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)[0].findings[0].evidence.visibleExternalCount).toBe(20);
  });

  test("the same message as .eml and as draft JSON has the same fingerprint", () => {
    const attachment = "a,b\n1,2\n";
    const emlFile = write("same.eml", eml({ to: ["yamada@acme.co.jp"], subject: "資料" }, [{ name: "資料.csv", content: attachment }]));
    const jsonFile = write("same.json", JSON.stringify({ to: [{ emailAddress: "Yamada@ACME.co.jp" }], subject: "資料", attachments: [{ name: "資料.csv", contentBase64: b64(attachment) }] }));
    const [a, b] = JSON.parse(run("check", "--json", emlFile, jsonFile).stdout);
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe("bad input: exit 2 with a message naming the problem", () => {
  test.each([
    ["malformed JSON", "broken.json", "{ to: [", /broken\.json: not valid JSON/],
    ["a draft whose To is not a list", "bad-to.json", JSON.stringify({ to: "a@acme.co.jp" }), /bad-to\.json: not a valid draft: to: /],
    ["a misspelt key", "typo.json", JSON.stringify({ Cc: [] }), /typo\.json: not a valid draft: .*Cc/],
    ["an attachment without size or content", "nosize.json", JSON.stringify({ attachments: [{ name: "a.xlsx" }] }), /needs a size or contentBase64/],
    ["a size that contradicts the content", "badsize.json", JSON.stringify({ attachments: [{ name: "a.txt", size: 99, contentBase64: b64("abc") }] }), /size 99 does not match its content \(3 bytes\)/],
    ["binary garbage as .eml", "garbage.eml", Buffer.from([0, 1, 2, 255, 254, 10, 13]), /garbage\.eml: not an RFC 5322 message/],
    ["an .eml with no message headers", "empty.eml", "X-Only: 1\r\n\r\nbody", /empty\.eml: no From, To, CC, BCC or Subject header/],
  ])("%s", (_name, file, content, message) => {
    write(file, content);
    const { code, stderr } = run("check", file);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test("a missing file", () => {
    const { code, stderr } = run("check", "no-such.eml");
    expect(code).toBe(2);
    expect(stderr).toContain("no-such.eml: file not found");
  });

  test("one unreadable file among good ones still reports the good ones", () => {
    const { code, stdout, stderr } = run("check", "--json", "ordinary.json", "no-such.json");
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toContain("no-such.json");
  });

  test.each([
    [["check"], "no FILE given"],
    [[], "missing command"],
    [["verify", "a.json"], 'unknown command "verify"'],
    [["check", "--colour", "a.json"], "Unknown option '--colour'"],
    [["check", "--lang", "fr", "ordinary.json"], "--lang must be en or ja"],
  ])("usage %j", (args, message) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: send-guard check");
  });

  test("an invalid policy names the bad key", () => {
    const policy = write("bad-policy.json", JSON.stringify({ exposure: { mode: "lenient" } }));
    const { code, stderr } = run("check", "--policy", policy, "ordinary.json");
    expect(code).toBe(2);
    expect(stderr).toContain('exposure.mode must be one of "cross-party", "any-external"');
  });
});
