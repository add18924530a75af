import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8 } from "fflate";
import { peopleRows, shiftJis, xlsx, zip } from "../support/files";

const BIN = path.resolve(__dirname, "../../bin/send-guard.js");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sg-cli-inspect-"));
  fs.writeFileSync(path.join(dir, "policy.json"), JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"] }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A message to one outside recipient with binary attachments (base64). */
function eml(name: string, to: string, files: { name: string; bytes: Uint8Array }[]): string {
  const boundary = "b-inspect";
  const parts = files.flatMap((f) => [
    `--${boundary}`,
    `Content-Type: application/octet-stream; name="${f.name}"`,
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(f.bytes).toString("base64").replace(/.{76}/g, "$&\r\n"),
  ]);
  const text = [
    "From: tanaka@mirai-shoji.co.jp",
    `To: ${to}`,
    "Subject: =?UTF-8?B?5ZCN57C/?=",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "資料をお送りします。",
    ...parts,
    `--${boundary}--`,
    "",
  ].join("\r\n");
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

describe("send-guard check inspects attachment contents", () => {
  test("the Kashihara case: residents' addresses in an Excel file to an outside requester → review, evidence without the data", () => {
    const file = eml("kashihara.eml", "requester@outside-firm.co.jp", [{ name: "住民一覧.xlsx", bytes: xlsx([{ name: "住民", rows: peopleRows(120) }]) }]);
    const result = run("check", "--policy", "policy.json", "--json", file);
    expect(result.code).toBe(3); // not allowed
    const [report] = JSON.parse(result.stdout) as { verdict: string; findings: { code: string; evidence: unknown }[] }[];
    expect(report?.verdict).toBe("review");
    expect(report?.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["attachment-personal-data", "attachment-address-list"]));
    expect(result.stdout).toContain('"notRecipients": 120');
    expect(result.stdout).not.toContain("member5@example5.jp");
  });

  test("a Shift_JIS CSV class list, text output in Japanese", () => {
    const csv = shiftJis(peopleRows(30).map((r) => r.join(",")).join("\r\n"));
    const file = eml("hakodate.eml", "mistyped@hakodate-otani.example", [{ name: "生徒名簿.csv", bytes: csv }]);
    const result = run("check", "--policy", "policy.json", "--lang", "ja", file);
    expect(result.code).toBe(3); // not allowed
    expect(result.stdout).toContain("添付ファイルに個人情報が含まれています：生徒名簿.csv");
  });

  test("a password-protected ZIP is named as not inspected (confirm)", async () => {
    const ppap = await zip({ "顧客名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(10) }]) }, { password: "secret", zipCrypto: true });
    const file = eml("ppap.eml", "client@acme.co.jp", [{ name: "資料.zip", bytes: ppap }]);
    const result = run("check", "--policy", "policy.json", file);
    expect(result.code).toBe(3); // not allowed
    expect(result.stdout).toContain("attachment-unscannable(confirm)");
    expect(result.stdout).toContain("資料.zip (password-protected ZIP)");
  });

  test("an ordinary quote sheet passes", () => {
    const quote = xlsx([{ name: "見積", rows: [["品名", "数量", "単価"], ["A4用紙", "10", "500"], ["トナー", "2", "8000"]] }]);
    const result = run("check", "--policy", "policy.json", eml("quote.eml", "client@acme.co.jp", [{ name: "見積書.xlsx", bytes: quote }]));
    expect(result.code).toBe(0);
  });

  test("draft JSON with contentBase64 is inspected too", () => {
    const csv = strToU8(Array.from({ length: 25 }, (_, i) => `fan${i}@example.ne.jp`).join("\n"));
    const draft = { to: [{ emailAddress: "fan0@example.ne.jp" }], subject: "ご案内", attachments: [{ name: "宛先.csv", contentBase64: Buffer.from(csv).toString("base64") }] };
    fs.writeFileSync(path.join(dir, "draft.json"), JSON.stringify(draft));
    const result = run("check", "--policy", "policy.json", "--json", "draft.json");
    const [report] = JSON.parse(result.stdout) as { findings: { code: string; evidence: { attachments: { notRecipients: number }[] } }[] }[];
    expect(report?.findings.find((f) => f.code === "attachment-address-list")?.evidence.attachments[0]?.notRecipients).toBe(24);
  });
});
