/**
 * The compose-start launch event records how a message started, and Send judges a reply on
 * what is new: on the Outlook simulator, through the real handlers, as Outlook runs them
 * (one event runtime at compose start, another at Send, one item between them).
 */
import { createOnMessageSend } from "../../src/event/on-message-send";
import { createOnNewMessageCompose } from "../../src/event/on-new-message-compose";
import { parseComposeStart } from "../../src/memory/compose-start";
import type { Fault } from "../../src/playground/office-sim";
import { COMPOSE_SESSION_KEY } from "../../src/shared/session-keys";
import { ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

beforeEach(() => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** A reply-all as Outlook opens it: the parent's sender in To, the other participants in CC. */
const replyAll: FakeItemSpec = {
  composeType: "reply",
  to: people(["a@acme.co.jp"]),
  cc: people(["b@globex.co.jp", "c@initech.co.jp", "kacho@mirai-shoji.co.jp"]),
  subject: "RE: 三社打ち合わせの件",
};

function item(spec: FakeItemSpec, mailbox = "1.14") {
  const fake = createFakeOffice(spec, { mailbox });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return fake;
}

/** Runs the compose-start handler on the item; resolves when it completed, with how many times it did. */
function composeStart(deadlineMs?: number): Promise<number> {
  return new Promise((resolve) => {
    let completions = 0;
    createOnNewMessageCompose(deadlineMs === undefined ? {} : { deadlineMs })({
      completed: () => {
        completions += 1;
        setTimeout(() => resolve(completions), 50);
      },
    });
  });
}

async function send(): Promise<Record<string, unknown>> {
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 500, policyFetchMs: 20 });
  const { event, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  return first;
}

test("a reply-all records its type and the participants Outlook pre-filled, and completes once", async () => {
  const fake = item(replyAll);
  expect(await composeStart()).toBe(1);
  expect(parseComposeStart(fake.sim.sessionData.get(COMPOSE_SESSION_KEY))).toEqual({
    type: "reply",
    to: ["a@acme.co.jp"],
    cc: ["b@globex.co.jp", "c@initech.co.jp", "kacho@mirai-shoji.co.jp"],
  });
  expect(fake.calls.filter((c) => c !== "sessionData.setAsync")).toEqual(["getComposeTypeAsync", "to.getAsync", "cc.getAsync"]);
});

test("Send after a reply-all that kept the same people: nothing new is exposed, the message goes", async () => {
  item(replyAll);
  await composeStart();
  expect(await send()).toEqual({ allowEvent: true });
});

test("Send after a reply-all to which another company was added: stopped, and the alert names the newcomer", async () => {
  const fake = item(replyAll);
  await composeStart();
  fake.sim.mailbox.cc.push({ emailAddress: "d@umbrella.co.jp", displayName: "d@umbrella.co.jp", recipientType: "externalUser" });
  const options = await send();
  expect(options.allowEvent).toBe(false);
  expect(options.errorMessage).toContain("d@umbrella.co.jp");
});

test("the same message without the compose-start record (the event did not run) is judged as today: stopped", async () => {
  item(replyAll);
  expect((await send()).allowEvent).toBe(false);
});

test("a forward: recorded as a forward, and its recipients are all new", async () => {
  const fake = item({ ...replyAll, composeType: "forward" });
  await composeStart();
  expect(parseComposeStart(fake.sim.sessionData.get(COMPOSE_SESSION_KEY))?.type).toBe("forward");
  expect((await send()).allowEvent).toBe(false);
});

test("a client without getComposeTypeAsync (before Mailbox 1.10) records nothing and completes", async () => {
  const fake = item(replyAll, "1.8");
  expect(await composeStart()).toBe(1);
  expect(fake.sim.sessionData.has(COMPOSE_SESSION_KEY)).toBe(false);
});

describe("odd answers at compose start leave no record (the message is then judged on its own)", () => {
  const reads = ["getComposeTypeAsync", "to.getAsync", "cc.getAsync"];
  const readFaults: Fault[] = ["fail", "throw", "no-value", "null-value", "wrong-type", "bad-element", "no-result", "failed-no-error"];
  // A write has no value to get wrong: it fails, throws, never says, or says it worked without doing it.
  const writeFaults: Fault[] = ["fail", "throw", "no-result", "failed-no-error", "no-effect"];
  const table = [...reads.flatMap((call) => readFaults.map((fault) => [call, fault] as const)), ...writeFaults.map((fault) => ["sessionData.setAsync", fault] as const)];
  test.each(table)("%s answers %s", async (call, fault) => {
    const fake = item(replyAll);
    fake.sim.setFault(call, fault);
    expect(await composeStart()).toBe(1);
    expect(parseComposeStart(fake.sim.sessionData.get(COMPOSE_SESSION_KEY))).toBeUndefined();
    fake.sim.clearFaults();
    expect((await send()).allowEvent).toBe(false);
  });

  test("a call that never answers: the handler completes at its own deadline, once", async () => {
    const fake = item(replyAll);
    fake.sim.setFault("getComposeTypeAsync", "never");
    expect(await composeStart(100)).toBe(1);
    expect(fake.sim.sessionData.has(COMPOSE_SESSION_KEY)).toBe(false);
  });
});

test("a failed read of the record at Send means no record: the message is judged on its own (stopped, not failed)", async () => {
  const fake = item(replyAll);
  await composeStart();
  // Send reads sessionData six times in its one round: the policy cache, the approval, the inspections, the record, the memory marker, then the sender's confirmation.
  fake.sim.setFault("sessionData.getAsync", "fail", { after: 3 });
  const options = await send();
  expect(fake.calls.filter((c) => c === "sessionData.getAsync")).toHaveLength(6);
  expect(options.allowEvent).toBe(false);
  // As a new message: three companies see each other (a small set, so the sender confirms).
  expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "confirm", codes: ["external-exposure"] });
});
