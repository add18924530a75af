import { CorrespondenceMemory } from "../memory/correspondence";
import { receivedLessonOf, type ReceivedMessage } from "../memory/lesson";
import type { Policy } from "../policy";
import type { TokenRequester } from "../ui/sign-in";
import type { PaneHost } from "./host";

/** The narrowest Graph permission that lists messages with their recipients: no bodies, no attachments. */
export const GRAPH_SCOPE = "https://graph.microsoft.com/Mail.ReadBasic";
/** The latest inbox messages read, newest first (one request). */
export const INBOX_MESSAGES = 100;
export const INBOX_URL = `https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$select=from,toRecipients,ccRecipients&$orderby=receivedDateTime%20desc&$top=${INBOX_MESSAGES}`;

export type InboxOutcome =
  | { kind: "off" }
  /** No token without asking (no consent for Mail.ReadBasic, no provider session): nothing is asked, nothing learned. */
  | { kind: "no-token"; reason: string }
  | { kind: "graph-error"; status: number }
  | { kind: "learned"; messages: number; changed: boolean };

const addressOf = (value: unknown): string | undefined => {
  const address = (value as { emailAddress?: { address?: unknown } } | null)?.emailAddress?.address;
  return typeof address === "string" && address.includes("@") ? address : undefined;
};

/** Graph's answer as messages; an entry in any other shape is skipped, never guessed at. */
export function receivedMessages(body: unknown): ReceivedMessage[] {
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): ReceivedMessage[] => {
    if (!entry || typeof entry !== "object") return [];
    const e = entry as { from?: unknown; toRecipients?: unknown; ccRecipients?: unknown };
    const list = (v: unknown) => (Array.isArray(v) ? v.map(addressOf).filter((a): a is string => a !== undefined) : []);
    return [{ from: addressOf(e.from), to: list(e.toRecipients), cc: list(e.ccRecipients) }];
  });
}

/**
 * Received mail teaches the memory who already see each other: the participants of each of the
 * sender's latest inbox messages, as a group (same rules as for sent mail). Read through
 * Microsoft Graph with a token asked for silently (Nested App Authentication in Outlook): the
 * pane never prompts for it. Only when the policy says `memory.inbox`.
 */
export async function learnFromInbox(options: {
  policy: Policy;
  requester: TokenRequester;
  host: Pick<PaneHost, "readMemoryValue" | "writeMemoryValue">;
  fetch?: typeof fetch;
  nowMs?: number;
}): Promise<InboxOutcome> {
  const { policy, requester, host } = options;
  if (!policy.memory.inbox || !policy.memory.learn) return { kind: "off" };
  let token: string;
  try {
    token = await requester.silent([GRAPH_SCOPE]);
  } catch (error) {
    return { kind: "no-token", reason: (error as Error)?.message ?? String(error) };
  }
  if (!token) return { kind: "no-token", reason: "the provider returned no access token" };
  const response = await (options.fetch ?? fetch)(INBOX_URL, { headers: { Authorization: `Bearer ${token}` }, credentials: "omit", cache: "no-store" });
  if (!response.ok) return { kind: "graph-error", status: response.status };
  const messages = receivedMessages(await response.json().catch(() => null));
  const memory = CorrespondenceMemory.decode(host.readMemoryValue()) ?? CorrespondenceMemory.empty();
  const now = options.nowMs ?? Date.now();
  let changed = false;
  for (const message of messages) {
    const lesson = receivedLessonOf(message, policy);
    if (lesson.group.length > 0 && memory.learn(lesson, now)) changed = true;
  }
  if (changed) await host.writeMemoryValue(memory.encode());
  return { kind: "learned", messages: messages.length, changed };
}
