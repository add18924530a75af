/**
 * Received mail teaches the memory through Microsoft Graph (Mail.ReadBasic, a silent token):
 * participants of inbox messages are remembered as groups; nothing is asked, nothing is
 * guessed from an odd answer, and nothing happens unless the policy says so.
 */
import { CorrespondenceMemory } from "../../src/memory/correspondence";
import { GRAPH_SCOPE, INBOX_URL, learnFromInbox, receivedMessages } from "../../src/taskpane/inbox-learning";
import type { TokenRequester } from "../../src/ui/sign-in";
import { policyOf } from "../support/drafts";

const on = policyOf({ memory: { inbox: true } });
const person = (address: string) => ({ emailAddress: { address, name: address } });
const message = (from: string, to: string[], cc: string[] = []) => ({ from: person(from), toRecipients: to.map(person), ccRecipients: cc.map(person) });

function mailbox() {
  let stored: unknown;
  return {
    readMemoryValue: () => stored,
    writeMemoryValue: async (value: unknown) => {
      stored = value;
    },
    get memory() {
      return CorrespondenceMemory.decode(stored);
    },
  };
}

function graph(status: number, body: unknown) {
  const calls: { url: string; auth: string | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: (init?.headers as Record<string, string>)?.Authorization });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const requester = (token: string | Error): TokenRequester & { scopes: string[][] } => {
  const scopes: string[][] = [];
  return {
    scopes,
    silent: async (s) => {
      scopes.push(s);
      if (token instanceof Error) throw token;
      return token;
    },
    interactive: async () => {
      throw new Error("never asked");
    },
  };
};

test("the participants of each inbox message are remembered as a group; a new message to them then passes", async () => {
  const host = mailbox();
  const { fetchImpl, calls } = graph(200, { value: [message("yamada@acme.co.jp", ["tanaka@mirai-shoji.co.jp"], ["bengoshi@law-office.jp"]), message("sato@mirai-shoji.co.jp", ["tanaka@mirai-shoji.co.jp"])] });
  const tokens = requester("graph-token");
  const outcome = await learnFromInbox({ policy: on, requester: tokens, host, fetch: fetchImpl });
  expect(outcome).toEqual({ kind: "learned", messages: 2, changed: true });
  expect(tokens.scopes).toEqual([[GRAPH_SCOPE]]);
  expect(calls).toEqual([{ url: INBOX_URL, auth: "Bearer graph-token" }]);
  expect(INBOX_URL).toContain("$select=from,toRecipients,ccRecipients");
  expect(host.memory?.counts()).toMatchObject({ addresses: 2, groups: 1 });
  expect(host.memory?.groupsOf("bengoshi@law-office.jp")).toHaveLength(1);
});

test("a mass mailing received is not remembered (memory.massGroups off)", async () => {
  const host = mailbox();
  const many = Array.from({ length: 12 }, (_, i) => `g${i}@guardian${i}.jp`);
  const { fetchImpl } = graph(200, { value: [message("school@school.ed.jp", many)] });
  expect(await learnFromInbox({ policy: on, requester: requester("t"), host, fetch: fetchImpl })).toEqual({ kind: "learned", messages: 1, changed: false });
  expect(host.memory).toBeUndefined();
});

test.each<[string, Parameters<typeof policyOf>[0]]>([
  ["memory.inbox off (the default)", {}],
  ["learning off", { memory: { inbox: true, learn: false } }],
])("%s: Graph is not called", async (_name, file) => {
  const { fetchImpl, calls } = graph(200, { value: [] });
  expect(await learnFromInbox({ policy: policyOf(file), requester: requester("t"), host: mailbox(), fetch: fetchImpl })).toEqual({ kind: "off" });
  expect(calls).toEqual([]);
});

test("no consent for Mail.ReadBasic: nothing asked, nothing read, nothing written", async () => {
  const host = mailbox();
  const { fetchImpl, calls } = graph(200, { value: [] });
  const outcome = await learnFromInbox({ policy: on, requester: requester(new Error("AADSTS65001: consent required")), host, fetch: fetchImpl });
  expect(outcome).toEqual({ kind: "no-token", reason: "AADSTS65001: consent required" });
  expect(calls).toEqual([]);
  expect(host.readMemoryValue()).toBeUndefined();
});

test("Graph refuses: said, nothing written", async () => {
  const host = mailbox();
  const { fetchImpl } = graph(403, { error: { code: "ErrorAccessDenied" } });
  expect(await learnFromInbox({ policy: on, requester: requester("t"), host, fetch: fetchImpl })).toEqual({ kind: "graph-error", status: 403 });
  expect(host.readMemoryValue()).toBeUndefined();
});

test("odd answers are skipped, never guessed at", () => {
  expect(receivedMessages(null)).toEqual([]);
  expect(receivedMessages({ value: "x" })).toEqual([]);
  expect(receivedMessages({ value: [null, 3, { from: { emailAddress: { address: 42 } }, toRecipients: [{ emailAddress: {} }, person("a@acme.co.jp")], ccRecipients: "b" }] })).toEqual([
    { from: undefined, to: ["a@acme.co.jp"], cc: [] },
  ]);
});

test("refreshMemory: with the organisation's provider, received mail is learned, then the server's copy reconciled", async () => {
  const { refreshMemory } = await import("../../src/taskpane/memory-sync");
  const host = { ...mailbox(), tokenRequester: () => requester("t") };
  const server: { memory: unknown } = { memory: null };
  const api = {
    session: async () => ({ signIn: { dev: false, oidc: { clientId: "c", scopes: ["api://x/.default"] } } }),
    getMemory: async () => ({ memory: server.memory as never, updatedAt: null }),
    putMemory: async (memory: unknown) => {
      server.memory = memory;
    },
  };
  const original = global.fetch;
  global.fetch = graph(200, { value: [message("yamada@acme.co.jp", ["tanaka@mirai-shoji.co.jp"], ["bengoshi@law-office.jp"])] }).fetchImpl;
  try {
    expect(await refreshMemory(api, host, on)).toBe(true);
  } finally {
    global.fetch = original;
  }
  expect(CorrespondenceMemory.decode(server.memory)?.counts().groups).toBe(1);
});
