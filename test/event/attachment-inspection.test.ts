import { createOnAttachmentsChanged } from "../../src/event/on-attachments-changed";
import { createOnMessageSend } from "../../src/event/on-message-send";
import { attachmentKey, parseInspectionCache, serializeInspectionCache } from "../../src/attachments/cache";
import { INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import { ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "../support/fake-office";
import { peopleRows, shiftJis, xlsx, zip } from "../support/files";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
const CONTENT_CALL = "getAttachmentContentAsync";

const residents = xlsx([{ name: "Sheet1", rows: peopleRows(200) }]);
const quote = xlsx([{ name: "見積", rows: [["品名", "数量", "単価"], ["部品A", "10", "1200"]] }]);

/** Kashihara: an innocently named Excel file of residents, to one outside requester. */
const kashihara: FakeItemSpec = {
  to: people(["tantou@requester.co.jp"]),
  subject: "ご依頼の資料",
  attachments: [{ id: "att-0", name: "資料.xlsx", content: residents }],
};

beforeEach(() => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

function itemWith(spec: FakeItemSpec, options: FakeOfficeOptions = {}, policy: Record<string, unknown> = {}) {
  const fake = createFakeOffice({ ...spec, sessionData: { [POLICY_SESSION_KEY]: JSON.stringify({ ...ORG_POLICY_FILE, ...policy }), ...spec.sessionData } }, options);
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return fake;
}

async function send(deadlineMs = 3000) {
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs, policyFetchMs: 50 });
  const { event, completions, first } = createEvent();
  const started = Date.now();
  handler(event as unknown as Office.AddinCommands.Event);
  const options = await first;
  const elapsed = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { options, completions, elapsed, context: JSON.parse((options.contextData as string | undefined) ?? "{}") as { verdict?: string; codes?: string[] } };
}

async function attachmentsChanged(deadlineMs?: number, args: Record<string, unknown> = {}) {
  const handler = createOnAttachmentsChanged({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, policyFetchMs: 50, ...(deadlineMs ? { deadlineMs } : {}) });
  let calls = 0;
  let options: unknown = "not called";
  await new Promise<void>((resolve) => {
    handler({
      ...args,
      completed: (value?: unknown) => {
        calls++;
        options = value;
        resolve();
      },
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { calls, options };
}

const contentReads = (calls: string[]) => calls.filter((c) => c === CONTENT_CALL).length;

describe("OnMessageAttachmentsChanged: files are inspected when they are attached", () => {
  test("inspects the new file, stores the result on the item, completes once with no options", async () => {
    const fake = itemWith(kashihara);
    const { calls, options } = await attachmentsChanged();
    expect(calls).toBe(1);
    expect(options).toBeUndefined();
    expect(contentReads(fake.calls)).toBe(1);
    const cache = parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY));
    const stored = cache.get(attachmentKey({ id: "att-0", name: "資料.xlsx", size: residents.length }));
    expect(stored).toMatchObject({ status: "inspected", addressCount: 200, counts: expect.objectContaining({ phone: 200 }) });
    expect(stored?.headers?.[0]?.columns).toEqual(expect.arrayContaining(["氏名", "住所", "電話番号"]));
  });

  test("…so Send reads no file and stops the message with the evidence", async () => {
    const fake = itemWith(kashihara);
    await attachmentsChanged();
    fake.calls.length = 0;
    const { options, context } = await send();
    expect(contentReads(fake.calls)).toBe(0);
    expect(context).toMatchObject({ verdict: "review", codes: expect.arrayContaining(["attachment-personal-data", "attachment-address-list"]) });
    expect(options.errorMessage).toContain("資料.xlsx");
  });

  test("a file already in the cache is not read again; one that left the draft leaves the cache", async () => {
    const cached = serializeInspectionCache(new Map([
      [attachmentKey({ id: "att-0", name: "資料.xlsx", size: residents.length }), { status: "inspected" as const, counts: {} }],
      [attachmentKey({ id: "gone", name: "old.csv", size: 10 }), { status: "inspected" as const, counts: {} }],
    ]));
    const fake = itemWith({ ...kashihara, attachments: [...(kashihara.attachments ?? []), { id: "att-1", name: "見積.xlsx", content: quote }], sessionData: { [INSPECTIONS_SESSION_KEY]: cached } });
    await attachmentsChanged();
    expect(contentReads(fake.calls)).toBe(1);
    const keys = [...parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).keys()];
    expect(keys.sort()).toEqual([attachmentKey({ id: "att-0", name: "資料.xlsx", size: residents.length }), attachmentKey({ id: "att-1", name: "見積.xlsx", size: quote.length })].sort());
  });

  test("a file replaced by another of the same name gets a new id and is inspected again", async () => {
    const stale = serializeInspectionCache(new Map([[attachmentKey({ id: "att-9", name: "資料.xlsx", size: residents.length }), { status: "inspected" as const, counts: {} }]]));
    const fake = itemWith({ ...kashihara, sessionData: { [INSPECTIONS_SESSION_KEY]: stale } });
    await attachmentsChanged();
    expect(contentReads(fake.calls)).toBe(1);
  });

  test("classic Outlook: a file removed and another of the same name and size attached at the same position (same id) is read again, and its new content is judged", async () => {
    // The first file, as inspected when it was attached: nothing personal in it.
    const key = attachmentKey({ id: "0", name: "資料.xlsx", size: residents.length });
    const stale = serializeInspectionCache(new Map([[key, { status: "inspected" as const, counts: {}, contentHash: `sha256:${"2".repeat(64)}` }]]));
    const fake = itemWith({ ...kashihara, attachments: [{ id: "0", name: "資料.xlsx", content: residents }], sessionData: { [INSPECTIONS_SESSION_KEY]: stale } });
    await attachmentsChanged(undefined, { attachmentStatus: "added", attachmentDetails: { id: "0", name: "資料.xlsx", size: residents.length, attachmentType: "file" } });
    expect(contentReads(fake.calls)).toBe(1);
    const stored = parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).get(key);
    expect(stored?.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored?.contentHash).not.toBe(`sha256:${"2".repeat(64)}`);
    expect(stored?.counts?.phone).toBe(200);
    fake.calls.length = 0;
    expect((await send()).context.codes).toEqual(expect.arrayContaining(["attachment-personal-data"]));
  });

  test("a file reported as added whose read fails loses its stale entry: Send reads it itself rather than trusting the earlier file's result", async () => {
    const key = attachmentKey({ id: "0", name: "資料.xlsx", size: residents.length });
    const stale = serializeInspectionCache(new Map([[key, { status: "inspected" as const, counts: {} }]]));
    const fake = itemWith({ ...kashihara, attachments: [{ id: "0", name: "資料.xlsx", content: residents }], sessionData: { [INSPECTIONS_SESSION_KEY]: stale } }, { behaviour: { [CONTENT_CALL]: "fail" } });
    await attachmentsChanged(undefined, { attachmentStatus: "added", attachmentDetails: { id: "0", name: "資料.xlsx", size: residents.length } });
    expect(parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).has(key)).toBe(false);
  });

  test("a removal alone drops the removed file's entry (nothing to read, the cache is still pruned)", async () => {
    const gone = attachmentKey({ id: "gone", name: "old.csv", size: 10 });
    const cached = serializeInspectionCache(new Map([[gone, { status: "inspected" as const, counts: {} }]]));
    const fake = itemWith({ ...kashihara, attachments: [], sessionData: { [INSPECTIONS_SESSION_KEY]: cached } });
    await attachmentsChanged(undefined, { attachmentStatus: "removed", attachmentDetails: { id: "gone", name: "old.csv", size: 10 } });
    expect(contentReads(fake.calls)).toBe(0);
    expect(parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).has(gone)).toBe(false);
  });

  test.each([
    ["getAttachmentsAsync fails", { getAttachmentsAsync: "fail" as const }],
    ["the content read fails", { [CONTENT_CALL]: "fail" as const }],
    ["sessionData.setAsync fails", { "sessionData.setAsync": "fail" as const }],
    ["getAttachmentsAsync throws", { getAttachmentsAsync: "throw" as const }],
  ])("when %s it still completes exactly once, and Send reads the file itself", async (_name, behaviour) => {
    itemWith(kashihara, { behaviour });
    const { calls } = await attachmentsChanged();
    expect(calls).toBe(1);
  });

  test("a callback that never comes: the handler completes at its own deadline", async () => {
    itemWith(kashihara, { behaviour: { [CONTENT_CALL]: "never" } });
    const started = Date.now();
    const { calls } = await attachmentsChanged(300);
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  test("what the task pane stored meanwhile is kept (the cache is read again before writing)", async () => {
    const fake = itemWith(kashihara);
    const paneEntry = attachmentKey({ id: "att-1", name: "名簿.csv", size: 99 });
    // A file this runtime cannot get from Outlook (so it stores nothing for it), which the pane did inspect.
    fake.sim.mailbox.attachments.push({ id: "att-1", name: "名簿.csv", size: 99, attachmentType: "file", isInline: false, unreadable: true });
    // The pane writes its result exactly while the handler reads the files: after the
    // handler's first read of the cache, before it writes its own.
    let cacheReadsBefore = -1;
    const stop = fake.sim.onCall((call) => {
      if (call !== CONTENT_CALL || cacheReadsBefore >= 0) return;
      cacheReadsBefore = fake.calls.filter((c) => c === "sessionData.getAsync").length;
      fake.sim.sessionData.set(INSPECTIONS_SESSION_KEY, serializeInspectionCache(new Map([[paneEntry, { status: "inspected" as const, counts: { email: 3 } }]])));
    });
    await attachmentsChanged();
    stop();
    expect(cacheReadsBefore).toBeGreaterThan(0);
    const cache = parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY));
    expect(cache.get(paneEntry)).toEqual({ status: "inspected", counts: { email: 3 } });
    expect(cache.get(attachmentKey({ id: "att-0", name: "資料.xlsx", size: residents.length }))?.status).toBe("inspected");
  });
});

describe("OnMessageSend reads only the files nobody inspected yet, within its deadline", () => {
  test("sent right after attaching (no cache): the file is read at Send and stopped", async () => {
    const fake = itemWith(kashihara);
    const { context, completions } = await send();
    expect(completions).toHaveLength(1);
    expect(contentReads(fake.calls)).toBe(1);
    expect(context.codes).toEqual(expect.arrayContaining(["attachment-personal-data", "attachment-address-list"]));
    // Kept on the item: the next Send has nothing to read.
    expect(parseInspectionCache(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).size).toBe(1);
  });

  test("an ordinary quote to one customer is sent, with one read", async () => {
    const fake = itemWith({ ...kashihara, attachments: [{ id: "a", name: "見積書.xlsx", content: quote }] });
    const { options } = await send();
    expect(options).toEqual({ allowEvent: true });
    expect(contentReads(fake.calls)).toBe(1);
  });

  test("internal mail reads no file: content does not count inside the organisation", async () => {
    const fake = itemWith({ ...kashihara, to: people(["sato@mirai-shoji.co.jp"]) });
    const { options } = await send();
    expect(options).toEqual({ allowEvent: true });
    expect(contentReads(fake.calls)).toBe(0);
  });

  test("a read that never calls back: completed once, before the deadline, with the file named as not inspected", async () => {
    itemWith(kashihara, { behaviour: { [CONTENT_CALL]: "never" } });
    const { options, context, completions, elapsed } = await send(1000);
    expect(completions).toHaveLength(1);
    expect(elapsed).toBeLessThan(1000);
    expect(context).toMatchObject({ verdict: "confirm", codes: ["attachment-unscannable"] });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(options.errorMessage).toContain("資料.xlsx");
    expect(options.errorMessage).toContain("not inspected in time");
  });

  test("Outlook cannot hand the file over: named with that reason", async () => {
    itemWith(kashihara, { behaviour: { [CONTENT_CALL]: "fail" }, displayLanguage: "ja-JP" });
    const { options, context } = await send();
    expect(context).toMatchObject({ verdict: "confirm", codes: ["attachment-unscannable"] });
    expect(options.errorMessage).toContain("Outlookからファイルを取得できませんでした");
  });

  test("the policy decides how a file not inspected counts (inspection.notInspected)", async () => {
    itemWith(kashihara, { behaviour: { [CONTENT_CALL]: "never" } }, { inspection: { notInspected: "review" } });
    expect((await send(1000)).context.verdict).toBe("review");
    itemWith(kashihara, { behaviour: { [CONTENT_CALL]: "never" } }, { inspection: { notInspected: "off" } });
    expect((await send(1000)).options).toEqual({ allowEvent: true });
  });

  test("a file larger than inspection.maxBytes is not read at all", async () => {
    const fake = itemWith({ ...kashihara, attachments: [{ id: "big", name: "backup.csv", size: 30 * 1024 * 1024 }] });
    await send();
    expect(contentReads(fake.calls)).toBe(0);
  });

  test("PPAP found at Send prompts; a Shift_JIS class list is read and stopped", async () => {
    itemWith({ ...kashihara, attachments: [{ id: "z", name: "資料.zip", content: await zip({ "名簿.xlsx": residents }, { password: "himitsu", zipCrypto: true }) }] });
    expect((await send()).context).toMatchObject({ verdict: "confirm", codes: ["attachment-unscannable"] });
    const rows = peopleRows(40).map((row) => row.join(",")).join("\r\n");
    itemWith({ ...kashihara, attachments: [{ id: "c", name: "名簿.csv", content: shiftJis(rows) }] });
    expect((await send()).context.codes).toEqual(expect.arrayContaining(["attachment-personal-data"]));
  });
});
