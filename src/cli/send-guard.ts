import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { CATALOGS, describeFinding, type Language } from "../i18n";
import { DEFAULT_POLICY, evaluate, formatPolicyErrors, parsePolicyText, type Policy } from "../policy";
import type { Evaluation, Finding } from "../shared/types";
import { inspectFile, limitsOf, toInspection } from "../inspect";
import type { Draft } from "../shared/types";
import { InputError, MAX_INPUT_BYTES, parseDraftJson, parseEml } from "./draft-file";
import { readExport, type ExportItem } from "./mail-export";
import { renderReport } from "./report";
import { simulate, type SimulationResult } from "./simulate";

export const EXIT_ALLOWED = 0;
export const EXIT_USAGE = 2;
export const EXIT_NOT_ALLOWED = 3;

const USAGE = `Usage: send-guard check [--policy FILE] [--json] [--lang en|ja] FILE...
       send-guard simulate [--policy FILE] [--json] [--report FILE.html] [--lang en|ja] PATH...

check     Checks drafts the way Send Guard checks a message at Send.
          FILE is a draft JSON file or an RFC 5322 message (.eml).
simulate  Replays a mailbox export in date order as the add-in would have seen it and
          counts the prompts: folders, .eml, mbox, Outlook .msg and .pst/.ost, draft JSON.
          Messages from an internal address are sends and are judged; the rest are received
          mail (thread parents). --report writes the same as an HTML page with charts.
Without --policy, ./policy.json is used when it exists, else the built-in defaults.

Exit status of check: 0 every file is allowed; 3 any file is not; 2 bad usage or unreadable input.
Exit status of simulate: 0 it ran (unreadable messages are listed and counted); 2 bad usage,
or nothing could be read.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

class UsageError extends Error {}

function readInput(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError("file not found");
  }
  if (!stat.isFile()) throw new InputError("not a regular file");
  if (stat.size > MAX_INPUT_BYTES) throw new InputError(`larger than ${MAX_INPUT_BYTES} bytes`);
  return fs.readFileSync(file);
}

function loadPolicy(option: string | undefined, cwd: string): { policy: Policy; source: string } {
  const file = option ? path.resolve(cwd, option) : path.join(cwd, "policy.json");
  if (!option && !fs.existsSync(file)) return { policy: DEFAULT_POLICY, source: "built-in defaults" };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`policy ${file}: cannot be read`);
  }
  const result = parsePolicyText(text);
  if (!result.ok) throw new UsageError(`policy ${file}: ${formatPolicyErrors(result.errors)}`);
  return { policy: result.policy, source: file };
}

async function readDraft(file: string, bytes: Buffer) {
  const looksJson = /^\s*[{[]/.test(bytes.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, ""));
  if (file.toLowerCase().endsWith(".json") || (looksJson && !file.toLowerCase().endsWith(".eml"))) {
    return parseDraftJson(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  }
  return parseEml(bytes);
}

/** Attachments whose bytes are known (in .eml files, or contentBase64 in drafts) are inspected for their content. */
async function withInspections(draft: Draft, contents: (Uint8Array | undefined)[], policy: Policy): Promise<Draft> {
  const limits = limitsOf(policy.inspection);
  const attachments = await Promise.all(
    draft.attachments.map(async (attachment, i) => {
      const bytes = contents[i];
      if (!bytes || attachment.isInline) return attachment;
      return { ...attachment, inspection: toInspection(await inspectFile(attachment.name, bytes, limits)) };
    }),
  );
  return { ...draft, attachments };
}

function renderTable(results: { file: string; evaluation: Evaluation }[], language: Language): string {
  const text = CATALOGS[language];
  const lines: string[] = [];
  const width = Math.max(4, ...results.map((r) => r.file.length));
  lines.push(`${"FILE".padEnd(width)}  VERDICT  FINDINGS`);
  for (const { file, evaluation } of results) {
    const codes = evaluation.findings.map((f) => `${f.code}(${f.level})`).join(", ") || "-";
    lines.push(`${file.padEnd(width)}  ${evaluation.verdict.padEnd(7)}  ${codes}`);
    for (const finding of evaluation.findings) lines.push(`${" ".repeat(width)}    - ${describeFinding(finding, language)}`);
  }
  if (results.length > 0 && results.every((r) => r.evaluation.verdict === "allow")) lines.push(text.verdictLabel.allow);
  return lines.join("\n");
}

async function runSimulate(paths: string[], policy: Policy, source: string, options: { json: boolean; report: string | undefined; lang: Language }, io: Io): Promise<number> {
  const items: ExportItem[] = [];
  for await (const item of readExport(paths, io.cwd)) items.push(item);
  const result = await simulate(items, policy, { inspect: (message) => withInspections(message.draft, message.contents, policy) });
  for (const bad of result.unreadable) io.err(`send-guard: ${bad.file}: ${bad.error}`);
  if (result.summary.messages === 0) {
    io.err("send-guard: no message could be read");
    return EXIT_USAGE;
  }
  if (options.report) fs.writeFileSync(path.resolve(io.cwd, options.report), renderReport(result, options.lang, `policy: ${source}`));
  if (options.json) io.out(JSON.stringify({ messages: result.sends, summary: result.summary }, null, 2));
  else io.out(renderSimulation(result, options.lang));
  return EXIT_ALLOWED;
}

function renderSimulation(result: SimulationResult, language: Language): string {
  const s = result.summary;
  const lines: string[] = [];
  const prompted = result.sends.filter((send) => send.verdict !== "allow");
  const width = Math.max(4, ...prompted.map((p) => p.file.length));
  if (prompted.length > 0) lines.push(`${"FILE".padEnd(width)}  DATE                      VERDICT  FINDINGS`);
  for (const send of prompted) {
    lines.push(`${send.file.padEnd(width)}  ${(send.date ?? "-").padEnd(24)}  ${send.verdict.padEnd(7)}  ${send.findings.map((f) => `${f.code}(${f.level})`).join(", ")}`);
    for (const finding of send.findings) lines.push(`${" ".repeat(width)}    - ${describeFinding(finding as Finding, language)}`);
  }
  lines.push(
    "",
    `messages ${s.messages}: ${s.sends} sends judged (${s.replies} as replies), ${s.received} received, ${s.unreadable} unreadable`,
    `prompts: ${s.prompts} of ${s.sends} sends (${s.promptsPer100Sends} per 100): confirm ${s.verdicts.confirm}, review ${s.verdicts.review} (${s.reviewsPer100Sends} per 100), block ${s.verdicts.block}`,
  );
  for (const [code, levels] of Object.entries(s.byRule)) lines.push(`  ${code}: ${Object.entries(levels).map(([level, n]) => `${level} ${n}`).join(", ")}`);
  lines.push("per week (Monday, sends, confirm, review, block):");
  for (const w of s.byWeek) lines.push(`  ${w.week}  ${w.sends}  ${w.confirm}  ${w.review}  ${w.block}`);
  lines.push(`memory at the end: ${s.memory.senders} senders, ${s.memory.addresses} addresses, ${s.memory.groups} groups`);
  return lines.join("\n");
}

/** Runs `send-guard` with the given arguments; resolves to the exit status. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        policy: { type: "string" },
        json: { type: "boolean", default: false },
        lang: { type: "string", default: "en" },
        report: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return EXIT_ALLOWED;
    }
    const [command, ...files] = positionals;
    if (command !== "check" && command !== "simulate") throw new UsageError(command ? `unknown command "${command}"` : "missing command");
    if (files.length === 0) throw new UsageError(command === "check" ? "no FILE given" : "no PATH given");
    if (values.lang !== "en" && values.lang !== "ja") throw new UsageError(`--lang must be en or ja, got "${values.lang}"`);
    if (values.report !== undefined && command !== "simulate") throw new UsageError("--report is an option of simulate");
    const { policy, source } = loadPolicy(values.policy, io.cwd);
    if (command === "simulate") return await runSimulate(files, policy, source, { json: values.json, report: values.report, lang: values.lang }, io);

    const results: { file: string; evaluation: Evaluation }[] = [];
    let unreadable = false;
    for (const file of files) {
      try {
        const { draft, contents, context } = await readDraft(file, readInput(path.resolve(io.cwd, file)));
        results.push({ file, evaluation: evaluate(await withInspections(draft, contents, policy), policy, context) });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        unreadable = true;
        io.err(`send-guard: ${file}: ${error.message}`);
      }
    }
    if (values.json) {
      io.out(
        JSON.stringify(
          results.map(({ file, evaluation }) => ({
            file,
            verdict: evaluation.verdict,
            fingerprint: evaluation.fingerprint,
            findings: evaluation.findings.map(({ code, level, evidence }) => ({ code, level, evidence })),
          })),
          null,
          2,
        ),
      );
    } else if (results.length > 0) {
      io.out(renderTable(results, values.lang));
    }
    if (unreadable) return EXIT_USAGE;
    return results.every((r) => r.evaluation.verdict === "allow") ? EXIT_ALLOWED : EXIT_NOT_ALLOWED;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`send-guard: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
