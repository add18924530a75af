import { ComposeSim, EVENT_TYPE } from "../../src/playground/office-sim";

/** Office's item, typed loosely: the tests call it with wrong arguments on purpose. */
type Fn = (...args: unknown[]) => void;
interface Recipients {
  getAsync: Fn;
  setAsync: Fn;
  addAsync: Fn;
}
interface Loose {
  to: Recipients;
  cc: Recipients;
  bcc: Recipients;
  subject: { getAsync: Fn };
  sessionData: { setAsync: Fn };
  addHandlerAsync: Fn;
}

type Result = { status: string; value?: unknown; error?: { code: number; name: string; message: string }; asyncContext?: unknown };

function sim(version = "1.14") {
  const s = new ComposeSim({ user: { displayName: "田中 一郎", emailAddress: "tanaka@mirai-shoji.co.jp" }, mailboxVersion: version });
  const runtime = s.connect("taskpane");
  const office = runtime.office as {
    context: { mailbox: { item: Loose } };
  };
  return { s, runtime, item: office.context.mailbox.item };
}

const call = (invoke: (cb: (r: Result) => void) => void) => new Promise<Result>((resolve) => invoke(resolve));
const people = (n: number, domain = "gmail.com") => Array.from({ length: n }, (_, i) => `p${i}@${domain}`);

describe("the Outlook simulator follows the Office.js contract", () => {
  test("callbacks never run synchronously, and options.asyncContext comes back", async () => {
    const { item } = sim();
    let called = false;
    const done = call((cb) => item.subject.getAsync({ asyncContext: "ctx" }, (r: Result) => ((called = true), cb(r))));
    expect(called).toBe(false);
    expect(await done).toMatchObject({ status: "succeeded", value: "", asyncContext: "ctx" });
  });

  test("getters without a callback, and stray arguments, throw as office.js does", () => {
    const { item } = sim();
    expect(() => item.to.getAsync()).toThrow("Sys.ArgumentNullException");
    expect(() => item.to.getAsync("x")).toThrow("Sys.ArgumentTypeException");
    expect(() => item.to.getAsync({}, () => undefined, 3)).toThrow("Sys.ParameterCountException");
  });

  test("setAsync / addAsync take at most 100 recipients per call and refuse over-long addresses synchronously", () => {
    const { item } = sim();
    expect(() => item.bcc.setAsync(people(101), () => undefined)).toThrow("Sys.ArgumentOutOfRangeException");
    expect(() => item.bcc.addAsync([`${"x".repeat(600)}@gmail.com`], () => undefined)).toThrow("Sys.ArgumentOutOfRangeException");
    expect(() => item.bcc.setAsync("a@b.jp", () => undefined)).toThrow("Sys.ArgumentException");
  });

  test("a field holds at most 500 recipients before Mailbox 1.16 (error 9012) and getAsync returns at most that many", async () => {
    const { s, item } = sim("1.14");
    for (let i = 0; i < 5; i++) await call((cb) => item.bcc.addAsync(people(100, `d${i}.jp`), cb));
    const over = await call((cb) => item.bcc.addAsync(["one@more.jp"], cb));
    expect(over).toMatchObject({ status: "failed", error: { code: 9012, name: "NumberOfRecipientsExceeded" } });
    expect(s.mailbox.bcc).toHaveLength(500);

    s.mailbox.to = people(1200).map((emailAddress) => ({ emailAddress, displayName: emailAddress, recipientType: "externalUser" }));
    expect(((await call((cb) => item.to.getAsync(cb))).value as unknown[]).length).toBe(500);
    const web = sim("1.16");
    web.s.mailbox.to = s.mailbox.to;
    expect(((await call((cb) => web.item.to.getAsync(cb))).value as unknown[]).length).toBe(1000);
  });

  test("recipients written by an add-in are resolved by the host and raise RecipientsChanged", async () => {
    const { item, s } = sim();
    const events: unknown[] = [];
    await call((cb) => item.addHandlerAsync(EVENT_TYPE.RecipientsChanged, (e: unknown) => events.push(e), cb));
    await call((cb) => item.cc.setAsync([{ displayName: "佐藤", emailAddress: "sato@x.jp" }], cb));
    await new Promise((r) => setTimeout(r, 5));
    expect(s.mailbox.cc).toEqual([{ displayName: "佐藤", emailAddress: "sato@x.jp", recipientType: "externalUser" }]);
    expect(events).toEqual([{ type: "olkRecipientsChanged", changedRecipientFields: { to: false, cc: true, bcc: false } }]);
  });

  test("InitializationContextChanged is refused before Mailbox 1.15 and in event runtimes", async () => {
    const { item } = sim("1.14");
    expect(await call((cb) => item.addHandlerAsync(EVENT_TYPE.InitializationContextChanged, () => undefined, cb))).toMatchObject({ status: "failed" });
    const s = new ComposeSim({ user: { displayName: "x", emailAddress: "x@y.jp" }, mailboxVersion: "1.15" });
    const eventItem = (s.connect("event").office as { context: { mailbox: { item: Loose } } }).context.mailbox.item;
    expect(await call((cb) => eventItem.addHandlerAsync(EVENT_TYPE.InitializationContextChanged, () => undefined, cb))).toMatchObject({ status: "failed" });
  });

  test("sessionData is limited to 50,000 characters before Mailbox 1.16 (error 9051) and keeps what fit", async () => {
    const { item, s } = sim("1.15");
    await call((cb) => item.sessionData.setAsync("a", "x".repeat(40_000), cb));
    expect(await call((cb) => item.sessionData.setAsync("b", "y".repeat(20_000), cb))).toMatchObject({ status: "failed", error: { code: 9051 } });
    expect(s.sessionData.get("a")).toHaveLength(40_000);
    expect(s.sessionData.has("b")).toBe(false);
  });

  test("faults: fail answers with a failed AsyncResult, never never answers, throw throws, `after` lets calls through first", async () => {
    const { item, s } = sim();
    s.setFault("subject.getAsync", "fail", { after: 1 });
    expect(await call((cb) => item.subject.getAsync(cb))).toMatchObject({ status: "succeeded" });
    expect(await call((cb) => item.subject.getAsync(cb))).toMatchObject({ status: "failed", error: { code: 9042 } });
    s.setFault("to.getAsync", "throw");
    expect(() => item.to.getAsync(() => undefined)).toThrow("simulated exception");
    s.setFault("cc.getAsync", "never");
    const outcome = await Promise.race([call((cb) => item.cc.getAsync(cb)), new Promise((r) => setTimeout(() => r("no answer"), 30))]);
    expect(outcome).toBe("no answer");
  });

  test("a closed runtime gets no more item events", async () => {
    const { item, s, runtime } = sim();
    const events: unknown[] = [];
    await call((cb) => item.addHandlerAsync(EVENT_TYPE.AttachmentsChanged, (e: unknown) => events.push(e), cb));
    runtime.close();
    s.addAttachment({ name: "a.csv", size: 1 });
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual([]);
  });
});
