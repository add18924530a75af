/**
 * The correspondence memory at Send, on the Outlook simulator: read from roaming settings
 * without an Office round, learned from messages that go out and saved before the event
 * completes, never at the cost of the Send.
 */
import { createOnMessageSend } from "../../src/event/on-message-send";
import { createOnNewMessageCompose } from "../../src/event/on-new-message-compose";
import { confirmedAddressLesson } from "../../src/memory/lesson";
import { CorrespondenceMemory, MEMORY_SETTING_KEY } from "../../src/memory/correspondence";
import { SimRoamingStore } from "../../src/playground/office-sim";
import { CONFIRMATION_SESSION_KEY, TAUGHT_SESSION_KEY } from "../../src/shared/session-keys";
import { senderConfirmation } from "../../src/approval/sender-confirmation";
import { evaluate } from "../../src/policy";
import { draftOf, ORG_POLICY_FILE, policyOf } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
const TWO_COMPANIES: FakeItemSpec = { to: people(["a@acme.co.jp", "b@globex.co.jp"]), subject: "打ち合わせ" };
const COUNSEL: FakeItemSpec = { to: people(["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"]), cc: people(["x@law-office.jp", "y@law-office.jp", "z@law-office.jp"]) };

beforeEach(() => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** One compose item of the mailbox whose roaming settings are `roaming`. */
function item(spec: FakeItemSpec, roaming: SimRoamingStore, options: { latencyMs?: number } = {}) {
  const fake = createFakeOffice(spec, { roaming, ...options });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return fake;
}

async function send(policy: Record<string, unknown> = {}, deadlineMs = 1500): Promise<Record<string, unknown>> {
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: { ...ORG_POLICY_FILE, ...policy }, deadlineMs, policyFetchMs: 20 });
  const { event, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  return first;
}

const stored = (roaming: SimRoamingStore) => CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY]);

test("an allowed Send teaches its outside address, saved in roaming settings as hashes before the event completes", async () => {
  const roaming = new SimRoamingStore();
  const fake = item({ to: people(["yamada@acme.co.jp"]), cc: people(["sato@mirai-shoji.co.jp"]) }, roaming);
  expect(await send()).toEqual({ allowEvent: true });
  expect(fake.calls).toContain("roamingSettings.saveAsync");
  expect(stored(roaming)?.knowsAddress("yamada@acme.co.jp")).toBe(true);
  expect(JSON.stringify(roaming.stored)).not.toContain("acme");
});

test("sending again to the same people saves nothing (no write to the mailbox on every Send)", async () => {
  const roaming = new SimRoamingStore();
  item({ to: people(["yamada@acme.co.jp"]) }, roaming);
  await send();
  item({ to: people(["yamada@acme.co.jp"]) }, roaming);
  await send();
  expect(roaming.saves).toHaveLength(1);
});

test("a confirm teaches its group; the same item is asked again, a new message to the same group goes", async () => {
  const roaming = new SimRoamingStore();
  const first = item(TWO_COMPANIES, roaming);
  expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  expect(stored(roaming)?.counts()).toMatchObject({ addresses: 2, groups: 1 });
  expect(JSON.parse(first.sim.sessionData.get(TAUGHT_SESSION_KEY) ?? "[]")).toEqual(["a@acme.co.jp", "b@globex.co.jp"]);

  // The sender dismissed the alert and pressed Send again on the same item: asked again.
  const again = createFakeOffice(TWO_COMPANIES, { roaming });
  for (const [key, value] of first.sim.sessionData) again.sim.sessionData.set(key, value);
  (globalThis as { Office?: unknown }).Office = again.Office;
  expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });

  // A later message to the same two people: they have seen each other.
  item(TWO_COMPANIES, roaming);
  expect(await send()).toEqual({ allowEvent: true });
});

test("with memory.learnOnConfirm false a confirm teaches nothing", async () => {
  const roaming = new SimRoamingStore();
  item(TWO_COMPANIES, roaming);
  await send({ memory: { learnOnConfirm: false } });
  expect(roaming.saves).toHaveLength(0);
});

test("a review teaches nothing: the group was not approved", async () => {
  const roaming = new SimRoamingStore();
  item(COUNSEL, roaming);
  expect(await send()).toMatchObject({ allowEvent: false });
  expect(roaming.saves).toHaveLength(0);
  item(COUNSEL, roaming);
  expect(await send()).toMatchObject({ allowEvent: false });
});

test("a group remembered before passes at once, and reading the memory adds no Office call to the round", async () => {
  const roaming = new SimRoamingStore();
  const memory = CorrespondenceMemory.empty();
  memory.learn({ addresses: [], group: ["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp", "x@law-office.jp", "y@law-office.jp", "z@law-office.jp"] }, Date.now());
  roaming.stored[MEMORY_SETTING_KEY] = memory.encode();
  const fake = item(COUNSEL, roaming);
  expect(await send()).toEqual({ allowEvent: true });
  expect(fake.calls.filter((c) => c.startsWith("roaming"))).toEqual([]);
});

test.each(["fail", "never", "throw"] as const)("a save that %s: the Send still goes, within the deadline", async (fault) => {
  const roaming = new SimRoamingStore();
  const fake = item({ to: people(["yamada@acme.co.jp"]) }, roaming);
  fake.sim.setFault("roamingSettings.saveAsync", fault);
  const started = Date.now();
  expect(await send({}, 1500)).toEqual({ allowEvent: true });
  expect(Date.now() - started).toBeLessThan(1500);
  expect(roaming.saves).toHaveLength(0);
});

test("memory.learn false: nothing is saved", async () => {
  const roaming = new SimRoamingStore();
  item({ to: people(["yamada@acme.co.jp"]) }, roaming);
  await send({ memory: { learn: false } });
  expect(roaming.saves).toHaveLength(0);
});

test("a stored value that is not a memory is ignored (judged as a new mailbox) and replaced by the next lesson", async () => {
  const roaming = new SimRoamingStore();
  roaming.stored[MEMORY_SETTING_KEY] = { v: 1, t: 0, s: "broken", a: "", d: "", g: "" };
  item(TWO_COMPANIES, roaming);
  expect(await send()).toMatchObject({ allowEvent: false });
  expect(stored(roaming)?.counts().groups).toBe(1);
});

test("a client without roaming settings: judged without memory, nothing saved, the Send unaffected", async () => {
  const roaming = new SimRoamingStore();
  const fake = item({ to: people(["yamada@acme.co.jp"]) }, roaming);
  const office = fake.Office as { context: Record<string, unknown> };
  Object.defineProperty(office.context, "roamingSettings", { value: undefined });
  expect(await send()).toEqual({ allowEvent: true });
  expect(roaming.saves).toHaveLength(0);
});

describe("a reply teaches the thread at compose start (received mail)", () => {
  const compose = (deadlineMs = 2000) =>
    new Promise<void>((resolve) => createOnNewMessageCompose({ deadlineMs, embeddedPolicy: ORG_POLICY_FILE })({ completed: () => setTimeout(resolve, 20) }));

  test("the participants of the message answered are remembered as a group, before anything is sent", async () => {
    const roaming = new SimRoamingStore();
    item({ composeType: "reply", to: people(["a@acme.co.jp"]), cc: people(["b@globex.co.jp", "kacho@mirai-shoji.co.jp"]) }, roaming);
    await compose();
    const memory = stored(roaming);
    expect(memory?.counts()).toEqual({ addresses: 2, domains: 2, groups: 1 });
    // A new message to the same two later passes: they had written to each other.
    item({ to: people(["a@acme.co.jp", "b@globex.co.jp"]) }, roaming);
    expect(await send()).toEqual({ allowEvent: true });
  });

  test("a new message or a forward teaches nothing; a thread of more than the mass threshold neither", async () => {
    const roaming = new SimRoamingStore();
    item({ composeType: "forward", to: people(["a@acme.co.jp", "b@globex.co.jp"]) }, roaming);
    await compose();
    item({ composeType: "reply", to: people(["a@acme.co.jp"]), cc: people(Array.from({ length: 11 }, (_, i) => `g${i}@guardian${i}.jp`)) }, roaming);
    await compose();
    expect(roaming.saves).toHaveLength(0);
  });
});

test("a confirm about a look-alike teaches nothing about it: the next message to the mistyped address is asked about again", async () => {
  const roaming = new SimRoamingStore();
  const typo: FakeItemSpec = { to: people(["ichiro.hogosha@docomo.ne.jo"]), subject: "面談" };
  item(typo, roaming);
  expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  item(typo, roaming);
  expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  expect(stored(roaming)?.knowsAddress("ichiro.hogosha@docomo.ne.jo") ?? false).toBe(false);
});

test("a message the sender marked as checked in the pane (no Send Anyway on Mailbox 1.12) goes, and teaches nothing about the look-alike", async () => {
  const roaming = new SimRoamingStore();
  const typo: FakeItemSpec = { to: people(["ichiro.hogosha@docomo.ne.jo"]), cc: people(["yamada@acme.co.jp"]), subject: "面談" };
  const evaluation = evaluate(draftOf({ to: ["ichiro.hogosha@docomo.ne.jo"], cc: ["yamada@acme.co.jp"], subject: "面談" }), policyOf());
  expect(evaluation.verdict).toBe("confirm");
  const fake = createFakeOffice({ ...typo, sessionData: { [CONFIRMATION_SESSION_KEY]: senderConfirmation(evaluation) } }, { roaming, mailbox: "1.12" });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  expect(await send()).toEqual({ allowEvent: true });
  expect(stored(roaming)?.knowsAddress("yamada@acme.co.jp")).toBe(true);
  expect(stored(roaming)?.knowsAddress("ichiro.hogosha@docomo.ne.jo") ?? false).toBe(false);
  // The message went: nothing is kept on the item for a next Send of it.
  expect(fake.sim.sessionData.has(TAUGHT_SESSION_KEY)).toBe(false);
});

test("an address the sender kept as correct in the pane is not taken for a slip at Send", async () => {
  const roaming = new SimRoamingStore();
  item({ to: people(["partner@mirai-shoji.com"]) }, roaming);
  expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
  const memory = CorrespondenceMemory.empty();
  memory.learn(confirmedAddressLesson("partner@mirai-shoji.com") as NonNullable<ReturnType<typeof confirmedAddressLesson>>, Date.now());
  roaming.stored[MEMORY_SETTING_KEY] = memory.encode();
  item({ to: people(["partner@mirai-shoji.com"]) }, roaming);
  expect(await send()).toEqual({ allowEvent: true });
});
