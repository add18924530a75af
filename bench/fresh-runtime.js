/**
 * The Send decision in a freshly started runtime, as classic Outlook starts its JavaScript-only
 * runtime for a launch event: a new V8 isolate per send (a worker thread), so no compiled code,
 * inline cache or lazily built table carries over from the previous send. In each worker:
 * compile dist/launchevent.js, run its top level, then call the OnMessageSend handler on an item
 * with `count` recipients and wait for event.completed. The worker's own start-up is measured
 * separately (an empty worker) and reported beside, not counted.
 *
 *   node bench/fresh-runtime.js [runs] [bundle] [sealed|text] [internal]   prints the table
 *   node bench/fresh-runtime.js compare <a.js> <b.js> [runs] [rounds]     two builds, alternately
 *   require("./fresh-runtime").measure(...)  for bench/run.js
 */
const path = require("node:path");
const fs = require("node:fs");
const { Worker } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");

const ROOT = path.resolve(__dirname, "..");

// Runs inside the worker: the same Office mock as bench/run.js (callbacks on the next macrotask).
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const vm = require("node:vm");
const { performance } = require("node:perf_hooks");
const { source, count, empty, policyText, fetched, internal, memory } = workerData;
if (empty) parentPort.postMessage({});
else run();
function run() {
// Outside recipients at carriers, mail services and two companies seen for the first time; or (internal) colleagues only;
// or, with a memory, people it remembers (bench/memory.js fullMemory: p<i>@org<i % 400>.co.jp).
const DOMAINS = internal ? ["mirai-shoji.co.jp"] : ["docomo.ne.jp", "gmail.com", "acme.co.jp", "mirai-shoji.co.jp", "beta-kogyo.co.jp", "yahoo.co.jp"];
const addressOf = (i, p) => memory ? "p" + (i % 2000) + "@org" + (i % 400) + ".co.jp" : p + i + "@" + DOMAINS[i % DOMAINS.length];
const people = (n, p, from = 0) => Array.from({ length: n }, (_, i) => ({ emailAddress: addressOf(from + i, p), displayName: "利用者 " + i, recipientType: "externalUser" }));
const to = people(Math.ceil(count / 2), "user"), cc = people(count - to.length, "cc", to.length);
// The policy on the item, or (fetched) nothing there and policy.json answering on the next macrotask.
const session = {
  "sendguard.policy": fetched ? undefined : policyText,
  "sendguard.inspections": JSON.stringify({ v: 1, files: { ["0\\u0000資料.pdf\\u00001000"]: { status: "unscannable", reason: "pdf" } } }),
};
const reply = (value) => (callback) => setImmediate(() => callback({ status: "succeeded", value }));
const Office = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
  actions: { associate: (name, fn) => (Office.handlers[name] = fn) },
  handlers: {},
  context: {
    displayLanguage: "ja-JP",
    requirements: { isSetSupported: () => true },
    roamingSettings: { get: (key) => (key === "sendguard.memory" && memory ? JSON.parse(memory) : undefined), set: () => undefined, remove: () => undefined, saveAsync: (cb) => reply(undefined)(cb) },
    mailbox: {
      userProfile: { emailAddress: "tanaka@mirai-shoji.co.jp" },
      item: {
        to: { getAsync: reply(to) }, cc: { getAsync: reply(cc) }, bcc: { getAsync: reply([]) },
        from: { getAsync: reply({ emailAddress: "tanaka@mirai-shoji.co.jp" }) },
        subject: { getAsync: reply("ご案内") },
        getAttachmentsAsync: reply([{ id: "0", name: "資料.pdf", size: 1000, attachmentType: "file", isInline: false }]),
        sessionData: { getAsync: (key, cb) => reply(session[key])(cb), setAsync: (key, value, cb) => reply(undefined)(cb) },
      },
    },
  },
};
const fetch = fetched ? (url) => new Promise((resolve) => setImmediate(() => resolve({ ok: true, text: () => Promise.resolve(policyText) }))) : undefined;
const context = vm.createContext(fetched ? { Office, setTimeout, clearTimeout, fetch } : { Office, setTimeout, clearTimeout });
const t0 = performance.now();
const script = new vm.Script(source, { filename: "launchevent.js" });
const t1 = performance.now();
script.runInContext(context);
const t2 = performance.now();
Office.handlers.onMessageSendHandler({
  completed: (options) => {
    const t3 = performance.now();
    parentPort.postMessage({ compile: t1 - t0, top: t2 - t1, decide: t3 - t2, verdict: options.allowEvent ? "allow" : JSON.parse(options.contextData).verdict });
  },
});
}
`;

/**
 * The policy on the item as Send Guard leaves it there (compose start, the task pane or an
 * earlier Send keep the policy they fetched, validated and sealed); `text` gives it as a policy
 * file's text instead, which the handler must validate (an item whose policy nobody fetched).
 * `fetched-sealed` and `fetched-text`: nothing on the item (a draft reopened from the Drafts
 * folder, where no compose-start event ran), and policy.json answers as Send Guard's server does
 * for the handler (sealed) or as a static host does (the file's text).
 */
function itemPolicy(form) {
  const file = { internalDomains: ["mirai-shoji.co.jp"] };
  if (form === "text" || form === "fetched-text") return JSON.stringify(file);
  const { parsePolicy, sealedPolicyText } = require(path.join(ROOT, "build/policy"));
  return sealedPolicyText(parsePolicy(file).policy);
}

function runWorker(data) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const worker = new Worker(WORKER, { eval: true, workerData: data });
    worker.once("message", (m) => {
      const wall = performance.now() - start;
      void worker.terminate().then(() => resolve({ ...m, wall }));
    });
    worker.once("error", reject);
  });
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Per count: compile, top level, decision and their sum (median, p95 over `runs` workers), and the
 * empty worker's wall time. `internal`: every recipient a colleague (the usual Send), instead of
 * the mix of carriers, mail services and first-time companies. `memory`: a correspondence memory
 * (its stored JSON text) in roaming settings, the recipients being people it remembers.
 */
async function measure(runs = 40, counts = [5, 50, 500], bundle = path.join(ROOT, "dist/launchevent.js"), form = "sealed", internal = false, memory = undefined) {
  const source = fs.readFileSync(bundle, "utf8");
  const policyText = itemPolicy(form);
  const empty = [];
  const rows = [];
  for (const count of counts) {
    const samples = [];
    for (let i = 0; i < runs + 3; i++) {
      // Alternate with an empty worker, so both see the same minutes of this machine.
      const e = await runWorker({ empty: true });
      const r = await runWorker({ source, count, policyText, fetched: form.startsWith("fetched-"), internal, memory });
      if (i < 3) continue; // the first workers warm the process (loading node's own worker code)
      empty.push(e.wall);
      samples.push(r);
    }
    const pick = (k) => stats(samples.map((s) => s[k]));
    const total = stats(samples.map((s) => s.compile + s.top + s.decide));
    const wallMinusEmpty = stats(samples.map((s, i) => s.wall - empty[empty.length - samples.length + i]));
    rows.push({ count, compile: pick("compile"), top: pick("top"), load: stats(samples.map((s) => s.compile + s.top)), decide: pick("decide"), total, wallMinusEmpty, verdict: samples[0].verdict });
  }
  return { rows, empty: stats(empty), bytes: Buffer.byteLength(source), form, internal };
}

function print(result, log = console.log) {
  const f = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
  const item = result.form === "text" ? "the policy on the item as a policy file's text (validated at Send)" : "the policy on the item sealed, as compose start leaves it";
  log(`Fresh runtime per send (a new V8 isolate per send: worker thread; dist/launchevent.js ${result.bytes} B; ${item}${result.internal ? "; colleagues only" : ""}), median / p95 ms`);
  log("recipients  compile      top level    load (c+t)   decide       total        worker wall − empty worker  verdict");
  for (const r of result.rows) {
    log(`${String(r.count).padEnd(10)}  ${f(r.compile).padEnd(11)}  ${f(r.top).padEnd(11)}  ${f(r.load).padEnd(11)}  ${f(r.decide).padEnd(11)}  ${f(r.total).padEnd(11)}  ${f(r.wallMinusEmpty).padEnd(26)}  ${r.verdict}`);
  }
  log(`(an empty worker: ${f(result.empty)} ms wall, not counted; targets: total ≤ 12 ms at 5 recipients, ≤ 25 ms at 500; compile + top level ≤ 8 ms)`);
}

/**
 * Two builds of launchevent.js measured alternately, round after round, so that both see the same
 * minutes of a machine whose speed drifts (only such a comparison says what a change did). Prints
 * each round's medians (load = compile + top level, decide, total) and the median over the rounds.
 */
async function compare(bundles, runs = 12, rounds = 3, counts = [5, 500], log = console.log) {
  const totals = bundles.map(() => counts.map(() => ({ load: [], decide: [], total: [] })));
  for (let round = 1; round <= rounds; round++) {
    for (let b = 0; b < bundles.length; b++) {
      const result = await measure(runs, counts, bundles[b]);
      const cells = result.rows.map((r, i) => {
        for (const k of ["load", "decide", "total"]) totals[b][i][k].push(r[k].median);
        return `${r.count}: ${r.load.median.toFixed(1)} + ${r.decide.median.toFixed(1)} = ${r.total.median.toFixed(1)}`;
      });
      log(`round ${round}  ${path.relative(process.cwd(), bundles[b]).padEnd(28)}  ${cells.join("   ")}  (${result.bytes} B)`);
    }
  }
  const mid = (xs) => stats(xs).median.toFixed(1);
  for (let b = 0; b < bundles.length; b++) {
    log(`median of rounds  ${bundles[b]}: ${counts.map((c, i) => `${c}: load ${mid(totals[b][i].load)}, decide ${mid(totals[b][i].decide)}, total ${mid(totals[b][i].total)}`).join("; ")}`);
  }
}

module.exports = { measure, print, compare };

if (require.main === module) {
  if (process.argv[2] === "compare") {
    // node bench/fresh-runtime.js compare <a/launchevent.js> <b/launchevent.js> [runs per row] [rounds]
    const [a, b, runs, rounds] = process.argv.slice(3);
    if (!a || !b) {
      console.error("usage: node bench/fresh-runtime.js compare <a/launchevent.js> <b/launchevent.js> [runs] [rounds]");
      process.exit(2);
    }
    void compare([path.resolve(a), path.resolve(b)], Number(runs || 12), Number(rounds || 3));
  } else {
    const runs = Number(process.argv[2] || 40);
    const bundle = process.argv[3] ? path.resolve(process.argv[3]) : undefined;
    void measure(runs, [5, 50, 500], bundle, process.argv[4] || "sealed", process.argv[5] === "internal").then((r) => print(r));
  }
}
