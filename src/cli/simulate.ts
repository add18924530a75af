import { CorrespondenceMemory } from "../memory/correspondence";
import { doubtedAddresses, lessonOf, threadLessonOf } from "../memory/lesson";
import { addressKey, evaluate, isDomainOrSubdomain, type Policy } from "../policy";
import type { ComposeStart, Evaluation, FindingCode, Level, Verdict } from "../shared/types";
import type { ExportItem, ExportMessage } from "./mail-export";

/**
 * `send-guard simulate`: a mailbox export replayed in date order as the add-in would have seen
 * it. Messages from an internal address are sends and are judged with the same engine and the
 * same memory code as the add-in; the others are received mail, kept as thread parents. Each
 * sender's memory learns from its sends as the add-in does, assuming every send went out
 * (approved where it needed approval); a reply starts with its parent's participants as the
 * compose-start record, as reply-all would.
 */
export interface SimulatedSend {
  file: string;
  date: string | undefined;
  verdict: Verdict;
  fingerprint: string;
  findings: { code: FindingCode; level: Exclude<Level, "off">; evidence: unknown }[];
  /** Whether the sender's memory changed with this send (its reply thread, or the send itself). */
  learned: boolean;
  /** Judged as a reply (with the parent's participants as the compose-start record). */
  reply: boolean;
}

export interface WeekSummary {
  /** Monday of the week (UTC), YYYY-MM-DD; "undated" for messages without a date. */
  week: string;
  sends: number;
  confirm: number;
  review: number;
  block: number;
}

export interface SimulationSummary {
  messages: number;
  sends: number;
  received: number;
  unreadable: number;
  replies: number;
  verdicts: Record<Verdict, number>;
  /** Sends that prompted anyone (confirm, review or block). */
  prompts: number;
  promptsPer100Sends: number;
  reviewsPer100Sends: number;
  /** Findings by rule and level (a send with two findings counts in both). */
  byRule: Partial<Record<FindingCode, Partial<Record<Exclude<Level, "off">, number>>>>;
  byWeek: WeekSummary[];
  memory: { senders: number; addresses: number; groups: number };
}

export interface SimulationResult {
  sends: SimulatedSend[];
  unreadable: { file: string; error: string }[];
  summary: SimulationSummary;
}

interface Participants {
  from: string | undefined;
  to: string[];
  cc: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

function mondayOf(date: Date | undefined): string {
  if (!date) return "undated";
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Messages in date order; one without a date keeps its place after the message before it in the export. */
function inDateOrder(messages: ExportMessage[]): ExportMessage[] {
  let last = 0;
  const keyed = messages.map((message, index) => {
    const time = message.meta.date?.getTime();
    if (time !== undefined) last = time;
    return { message, index, time: time ?? last };
  });
  keyed.sort((a, b) => a.time - b.time || a.index - b.index);
  return keyed.map((k) => k.message);
}

/** As reply-all starts: the parent's sender in To, its To and CC in CC, without the one replying. */
function replyAllOf(parent: Participants, sender: string | undefined): ComposeStart {
  const self = sender ? addressKey(sender) : undefined;
  const others = (list: (string | undefined)[]) => list.filter((a): a is string => !!a && addressKey(a) !== self);
  return { type: "reply", to: others([parent.from]), cc: others([...parent.to, ...parent.cc]) };
}

export interface SimulateOptions {
  /** Attachments whose bytes are known are inspected (the CLI's inspector). */
  inspect: (message: ExportMessage) => Promise<ExportMessage["draft"]>;
  /** The salt of each new memory (tests pin it); random otherwise, as in the add-in. */
  salt?: () => Uint8Array;
}

export async function simulate(items: readonly ExportItem[], policy: Policy, options: SimulateOptions): Promise<SimulationResult> {
  const unreadable = items.filter((i): i is { file: string; error: string } => "error" in i);
  const messages = inDateOrder(items.filter((i): i is ExportMessage => !("error" in i)));
  const ours = [...policy.internalDomains];
  const isInternal = (address: string | undefined) => {
    const key = address ? addressKey(address) : undefined;
    const domain = key?.slice(key.lastIndexOf("@") + 1);
    return !!domain && ours.some((base) => isDomainOrSubdomain(domain, base));
  };

  const threads = new Map<string, Participants>();
  const memories = new Map<string, CorrespondenceMemory>();
  const sends: SimulatedSend[] = [];
  const byRule: SimulationSummary["byRule"] = {};
  const weeks = new Map<string, WeekSummary>();
  const verdicts: Record<Verdict, number> = { allow: 0, confirm: 0, review: 0, block: 0 };
  let received = 0;
  let replies = 0;

  for (const message of messages) {
    const { draft, meta } = message;
    const participants: Participants = { from: draft.from, to: draft.to.map((r) => r.emailAddress), cc: draft.cc.map((r) => r.emailAddress) };
    if (!isInternal(draft.from)) {
      received += 1;
      if (meta.messageId) threads.set(meta.messageId, participants);
      continue;
    }
    const senderKey = addressKey(draft.from ?? "") ?? "";
    let memory = memories.get(senderKey);
    if (!memory) {
      memory = CorrespondenceMemory.empty(options.salt?.());
      memories.set(senderKey, memory);
    }
    const parentId = meta.inReplyTo ?? meta.references?.[meta.references.length - 1];
    const parent = parentId ? threads.get(parentId) : undefined;
    const composeStart = message.context.composeStart ?? (parent ? replyAllOf(parent, draft.from) : undefined);
    // As the compose-start event does: a reply's participants had received the message together.
    const taughtByThread = composeStart && policy.memory.learn ? memory.learn(threadLessonOf(composeStart, policy), meta.date?.getTime() ?? 0) : false;
    const inspected = await options.inspect(message);
    // As in the add-in, a mailbox that never learned anything has no memory at all (no "first time" marks).
    const known = policy.memory.enabled && memory.counts().addresses > 0 ? memory : undefined;
    const evaluation: Evaluation = evaluate(inspected, policy, { composeStart, memory: known });
    const goesOut = evaluation.verdict !== "block" && (evaluation.verdict !== "confirm" || policy.memory.learnOnConfirm);
    // As the add-in: a confirm teaches nothing about the addresses it asks about; a review is assumed approved and teaches all.
    const doubted = evaluation.verdict === "confirm" ? doubtedAddresses(evaluation.findings) : new Set<string>();
    const learned = (policy.memory.learn && goesOut ? memory.learn(lessonOf(inspected, policy, doubted), meta.date?.getTime() ?? 0) : false) || taughtByThread;
    if (meta.messageId) threads.set(meta.messageId, participants);

    const reply = composeStart?.type === "reply";
    if (reply) replies += 1;
    verdicts[evaluation.verdict] += 1;
    for (const finding of evaluation.findings) {
      const rule = (byRule[finding.code] ??= {});
      rule[finding.level] = (rule[finding.level] ?? 0) + 1;
    }
    const week = mondayOf(meta.date);
    const row = weeks.get(week) ?? { week, sends: 0, confirm: 0, review: 0, block: 0 };
    row.sends += 1;
    if (evaluation.verdict !== "allow") row[evaluation.verdict] += 1;
    weeks.set(week, row);
    sends.push({
      file: message.file,
      date: meta.date?.toISOString(),
      verdict: evaluation.verdict,
      fingerprint: evaluation.fingerprint,
      findings: evaluation.findings.map(({ code, level, evidence }) => ({ code, level, evidence })),
      learned,
      reply,
    });
  }

  const prompts = sends.length - verdicts.allow;
  const per100 = (n: number) => (sends.length === 0 ? 0 : round((n / sends.length) * 100));
  const memoryTotals = [...memories.values()].map((m) => m.counts());
  return {
    sends,
    unreadable,
    summary: {
      messages: messages.length,
      sends: sends.length,
      received,
      unreadable: unreadable.length,
      replies,
      verdicts,
      prompts,
      promptsPer100Sends: per100(prompts),
      reviewsPer100Sends: per100(verdicts.review),
      byRule,
      byWeek: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
      memory: {
        senders: memories.size,
        addresses: memoryTotals.reduce((sum, c) => sum + c.addresses, 0),
        groups: memoryTotals.reduce((sum, c) => sum + c.groups, 0),
      },
    },
  };
}
