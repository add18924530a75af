import { parsePolicyText, POLICY_FORMAT, sealedPolicyText, unsealPolicy } from "../../src/policy";
import { createOnMessageSend, type SendHandlerConfig } from "../../src/event/on-message-send";
import { POLICY_SESSION_KEY } from "../../src/event/policy-source";
import { TASKPANE_COMMAND_ID } from "../../src/office/alert-options";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "../support/fake-office";
import { attachmentKey, serializeInspectionCache } from "../../src/attachments/cache";
import { INSPECTIONS_SESSION_KEY } from "../../src/shared/session-keys";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

let fetchMock: jest.Mock;

beforeEach(() => {
  // Server unreachable by default: the embedded policy applies.
  fetchMock = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

async function send(spec: FakeItemSpec, options: FakeOfficeOptions = {}, config: Partial<SendHandlerConfig> = {}) {
  const fake = createFakeOffice(spec, options);
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 200, policyFetchMs: 50, ...config });
  const { event, completions, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  const options1 = await first;
  // Wait past the deadline: a second completion would show up here.
  await new Promise((resolve) => setTimeout(resolve, (config.deadlineMs ?? 200) + 50));
  return { options: options1, completions, fake };
}

const asunaro: FakeItemSpec = { to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(88, CARRIER_DOMAINS)), subject: "登録完了のお知らせ" };

describe("verdicts", () => {
  test("allow: internal mail completes with allowEvent true and nothing else", async () => {
    const { options, completions } = await send({ to: people(["sato@mirai-shoji.co.jp"]), subject: "定例" });
    expect(options).toEqual({ allowEvent: true });
    expect(completions).toHaveLength(1);
  });

  test("review: blocked with a message naming what is exposed, the pane button and context data", async () => {
    const { options, completions } = await send(asunaro);
    expect(completions).toHaveLength(1);
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID, cancelLabel: "Open Send Guard" });
    expect(options.sendModeOverride).toBeUndefined();
    const message = options.errorMessage as string;
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toContain("88 outside addresses in To/CC can be read by every recipient, across 88 individuals");
    expect(message).toMatch(/: [a-z]+\d+@[a-z.]+, [a-z]+\d+@[a-z.]+, [a-z]+\d+@[a-z.]+ and 85 more\./);
    expect(message).toContain("move the outside recipients to BCC");
    const context = JSON.parse(options.contextData as string);
    expect(context).toEqual({ v: 1, verdict: "review", codes: ["external-exposure"], fingerprint: null });
  });

  test("review in Japanese when Outlook's display language is ja-JP", async () => {
    const { options } = await send(asunaro, { displayLanguage: "ja-JP" });
    expect(options.cancelLabel).toBe("Send Guardを開く");
    expect(options.errorMessage).toContain("社外アドレス88件が受信者全員に見えます");
    expect(options.errorMessage).toContain("88名");
    expect(options.errorMessage).toContain("ほか85名");
  });

  test("confirm: blocked with Send Anyway (sendModeOverride PromptUser)", async () => {
    const { options } = await send({
      to: people(["yamada@acme.co.jp"]),
      subject: "資料送付",
      attachments: [{ id: "0", name: "顧客名簿.xlsx", size: 30_000 }],
      // Inspected when it was attached, and found ordinary: only the file's name is the finding.
      sessionData: { [INSPECTIONS_SESSION_KEY]: serializeInspectionCache(new Map([[attachmentKey({ id: "0", name: "顧客名簿.xlsx", size: 30_000 }), { status: "inspected" as const, counts: {} }]])) },
    });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: TASKPANE_COMMAND_ID });
    expect(options.errorMessage).toContain("顧客名簿.xlsx");
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "confirm", codes: ["attachment-name"] });
  });

  test("block: a rule set to block gives no Send Anyway", async () => {
    const { options } = await send(asunaro, {}, { embeddedPolicy: { ...ORG_POLICY_FILE, rules: { "external-exposure": "block" } } });
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
    expect(options.sendModeOverride).toBeUndefined();
    expect(options.errorMessage).toMatch(/^Send Guard blocks this message/);
  });

  test("a Mailbox 1.12 client gets the message without 1.14 options", async () => {
    const { options } = await send(asunaro, { mailbox: "1.12" });
    expect(Object.keys(options).sort()).toEqual(["allowEvent", "errorMessage"]);
  });

  test("a Mailbox 1.16 client sees up to 1,000 recipients; a full field is reported as truncated", async () => {
    const bcc = people(addresses(1200, ["mirai-shoji.co.jp"]));
    const { options } = await send({ to: people(["sato@mirai-shoji.co.jp"]), bcc }, { mailbox: "1.16" });
    expect(JSON.parse(options.contextData as string).codes).toEqual(["unresolved-recipient"]);
    expect(options.errorMessage).toContain("Outlook returned only part of the BCC list");
  });

  test("reads everything in one concurrent round of Office calls", async () => {
    const fake = createFakeOffice(asunaro, { latencyMs: 30 });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE });
    const { event, first } = createEvent();
    // The calls made before the first callback is delivered (each answer comes 30 ms after its call).
    const beforeFirstAnswer: string[] = [];
    let answered = false;
    const stop = fake.sim.onCall((call) => {
      if (!answered) beforeFirstAnswer.push(call);
    });
    const firstAnswer = setTimeout(() => (answered = true), 30);
    handler(event as unknown as Office.AddinCommands.Event);
    await first;
    stop();
    clearTimeout(firstAnswer);
    expect(beforeFirstAnswer.sort()).toEqual(
      ["bcc.getAsync", "cc.getAsync", "from.getAsync", "getAttachmentsAsync", "internetHeaders.setAsync", "sessionData.getAsync", "sessionData.getAsync", "sessionData.getAsync", "sessionData.getAsync", "sessionData.getAsync", "sessionData.getAsync", "subject.getAsync", "to.getAsync"].sort(),
    );
  });
});

describe("the header stamp for the mail-flow backstop (X-SendGuard)", () => {
  const slip: FakeItemSpec = { to: people(["hogosha@gmial.com"]) };
  test.each([
    ["allowed", { to: people(["sato@mirai-shoji.co.jp"]) }, {}, true, "v1; checked"],
    ["a confirm with Send Anyway: it leaves only if the sender chose it", slip, {}, false, "v1; checked; confirm"],
    ["a review: it must not leave", asunaro, {}, false, "v1; stopped"],
  ] as const)("%s: stamped before the event completes", async (_name, spec, options, allowEvent, value) => {
    const { options: done, fake } = await send(spec, options);
    expect(done.allowEvent).toBe(allowEvent);
    expect(fake.sim.mailbox.headers).toEqual({ "X-SendGuard": value });
  });

  test.each([
    ["an Office read fails", { behaviour: { "to.getAsync": "fail" as const } }, { embeddedPolicy: { ...ORG_POLICY_FILE, failMode: "open" } }],
    ["the deadline passes", { behaviour: { "cc.getAsync": "never" as const } }, { embeddedPolicy: { ...ORG_POLICY_FILE, failMode: "open" } }],
  ])("%s and failMode open lets it go: it leaves marked pending, never checked", async (_name, options, config) => {
    const { options: done, fake } = await send({ to: people(["a@acme.co.jp"]) }, options, config);
    expect(done.allowEvent).toBe(true);
    expect(fake.sim.mailbox.headers).toEqual({ "X-SendGuard": "v1; pending" });
  });

  test("an earlier Send's stamp on the same item is replaced, not kept: stopped, then fixed and allowed", async () => {
    const first = await send(asunaro);
    expect(first.fake.sim.mailbox.headers["X-SendGuard"]).toBe("v1; stopped");
    first.fake.sim.setRecipients("bcc", first.fake.sim.mailbox.cc);
    first.fake.sim.setRecipients("cc", []);
    const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 200, policyFetchMs: 50 });
    const again = createEvent();
    handler(again.event as unknown as Office.AddinCommands.Event);
    expect(await again.first).toEqual({ allowEvent: true });
    expect(first.fake.sim.mailbox.headers).toEqual({ "X-SendGuard": "v1; checked" });
  });

  test("the header cannot be written: the message still goes (the rule will treat it as unchecked)", async () => {
    const { options, fake } = await send({ to: people(["sato@mirai-shoji.co.jp"]) }, { behaviour: { "internetHeaders.setAsync": "fail" } });
    expect(options).toEqual({ allowEvent: true });
    expect(fake.sim.mailbox.headers).toEqual({});
  });
});

describe("failing safe", () => {
  test.each([
    ["a failed Office call", { "cc.getAsync": "fail" }, "Outlook did not return the message details"],
    ["an Office call that throws", { "subject.getAsync": "throw" }, "Outlook did not return the message details"],
    ["a callback that never comes", { "to.getAsync": "never" }, "the check took too long"],
  ] as const)("%s → fail-closed alert, completed exactly once", async (_name, behaviour, reason) => {
    const { options, completions } = await send(asunaro, { behaviour });
    expect(completions).toHaveLength(1);
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID });
    expect(options.errorMessage).toContain(reason);
    expect(options.errorMessage).toContain("was not sent");
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "error", fingerprint: null });
  });

  test("no compose item (an exception in the handler) fails closed with an internal error", async () => {
    const fake = createFakeOffice(asunaro);
    (fake.Office as { context: { mailbox: { item?: unknown } } }).context.mailbox.item = undefined;
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const { event, completions, first } = createEvent();
    createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE })(event as unknown as Office.AddinCommands.Event);
    const options = await first;
    expect(options.allowEvent).toBe(false);
    expect(completions).toHaveLength(1);
  });

  test("failMode open lets the message go when the check fails", async () => {
    const { options } = await send(asunaro, { behaviour: { "to.getAsync": "fail" } }, { embeddedPolicy: { ...ORG_POLICY_FILE, failMode: "open" } });
    expect(options).toEqual({ allowEvent: true });
  });

  test("the late result after the deadline does not complete a second time", async () => {
    const { completions } = await send(asunaro, { latencyMs: 120 }, { deadlineMs: 40 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(completions).toHaveLength(1);
    expect(completions[0]?.errorMessage).toContain("the check took too long");
  });
});

describe("policy source", () => {
  const strictPolicy = JSON.stringify({ ...ORG_POLICY_FILE, exposure: { mode: "any-external" } });
  const oneCustomerWithColleague: FakeItemSpec = { to: people(["yamada@acme.co.jp"]), cc: people(["sato@mirai-shoji.co.jp"]) };

  test("the embedded policy applies when the server cannot be reached", async () => {
    const { options } = await send(oneCustomerWithColleague);
    expect(options).toEqual({ allowEvent: true });
    expect(fetchMock).toHaveBeenCalledWith(`${ORIGIN}/policy.json?format=${POLICY_FORMAT}`, expect.anything());
  });

  test("the server's policy is used and cached on the item", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response(strictPolicy, { status: 200 })));
    const { options, fake } = await send(oneCustomerWithColleague);
    expect(options.allowEvent).toBe(false);
    // Kept validated and sealed: the next Send reads it back without fetching or validating.
    expect(unsealPolicy(fake.sim.sessionData.get(POLICY_SESSION_KEY))?.exposure.mode).toBe("any-external");
  });

  test("a server that answers with the policy sealed (Send Guard's own) is used as it came, and the item keeps it", async () => {
    const validated = parsePolicyText(strictPolicy);
    if (!validated.ok) throw new Error("invalid");
    const served = sealedPolicyText(validated.policy);
    fetchMock.mockImplementation(() => Promise.resolve(new Response(served, { status: 200 })));
    const { options, fake } = await send(oneCustomerWithColleague);
    expect(options.allowEvent).toBe(false);
    expect(fake.sim.sessionData.get(POLICY_SESSION_KEY)).toBe(served);
  });

  test("a sealed policy on the item (compose start, the pane or an earlier Send put it there) is used as it is", async () => {
    const sealed = parsePolicyText(strictPolicy);
    if (!sealed.ok) throw new Error("invalid");
    const { options } = await send({ ...oneCustomerWithColleague, sessionData: { [POLICY_SESSION_KEY]: sealedPolicyText(sealed.policy) } });
    expect(options.allowEvent).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("a policy cached on the item is used without fetching", async () => {
    const { options } = await send({ ...oneCustomerWithColleague, sessionData: { [POLICY_SESSION_KEY]: strictPolicy } });
    expect(options.allowEvent).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("a server answering 404 falls back to the embedded policy", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response("not found", { status: 404 })));
    expect((await send(oneCustomerWithColleague)).options).toEqual({ allowEvent: true });
  });

  test("a server that never answers falls back to the embedded policy in time", async () => {
    fetchMock.mockImplementation(() => new Promise(() => undefined));
    expect((await send(oneCustomerWithColleague)).options).toEqual({ allowEvent: true });
  });

  test("an invalid server policy fails closed and says so", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response('{"exposure":{"mode":"loose"}}', { status: 200 })));
    const { options } = await send(oneCustomerWithColleague);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain("policy is invalid");
  });
});

describe("the deadline a deployment gets without configuring one", () => {
  afterEach(() => jest.useRealTimers());

  test("a call that never answers completes the event at 3 seconds, well inside Outlook's 5-second dialog, and not before", async () => {
    jest.useFakeTimers();
    const fake = createFakeOffice({ to: people(["yamada@acme.co.jp"]), subject: "s" }, { behaviour: { "cc.getAsync": "never" } });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const { event, completions } = createEvent();
    // No deadlineMs: the default applies.
    createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE })(event as unknown as Office.AddinCommands.Event);
    await jest.advanceTimersByTimeAsync(2990);
    expect(completions).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(20);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ allowEvent: false });
    expect(JSON.parse(completions[0]?.contextData as string)).toMatchObject({ verdict: "error", error: "timeout" });
  });
});
