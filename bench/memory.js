/**
 * The correspondence memory and `send-guard simulate` (issue 14):
 *  - the OnMessageSend handler (built dist/launchevent.js in node:vm) with a full memory
 *    (2,000 addresses, 500 groups) in roaming settings against none, same messages, same
 *    minutes: still one round of Office calls, per-send time within 10 %;
 *  - a Send to outside domains nobody has written to (the look-alike search hashes variants);
 *  - simulate: messages per second over 10,000 generated messages (sends, replies, received).
 */
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { performance } = require("node:perf_hooks");

const ROOT = path.resolve(__dirname, "..");
const BUNDLE = fs.readFileSync(path.join(ROOT, "dist/launchevent.js"), "utf8");
const { CorrespondenceMemory } = require(path.join(ROOT, "build/memory/correspondence"));
const { simulate } = require(path.join(ROOT, "build/cli/simulate"));
const { parsePolicy } = require(path.join(ROOT, "build/policy"));

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
};
const fmt = (ms) => `${ms.toFixed(3)} ms`;

/** 2,000 addresses at 400 domains and 500 groups of 4, as a long-used mailbox would hold. */
function fullMemory() {
  const memory = CorrespondenceMemory.empty();
  for (let i = 0; i < 500; i++) memory.learn({ addresses: [], group: [0, 1, 2, 3].map((j) => `p${i * 4 + j}@org${(i * 4 + j) % 400}.co.jp`) }, i);
  return memory.encode();
}

function office(recipients, stored) {
  let wave = 0;
  const waves = new Set();
  const reply = (value) => (callback) => {
    waves.add(wave);
    setImmediate(() => {
      wave += 1;
      callback({ status: "succeeded", value });
    });
  };
  const session = { "sendguard.policy": JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"] }) };
  const settings = { ...stored };
  const list = (from, to) => recipients.slice(from, to).map((emailAddress) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" }));
  const half = Math.ceil(recipients.length / 2);
  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    actions: { associate: (name, fn) => (Office.handlers[name] = fn) },
    handlers: {},
    context: {
      displayLanguage: "ja-JP",
      requirements: { isSetSupported: () => true },
      roamingSettings: { get: (k) => settings[k] ?? null, set: (k, v) => (settings[k] = v), remove: (k) => delete settings[k], saveAsync: reply(undefined) },
      mailbox: {
        userProfile: { emailAddress: "tanaka@mirai-shoji.co.jp" },
        item: {
          to: { getAsync: reply(list(0, half)) },
          cc: { getAsync: reply(list(half)) },
          bcc: { getAsync: reply([]) },
          from: { getAsync: reply({ emailAddress: "tanaka@mirai-shoji.co.jp" }) },
          subject: { getAsync: reply("ご案内") },
          getAttachmentsAsync: reply([]),
          sessionData: { getAsync: (key, cb) => reply(session[key])(cb), setAsync: (key, value, cb) => reply(undefined)(cb) },
        },
      },
    },
  };
  return { Office, waves };
}

async function send(recipients, stored, cold, state) {
  const { Office, waves } = office(recipients, stored);
  if (cold || !state.context) {
    state.context = vm.createContext({ Office, setTimeout, clearTimeout });
    vm.runInContext(BUNDLE, state.context);
    state.handler = Office.handlers.onMessageSendHandler;
  } else state.context.Office = Office;
  const start = performance.now();
  const options = await new Promise((resolve) => state.handler({ completed: resolve }));
  return { ms: performance.now() - start, rounds: waves.size, verdict: options.allowEvent ? "allow" : JSON.parse(options.contextData).verdict };
}

/** Alternating runs (A, B, A, B…) so that both see the same machine minutes. */
async function compare(recipients, memory, iterations, cold) {
  const none = [];
  const full = [];
  let rounds = 0;
  let verdicts = "";
  const stateA = {};
  const stateB = {};
  for (let i = 0; i < iterations; i++) {
    const a = await send(recipients, {}, cold, stateA);
    const b = await send(recipients, { "sendguard.memory": memory }, cold, stateB);
    if (i >= iterations / 5) {
      none.push(a.ms);
      full.push(b.ms);
    }
    rounds = Math.max(rounds, a.rounds, b.rounds);
    verdicts = `${a.verdict} / ${b.verdict}`;
  }
  return { none: stats(none), full: stats(full), rounds, verdicts };
}

function generatedMailbox(count) {
  const items = [];
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 15 * 60 * 1000);
    const group = i % 50;
    const outside = [0, 1, 2].map((j) => ({ emailAddress: `c${group}-${j}@org${(group * 3 + j) % 120}.co.jp` }));
    if (i % 3 === 0) {
      items.push({ file: `m${i}.eml`, draft: { from: outside[0].emailAddress, to: [{ emailAddress: "tanaka@mirai-shoji.co.jp" }], cc: outside.slice(1), bcc: [], subject: "問い合わせ", attachments: [] }, contents: [], context: {}, meta: { date, messageId: `m${i}@org` } });
    } else {
      const parent = i % 3 === 1 ? `m${i - 1}@org` : undefined;
      items.push({ file: `m${i}.json`, draft: { from: "tanaka@mirai-shoji.co.jp", to: outside.slice(0, 1), cc: outside.slice(1), bcc: [], subject: "RE: 問い合わせ", attachments: [] }, contents: [], context: {}, meta: { date, messageId: `s${i}@mirai`, inReplyTo: parent } });
    }
  }
  return items;
}

async function run() {
  const memory = fullMemory();
  const counts = CorrespondenceMemory.decode(memory).counts();
  console.log(`Correspondence memory (issue 14): ${counts.addresses} addresses, ${counts.groups} groups, ${JSON.stringify(memory).length} characters in roaming settings`);
  console.log("OnMessageSend with no memory vs that memory (same messages, alternating runs; recipients are all remembered)");
  console.log("runtime  recipients  no memory median / p95      full memory median / p95    rounds  verdicts");
  for (const cold of [false, true]) {
    for (const [count, iterations] of [[5, 200], [50, 200], [500, 60]]) {
      const known = Array.from({ length: count }, (_, i) => `p${i % 2000}@org${i % 2000 % 400}.co.jp`);
      const r = await compare(known, memory, iterations, cold);
      console.log(`${(cold ? "cold" : "warm").padEnd(7)}  ${String(count).padEnd(10)}  ${fmt(r.none.median)} / ${fmt(r.none.p95)}    ${fmt(r.full.median)} / ${fmt(r.full.p95)}    ${r.rounds}       ${r.verdicts}`);
    }
  }
  const fresh = Array.from({ length: 5 }, (_, i) => `someone@new-company-${i}.co.jp`);
  const unknown = await compare(fresh, memory, 60, false);
  console.log(`A Send to 5 outside domains nobody wrote to (look-alike search of the memory by hashed variants): no memory ${fmt(unknown.none.median)}, full memory ${fmt(unknown.full.median)} (p95 ${fmt(unknown.full.p95)}), ${unknown.verdicts}`);

  const policy = parsePolicy({ internalDomains: ["mirai-shoji.co.jp"] }).policy;
  const items = generatedMailbox(10000);
  const started = performance.now();
  const result = await simulate(items, policy, { inspect: async (m) => m.draft });
  const seconds = (performance.now() - started) / 1000;
  console.log(`simulate: ${items.length} generated messages (${result.summary.sends} sends, ${result.summary.replies} replies, ${result.summary.received} received) in ${seconds.toFixed(2)} s = ${Math.round(items.length / seconds)} messages/s; ${result.summary.prompts} prompts`);
}

module.exports = { run, fullMemory };
if (require.main === module) run();
