/**
 * Review service benchmark (part of `npm run bench`; alone: `node bench/review.js [embedded|postgres]`).
 *
 * Starts the real server process (build/server/main.js) on 127.0.0.1 with the embedded
 * database in a temporary folder, then with PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test in a fresh schema), and measures over real HTTP
 * from this process:
 *  - create + approve latency (p50 / p99) under an open-loop load of 200 requests/s
 *    (100 creates/s and 100 approvals/s) for 5 s;
 *  - throughput: create + approve pairs per second with 16 requests in flight;
 *  - approve → the sender's Server-Sent Event, p50 / p99.
 * Targets (issue 4): p99 under 50 ms at 200 requests/s on the embedded database; SSE under 200 ms p99.
 */
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { EventSource } = require("eventsource");

const ROOT = path.resolve(__dirname, "..");
const { fingerprint } = require(path.join(ROOT, "build/policy"));
const { draftSnapshot } = require(path.join(ROOT, "build/approval"));

const CARRIERS = ["docomo.ne.jp", "ezweb.ne.jp", "gmail.com", "yahoo.co.jp"];
const SENDER = "tanaka@mirai-shoji.co.jp";
const REVIEWER = "kacho@mirai-shoji.co.jp";

function requestBody(i) {
  const draft = {
    from: SENDER,
    to: [{ emailAddress: "jimu@mirai-shoji.co.jp", recipientType: "user" }],
    cc: Array.from({ length: 20 }, (_, k) => ({ emailAddress: `parent${i}-${k}@${CARRIERS[k % CARRIERS.length]}`, recipientType: "externalUser" })),
    bcc: [],
    subject: `保護者会のお知らせ ${i}`,
    attachments: [{ name: "案内.pdf", size: 120000 }],
  };
  return JSON.stringify({ snapshot: draftSnapshot(draft, SENDER), fingerprint: fingerprint(draft), reviewer: REVIEWER, note: "bench" });
}

/**
 * The bench's own policy (its sender, reviewer and internal domain), whatever policy the build
 * embeds: a deployment's policy.json with other domains would refuse the bench's demo users.
 */
const BENCH_POLICY = {
  internalDomains: ["mirai-shoji.co.jp"],
  review: { reviewers: [{ address: REVIEWER, name: "山田 課長", reviews: ["@mirai-shoji.co.jp"] }] },
};

function startServer(env) {
  const policyDir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-bench-policy-"));
  const policyFile = path.join(policyDir, "policy.json");
  fs.writeFileSync(policyFile, JSON.stringify(BENCH_POLICY));
  const child = spawn(process.execPath, [path.join(ROOT, "build/server/main.js")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: "0", SEND_GUARD_PLAYGROUND: "off", SEND_GUARD_POLICY: policyFile, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      output += d.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, base: match[1] });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      fs.rmSync(policyDir, { recursive: true, force: true });
      reject(new Error(`server exited (${code}): ${output}`));
    });
  });
}

async function json(base, method, url, token, body) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
    body,
  });
  const parsed = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

const signIn = async (base, email) => (await json(base, "POST", "/api/dev/sign-in", undefined, JSON.stringify({ email }))).token;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function createAndApprove(base, tokens, i, timings) {
  let t = performance.now();
  const review = await json(base, "POST", "/api/reviews", tokens.sender, requestBody(i));
  timings.create.push(performance.now() - t);
  t = performance.now();
  await json(base, "POST", `/api/reviews/${review.id}/decision`, tokens.reviewer, JSON.stringify({ decision: "approve", acknowledged: review.checks.map((c) => c.key) }));
  timings.approve.push(performance.now() - t);
  return review;
}

/** Open loop: a new create+approve pair every 10 ms (100 pairs/s = 200 requests/s), whatever the answers' speed. */
async function openLoop(base, tokens, seconds) {
  const timings = { create: [], approve: [] };
  const pairs = seconds * 100;
  const started = performance.now();
  const all = [];
  for (let i = 0; i < pairs; i++) {
    const due = started + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    all.push(createAndApprove(base, tokens, i, timings));
  }
  await Promise.all(all);
  return { timings, seconds: (performance.now() - started) / 1000, requests: pairs * 2 };
}

async function throughput(base, tokens, seconds, inFlight) {
  const timings = { create: [], approve: [] };
  const end = performance.now() + seconds * 1000;
  let pairs = 0;
  let i = 100000;
  await Promise.all(
    Array.from({ length: inFlight / 2 }, async () => {
      while (performance.now() < end) {
        await createAndApprove(base, tokens, i++, timings);
        pairs++;
      }
    }),
  );
  return pairs / seconds;
}

async function sseLatency(base, tokens, samples) {
  const waiting = new Map();
  const source = new EventSource(`${base}/api/events`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${tokens.sender}` } }),
  });
  await new Promise((resolve) => source.addEventListener("ready", resolve));
  source.addEventListener("review", (message) => {
    const event = JSON.parse(message.data);
    const entry = waiting.get(event.id);
    if (entry && event.status === "approved") entry(performance.now());
  });
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    const review = await json(base, "POST", "/api/reviews", tokens.sender, requestBody(200000 + i));
    const arrived = new Promise((resolve) => waiting.set(review.id, resolve));
    const t = performance.now();
    await json(base, "POST", `/api/reviews/${review.id}/decision`, tokens.reviewer, JSON.stringify({ decision: "approve", acknowledged: review.checks.map((c) => c.key) }));
    latencies.push((await arrived) - t);
  }
  source.close();
  return latencies;
}

async function benchEngine(name, env) {
  const server = await startServer(env);
  try {
    const tokens = { sender: await signIn(server.base, SENDER), reviewer: await signIn(server.base, REVIEWER) };
    // Warm up: JIT, connection pool, first-use paths.
    await openLoop(server.base, tokens, 1);
    const load = await openLoop(server.base, tokens, 5);
    const both = [...load.timings.create, ...load.timings.approve];
    const rate = load.requests / load.seconds;
    const pairsPerSecond = await throughput(server.base, tokens, 3, 16);
    const sse = await sseLatency(server.base, tokens, 100);
    console.log(`${name}:`);
    console.log(`  open loop ${rate.toFixed(0)} requests/s for ${load.seconds.toFixed(1)} s: create p50 ${fmt(percentile(load.timings.create, 50))} p99 ${fmt(percentile(load.timings.create, 99))}; approve p50 ${fmt(percentile(load.timings.approve, 50))} p99 ${fmt(percentile(load.timings.approve, 99))}; all p99 ${fmt(percentile(both, 99))}`);
    console.log(`  throughput (16 in flight): ${pairsPerSecond.toFixed(0)} create+approve pairs/s (${(pairsPerSecond * 2).toFixed(0)} requests/s)`);
    console.log(`  approve → sender's Server-Sent Event (${sse.length} samples): p50 ${fmt(percentile(sse, 50))} p99 ${fmt(percentile(sse, 99))}`);
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.on("exit", resolve));
  }
}

async function run(which = ["embedded", "postgres"]) {
  console.log("Review service (server process on 127.0.0.1, load from this process; 20 CC recipients per request)");
  if (which.includes("embedded")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-bench-"));
    try {
      await benchEngine("embedded (PGlite on disk)", { SEND_GUARD_DATA: dir });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (which.includes("postgres")) {
    const pg = require("pg");
    const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const schema = `sg_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
    } catch (error) {
      console.log(`postgres: skipped (${url} unreachable: ${error.message})`);
      return;
    }
    await admin.query(`create schema ${schema}`);
    try {
      const separator = url.includes("?") ? "&" : "?";
      await benchEngine("PostgreSQL", { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` });
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
}

module.exports = { run };

if (require.main === module) {
  const which = process.argv.slice(2);
  run(which.length ? which : undefined).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
