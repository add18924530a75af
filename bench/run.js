/**
 * npm run bench — prints the figures the send path is held to:
 *  - OnMessageSend handler time per send (built dist/launchevent.js, in node:vm, with an
 *    Office mock that answers instantly) at 5 / 50 / 500 recipients;
 *  - the same in a fresh runtime: a new V8 isolate per send, split into compile, top level and
 *    decision (bench/fresh-runtime.js), as classic Outlook starts its runtime per launch event;
 *  - how many sequential rounds of Office calls sit on the critical path;
 *  - the event bundles' sizes: dist/commands.js (browser runtime, loaded per send on web / new
 *    Outlook / Mac; inspectors in chunks) and dist/launchevent.js (classic Outlook, inspectors
 *    inlined), and what evaluating launchevent.js in a fresh runtime costs;
 *  - a Send that must read and inspect a file nobody inspected yet (a 200-row XLSX of residents);
 *  - the policy engine alone (build/policy) at larger recipient counts.
 *  - the task pane's JavaScript size and first render in headless Chromium (bench/pane.js).
 *  - the review service: create + approve latency and throughput on the embedded database and
 *    PostgreSQL, and approve → Server-Sent Event time (bench/review.js).
 *  - attachment inspection throughput, CSV and XLSX (bench/inspect.js).
 * Targets: handler median under 2 ms at 50 recipients, one round, under 60 KB gzip (issue 2);
 * pane under 250 KB gzip and first render under 1 s (issue 3).
 */
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");
const { performance } = require("node:perf_hooks");

const ROOT = path.resolve(__dirname, "..");
const BUNDLE = fs.readFileSync(path.join(ROOT, "dist/launchevent.js"), "utf8");
const { evaluate, parsePolicy, sealedPolicyText } = require(path.join(ROOT, "build/policy"));

const DOMAINS = ["docomo.ne.jp", "gmail.com", "acme.co.jp", "mirai-shoji.co.jp", "beta-kogyo.co.jp", "yahoo.co.jp"];
const recipients = (n) => Array.from({ length: n }, (_, i) => ({ emailAddress: `user${i}@${DOMAINS[i % DOMAINS.length]}`, displayName: `利用者 ${i}`, recipientType: "externalUser" }));

/**
 * An Office mock whose callbacks arrive on the next macrotask; it records which wave each call
 * was issued in. The item carries the cached policy and, unless `file` is given, the inspection
 * the attachments-changed event stored for its one attachment (the usual case at Send).
 */
function instantOffice(count, file) {
  const to = recipients(Math.ceil(count / 2));
  const cc = recipients(count - to.length).map((r, i) => ({ ...r, emailAddress: `cc${i}@${DOMAINS[i % DOMAINS.length]}` }));
  const attachment = file ? { id: "0", name: file.name, size: file.bytes.length, attachmentType: "file", isInline: false } : { id: "0", name: "資料.pdf", size: 1000, attachmentType: "file", isInline: false };
  // The policy as compose start leaves it on the item: validated and sealed (src/policy/sealed.ts).
  const session = { "sendguard.policy": sealedPolicyText(parsePolicy({ internalDomains: ["mirai-shoji.co.jp"] }).policy) };
  if (!file) session["sendguard.inspections"] = JSON.stringify({ v: 1, files: { [`0\u0000資料.pdf\u00001000`]: { status: "unscannable", reason: "pdf" } } });
  let wave = 0;
  const waves = new Set();
  const reply = (value) => (callback) => {
    waves.add(wave);
    setImmediate(() => {
      wave += 1;
      callback({ status: "succeeded", value });
    });
  };
  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    actions: { associate: (name, fn) => (Office.handlers[name] = fn) },
    handlers: {},
    context: {
      displayLanguage: "ja-JP",
      requirements: { isSetSupported: () => true },
      mailbox: {
        userProfile: { emailAddress: "tanaka@mirai-shoji.co.jp" },
        item: {
          to: { getAsync: reply(to) },
          cc: { getAsync: reply(cc) },
          bcc: { getAsync: reply([]) },
          from: { getAsync: reply({ emailAddress: "tanaka@mirai-shoji.co.jp" }) },
          subject: { getAsync: reply("ご案内") },
          getAttachmentsAsync: reply([attachment]),
          getAttachmentContentAsync: (id, cb) => reply({ format: "base64", content: file ? Buffer.from(file.bytes).toString("base64") : "" })(cb),
          sessionData: {
            getAsync: (key, cb) => reply(session[key])(cb),
            setAsync: (key, value, cb) => reply(undefined)(cb),
          },
        },
      },
    },
  };
  return { Office, waves };
}

/** An .xlsx of `count` residents (names, addresses, phones, emails), made by bench/inspect.js's generator. */
function residentsWorkbook(count) {
  const rows = [["氏名", "住所", "電話番号", "メールアドレス"], ...Array.from({ length: count }, (_, i) => [`住民 ${i}`, `奈良県橿原市八木町${(i % 9) + 1}-${(i % 20) + 1}`, `090-${String(1000 + i).padStart(4, "0")}-${String(2000 + i).padStart(4, "0")}`, `resident${i}@example.jp`])];
  return require("./inspect").xlsx(rows);
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/**
 * cold: a new runtime per send (the bundle is evaluated again each time, as when
 * classic Outlook starts its JavaScript-only runtime for a send); warm: one runtime,
 * many sends. Time runs from the handler call to `event.completed`.
 */
async function benchHandler(count, iterations, cold, file) {
  const samples = [];
  let rounds = 0;
  let verdict = "";
  let context;
  let handler;
  for (let i = 0; i < iterations; i++) {
    const { Office, waves } = instantOffice(count, file);
    if (cold || !context) {
      context = vm.createContext({ Office, setTimeout, clearTimeout });
      vm.runInContext(BUNDLE, context);
      handler = Office.handlers.onMessageSendHandler;
    } else {
      context.Office = Office; // the same runtime sees the next message's item
    }
    const options = await new Promise((resolve) => {
      const start = performance.now();
      handler({ completed: (o) => resolve({ o, ms: performance.now() - start }) });
    });
    samples.push(options.ms);
    rounds = Math.max(rounds, waves.size);
    verdict = options.o.allowEvent ? "allow" : JSON.parse(options.o.contextData).verdict;
  }
  return { ...stats(samples.slice(Math.floor(iterations / 5))), rounds, verdict };
}

function benchEngine(count, iterations, distinctDomains = false) {
  const policy = parsePolicy({ internalDomains: ["mirai-shoji.co.jp"] }).policy;
  const to = distinctDomains ? Array.from({ length: count }, (_, i) => ({ emailAddress: `p${i}@org${i}.co.jp` })) : recipients(count);
  const draft = { to, cc: [], bcc: [], subject: "ご案内", attachments: [] };
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    evaluate(draft, policy);
    samples.push(performance.now() - start);
  }
  return stats(samples.slice(Math.floor(iterations / 5)));
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;

async function main() {
  console.log("OnMessageSend handler (dist/launchevent.js in node:vm, instant Office mock, includes Office callback latency of one setImmediate)");
  console.log("runtime  recipients  median      p95         max         rounds  verdict");
  for (const cold of [false, true]) {
    for (const [count, iterations] of [[5, 300], [50, 300], [500, 100]]) {
      const r = await benchHandler(count, iterations, cold);
      console.log(`${(cold ? "cold" : "warm").padEnd(7)}  ${String(count).padEnd(10)}  ${fmt(r.median).padEnd(10)}  ${fmt(r.p95).padEnd(10)}  ${fmt(r.max).padEnd(10)}  ${String(r.rounds).padEnd(6)}  ${r.verdict}`);
    }
  }
  console.log("(cold: a new vm context per send in this process's isolate, so V8's compiled code carries over; the table below does not)");
  console.log("");
  const fresh = require("./fresh-runtime");
  fresh.print(await fresh.measure(30));
  const unsealed = await fresh.measure(15, [5], undefined, "text");
  const row = unsealed.rows[0];
  console.log(`  an item whose policy nobody validated yet (policy.json text on the item, 5 recipients): load ${row.load.median.toFixed(1)} ms, decide ${row.decide.median.toFixed(1)} ms, total ${row.total.median.toFixed(1)} ms (median)`);
  for (const [form, how] of [["fetched-sealed", "sealed, as Send Guard's server answers the handler"], ["fetched-text", "the file's text, as a static host serves it"]]) {
    const r = (await fresh.measure(15, [5], undefined, form)).rows[0];
    console.log(`  a draft reopened from Drafts (no policy on the item; policy.json fetched, ${how}; 5 recipients): load ${r.load.median.toFixed(1)} ms, decide ${r.decide.median.toFixed(1)} ms, total ${r.total.median.toFixed(1)} ms (median; network not counted)`);
  }
  const internal = (await fresh.measure(15, [5], undefined, "sealed", true)).rows[0];
  console.log(`  a message to colleagues only (5 recipients at the internal domain): load ${internal.load.median.toFixed(1)} ms, decide ${internal.decide.median.toFixed(1)} ms, total ${internal.total.median.toFixed(1)} ms (median; ${internal.verdict})`);
  const remembered = await fresh.measure(15, [5, 500], undefined, "sealed", false, JSON.stringify(require("./memory").fullMemory()));
  for (const r of remembered.rows) {
    console.log(`  with a full correspondence memory (2,000 addresses, 500 groups), ${r.count} remembered recipients: load ${r.load.median.toFixed(1)} ms, decide ${r.decide.median.toFixed(1)} ms, total ${r.total.median.toFixed(1)} / ${r.total.p95.toFixed(1)} ms (median / p95; ${r.verdict})`);
  }
  console.log("");
  console.log("Policy engine alone (build/policy evaluate)");
  console.log("recipients  median      p95");
  for (const [count, iterations] of [[50, 500], [500, 200], [5000, 40]]) {
    const r = benchEngine(count, iterations);
    console.log(`${String(count).padEnd(10)}  ${fmt(r.median).padEnd(10)}  ${fmt(r.p95)}`);
  }
  // Every recipient at a domain of its own (the CLI and the server see such lists): time should grow linearly.
  for (const [count, iterations] of [[4000, 15], [5000, 15], [10000, 10]]) {
    const r = benchEngine(count, iterations, true);
    console.log(`${String(count).padEnd(10)}  ${fmt(r.median).padEnd(10)}  ${fmt(r.p95)}  (each at a distinct domain)`);
  }
  console.log("");
  const size = (file) => {
    const text = fs.readFileSync(path.join(ROOT, "dist", file));
    const gzip = zlib.gzipSync(text, { level: 9 }).length;
    // The build's Brotli copy, which the bundled server sends to clients that accept it (src/server/static-files.ts).
    const brotli = path.join(ROOT, "dist", `${file}.br`);
    const served = fs.existsSync(brotli) ? `, ${fs.statSync(brotli).size} bytes Brotli as served` : ", no Brotli copy (served as it is)";
    return `${text.length} bytes raw, ${gzip} bytes gzip -9 (${(gzip / 1024).toFixed(1)} KiB)${served}`;
  };
  const chunks = fs.readdirSync(path.join(ROOT, "dist")).filter((f) => /^commands\..+\.js$/.test(f));
  console.log(`dist/commands.js (browser runtime, loaded on every send): ${size("commands.js")}`);
  console.log(`  its on-demand chunks (inspectors, loaded when a file must be read): ${chunks.map((c) => `${c} ${size(c)}`).join("; ")}`);
  console.log(`dist/launchevent.js (classic Outlook, inspectors inlined): ${size("launchevent.js")}`);
  const evaluations = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    vm.runInContext(BUNDLE, vm.createContext({ Office: instantOffice(5).Office, setTimeout, clearTimeout }));
    evaluations.push(performance.now() - start);
  }
  const e = stats(evaluations.slice(5));
  console.log(`  running it again in a new vm context of this process (V8 reuses what it compiled, so this is not a fresh runtime: see the table above): median ${fmt(e.median)}, p95 ${fmt(e.p95)}`);
  console.log("");
  console.log("A Send that must read a file nobody inspected yet (sent right after attaching; classic bundle, fresh runtime, 1 outside recipient)");
  const residents = residentsWorkbook(200);
  const read = await benchHandler(1, 15, true, { name: "資料.xlsx", bytes: residents });
  console.log(`  200-row XLSX of residents (${residents.length} bytes): median ${fmt(read.median)}, max ${fmt(read.max)}, verdict ${read.verdict} (deadline 3,000 ms)`);
  console.log("");
  await require("./pane").run();
  console.log("");
  await require("./review").run();
  console.log("");
  await require("./inspect").run();
  console.log("");
  await require("./memory").run();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
