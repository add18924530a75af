import { removeAttachment } from "../../src/office/attachments";
import { readDraft } from "../../src/office/draft";
import { watchInitializationContext, watchItem, type ItemChange } from "../../src/office/item-events";
import { parseAlertContext, readInitializationContext } from "../../src/office/pane-context";
import { RecipientWriteError, writeRecipients } from "../../src/office/recipients";
import type { DraftRecipient } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS } from "../support/drafts";
import { createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "../support/fake-office";

function install(spec: FakeItemSpec, options: FakeOfficeOptions = {}) {
  const fake = createFakeOffice(spec, { runtime: "taskpane", mailbox: "1.15", ...options });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return fake;
}

const people = (list: string[]): DraftRecipient[] => list.map((emailAddress) => ({ emailAddress, displayName: emailAddress }));
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("writeRecipients", () => {
  test("writes 250 recipients as one setAsync and two addAsync calls of at most 100", async () => {
    const guardians = addresses(250, CARRIER_DOMAINS);
    const fake = install({ to: [{ emailAddress: "encho@mirai-shoji.co.jp" }], cc: guardians.map((emailAddress) => ({ emailAddress })) });
    const before = await readDraft();
    await writeRecipients({ to: before.to, cc: [], bcc: people(guardians) }, before);

    expect(fake.calls.filter((c) => /\.(set|add)Async$/.test(c))).toEqual(["bcc.setAsync", "bcc.addAsync", "bcc.addAsync", "cc.setAsync"]);
    expect(fake.sim.mailbox.bcc.map((r) => r.emailAddress)).toEqual(guardians);
    expect(fake.sim.mailbox.cc).toEqual([]);
    expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["encho@mirai-shoji.co.jp"]);
  });

  test("a failed write puts every field back and says so; nothing is lost", async () => {
    const fake = install({ to: [{ emailAddress: "a@gmail.com" }], cc: [{ emailAddress: "b@yahoo.co.jp" }] }, { behaviour: { "cc.setAsync": "fail" } });
    const before = await readDraft();
    const error = await writeRecipients({ to: people(["tanaka@mirai-shoji.co.jp"]), cc: [], bcc: people(["a@gmail.com", "b@yahoo.co.jp"]) }, before).catch((e) => e);

    expect(error).toBeInstanceOf(RecipientWriteError);
    expect(error).toMatchObject({ field: "cc", restored: true });
    expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["a@gmail.com"]);
    expect(fake.sim.mailbox.cc.map((r) => r.emailAddress)).toEqual(["b@yahoo.co.jp"]);
    expect(fake.sim.mailbox.bcc).toEqual([]);
  });

  test("when putting fields back fails too, the error says the fields were not restored", async () => {
    const fake = install({ to: [{ emailAddress: "a@gmail.com" }] }, { behaviour: { "to.setAsync": "fail" } });
    fake.sim.setFault("bcc.setAsync", "fail", { after: 1 });
    const before = await readDraft();
    const error = await writeRecipients({ to: people(["tanaka@mirai-shoji.co.jp"]), cc: [], bcc: people(["a@gmail.com"]) }, before).catch((e) => e);
    expect(error).toMatchObject({ field: "to", restored: false });
    expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["a@gmail.com"]);
  });

  test("a callback that never comes does not resolve the write", async () => {
    install({ cc: [{ emailAddress: "b@gmail.com" }] }, { behaviour: { "bcc.setAsync": "never" } });
    const before = await readDraft();
    const outcome = await Promise.race([
      writeRecipients({ to: [], cc: [], bcc: people(["b@gmail.com"]) }, before).then(() => "written"),
      tick(50).then(() => "pending"),
    ]);
    expect(outcome).toBe("pending");
  });

  test("fields that do not change are not written", async () => {
    const fake = install({ to: [{ emailAddress: "a@mirai-shoji.co.jp" }], cc: [{ emailAddress: "b@gmail.com" }] });
    const before = await readDraft();
    await writeRecipients({ to: before.to, cc: [], bcc: people(["b@gmail.com"]) }, before);
    expect(fake.calls.filter((c) => c.startsWith("to."))).toEqual(["to.getAsync"]);
  });
});

describe("removeAttachment", () => {
  test("removes the file by its id and reports an unknown id as a failure", async () => {
    const fake = install({ attachments: [{ id: "att-1", name: "名簿.xlsx", size: 2048 }, { id: "att-2", name: "agenda.pdf", size: 10 }] });
    await removeAttachment("att-1");
    expect(fake.sim.mailbox.attachments.map((a) => a.name)).toEqual(["agenda.pdf"]);
    await expect(removeAttachment("att-1")).rejects.toThrow(/removeAttachmentAsync failed \(9003\)/);
  });
});

describe("item events", () => {
  test("recipient and attachment changes by the sender reach the pane until it stops watching", async () => {
    const fake = install({});
    const seen: ItemChange[] = [];
    const stop = await watchItem((change) => seen.push(change));
    fake.sim.setRecipients("cc", [{ emailAddress: "x@gmail.com", displayName: "x", recipientType: "externalUser" }]);
    fake.sim.addAttachment({ name: "住所録.csv", size: 100 });
    await tick();
    expect(seen).toEqual(["recipients", "attachments"]);

    await stop();
    fake.sim.setRecipients("cc", []);
    await tick();
    expect(seen).toHaveLength(2);
  });

  test("InitializationContextChanged is used from Mailbox 1.15 and skipped before", async () => {
    const fake = install({}, { mailbox: "1.15" });
    expect(fake.sim.deliverInitializationContext(fake.runtime, "{}")).toBe(false);
    const received: string[] = [];
    const stop = await watchInitializationContext((data) => received.push(data));
    expect(stop).not.toBeNull();
    expect(fake.sim.deliverInitializationContext(fake.runtime, '{"v":1}')).toBe(true);
    await tick();
    expect(received).toEqual(['{"v":1}']);

    install({}, { mailbox: "1.14" });
    expect(await watchInitializationContext(() => undefined)).toBeNull();
  });
});

describe("alert context", () => {
  test.each([
    ['{"v":1,"verdict":"review","codes":["external-exposure"],"fingerprint":"sg2:ab"}', { v: 1, verdict: "review", codes: ["external-exposure"], fingerprint: "sg2:ab" }],
    ['{"v":1,"verdict":"error","codes":[],"fingerprint":null,"error":"timeout"}', { v: 1, verdict: "error", codes: [], fingerprint: null, error: "timeout" }],
    [
      '{"v":1,"verdict":"review","codes":["external-exposure","attachment-name"],"fingerprint":"sg2:ab","approval":"not-covered","uncovered":["attachment-name"]}',
      { v: 1, verdict: "review", codes: ["external-exposure", "attachment-name"], fingerprint: "sg2:ab", approval: "not-covered", uncovered: ["attachment-name"] },
    ],
    ['{"v":1,"verdict":"review","codes":[],"fingerprint":"sg2:ab","approval":"fingerprint"}', { v: 1, verdict: "review", codes: [], fingerprint: "sg2:ab", approval: "fingerprint" }],
    ["", null],
    ["not json", null],
    ['{"v":2,"verdict":"review","codes":[],"fingerprint":null}', null],
    ['{"v":1,"verdict":"maybe","codes":[],"fingerprint":null}', null],
    ['{"v":1,"verdict":"review","codes":[1],"fingerprint":null}', null],
  ])("parseAlertContext(%s)", (text, expected) => {
    expect(parseAlertContext(text)).toEqual(expected);
  });

  test("readInitializationContext returns the Smart Alert's contextData, or null when opened from the ribbon or on failure", async () => {
    install({}, { initializationContext: '{"v":1}' });
    expect(await readInitializationContext()).toBe('{"v":1}');
    install({});
    expect(await readInitializationContext()).toBeNull();
    install({}, { initializationContext: "x", behaviour: { getInitializationContextAsync: "fail" } });
    expect(await readInitializationContext()).toBeNull();
  });
});
