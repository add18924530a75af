import * as acorn from "acorn";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as vm from "node:vm";
import { ON_ATTACHMENTS_CHANGED } from "../../src/event/on-attachments-changed";
import { ON_MESSAGE_SEND } from "../../src/event/on-message-send";
import { TASKPANE_COMMAND_ID } from "../../src/office/alert-options";
import { addresses, CARRIER_DOMAINS } from "../support/drafts";
import { COMPOSE_SESSION_KEY, INSPECTIONS_SESSION_KEY } from "../../src/shared/session-keys";
import { createEvent } from "../support/fake-office";
import { peopleRows, shiftJis, xlsx } from "../support/files";
import { distFile, loadLaunchEvent } from "../support/dist";
import { ON_NEW_MESSAGE_COMPOSE } from "../../src/event/on-new-message-compose";
import { POLICY_FORMAT } from "../../src/policy/sealed";

const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

async function sendThroughBundle(spec: Parameters<typeof loadLaunchEvent>[0], extra: Record<string, unknown> = {}) {
  const { fake, context } = loadLaunchEvent(spec, {}, extra);
  const handler = fake.associated.get(ON_MESSAGE_SEND);
  expect(typeof handler).toBe("function");
  const { event, completions, first } = createEvent();
  handler?.(event);
  const options = await first;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { options, completions, context };
}

describe("dist/launchevent.js in a JavaScript-only runtime (node:vm)", () => {
  test("the context has no window, document, self or require", () => {
    const { context } = loadLaunchEvent({});
    expect(vm.runInContext("[typeof window, typeof document, typeof self, typeof require, typeof module]", context)).toEqual([
      "undefined", "undefined", "undefined", "undefined", "undefined",
    ]);
  });

  test("registers the handlers at top level with Office.actions.associate", () => {
    const { fake } = loadLaunchEvent({});
    expect([...fake.associated.keys()]).toEqual([ON_MESSAGE_SEND, ON_ATTACHMENTS_CHANGED, ON_NEW_MESSAGE_COMPOSE]);
  });

  test("OnNewMessageCompose records a reply-all's participants, and Send then lets the unchanged reply go", async () => {
    const replyAll = { composeType: "reply" as const, to: people(["a@acme.co.jp"]), cc: people(["b@globex.co.jp", "c@initech.co.jp"]) };
    const { fake } = loadLaunchEvent(replyAll);
    await new Promise<void>((resolve) => fake.associated.get(ON_NEW_MESSAGE_COMPOSE)?.({ completed: () => resolve() }));
    expect(JSON.parse(fake.sim.sessionData.get(COMPOSE_SESSION_KEY) ?? "null")).toEqual({ v: 1, type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] });
    const { event, first } = createEvent();
    fake.associated.get(ON_MESSAGE_SEND)?.(event);
    expect(await first).toEqual({ allowEvent: true });
  });

  test("an ordinary message is sent (no fetch available: embedded policy)", async () => {
    const { options, completions } = await sendThroughBundle({ to: people(["yamada@acme.co.jp"]), cc: people(["sato@mirai-shoji.co.jp"]) });
    expect(options).toEqual({ allowEvent: true });
    expect(completions).toHaveLength(1);
  });

  test("the Asunaro message is stopped with the task pane button", async () => {
    const { options, completions } = await sendThroughBundle({ cc: people(addresses(88, CARRIER_DOMAINS)) });
    expect(completions).toHaveLength(1);
    expect(options).toMatchObject({ allowEvent: false, commandId: TASKPANE_COMMAND_ID, cancelLabel: "Open Send Guard" });
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", codes: ["external-exposure"] });
  });

  test.each([
    ["a Cyrillic а in our own domain (IDN homoglyph, kept by the bundle's cut confusables table)", "tanaka@xn--miri-shoji-1qi.co.jp"],
    ["rn for m in our own domain", "tanaka@rnirai-shoji.co.jp"],
    ["a carrier domain one key off", "hogosha@docomo.ne.jo"],
  ])("a look-alike is asked about at Send through the bundle: %s", async (_name, address) => {
    const { options } = await sendThroughBundle({ to: people([address]) });
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "confirm", codes: ["lookalike-domain"] });
  });

  test("the bundle's confusables table keeps Latin and Japanese prototypes only, and is the package's table otherwise", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cut = require("../../scripts/confusables-loader.js") as (source: string) => string;
    const full = JSON.stringify({ "а": "a", "rn": "rn", "ｍ": "m", "ー": "一", "ϲ": "c", "ɑ": "α", "0": "O", "m": "rn", "~": "˜" });
    const kept = vm.runInNewContext(`(() => { const module = {}; ${cut(full)}; return module.exports; })()`) as { ascii: Record<string, string>; rest: string };
    // ASCII characters ready to use; the rest as JSON text, parsed only when a non-ASCII character is met.
    expect(kept.ascii).toEqual({ "0": "O", "m": "rn" });
    expect(typeof kept.rest).toBe("string");
    expect(JSON.parse(kept.rest)).toEqual({ "а": "a", "rn": "rn", "ｍ": "m", "ー": "一", "ϲ": "c" });
  });

  test("the public suffix list reaches the bundle with its tables as JSON text: the same numbers, the same answers", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const toJson = require("../../scripts/typed-array-loader.js") as (source: string) => string;
    const original = readFileSync(join(process.cwd(), "node_modules/tldts-icann/dist/index.cjs.min.js"), "utf8");
    const converted = toJson(original);
    const tables = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((m) => (m[1] ?? "").replace(/\s/g, ""));
    const literal = tables(original, /new Uint(?:8|16|32)Array\(\[([\d\s,]*)\]\)/g);
    expect(literal.length).toBeGreaterThanOrEqual(4);
    expect(tables(converted, /new Uint(?:8|16|32)Array\(JSON\.parse\("\[([\d,]*)\]"\)\)/g)).toEqual(literal);
    const load = (source: string) => {
      const module = { exports: {} as { getDomain(d: string): string | null; getPublicSuffix(d: string): string | null } };
      vm.runInNewContext(source, { module, exports: module.exports });
      return module.exports;
    };
    const [before, after] = [load(original), load(converted)];
    // Wildcard and exception rules (*.kawasaki.jp, !city.kawasaki.jp), IDN, deep subdomains, an IP, a bare suffix.
    for (const domain of ["mail.acme.co.jp", "city.kawasaki.jp", "foo.bar.kawasaki.jp", "xn--fiqs8s", "例え.jp", "a.b.c.d.example.co.uk", "192.168.0.1", "co.jp", "docomo.ne.jp", "abc.biglobe.ne.jp"]) {
      expect([domain, after.getDomain(domain), after.getPublicSuffix(domain)]).toEqual([domain, before.getDomain(domain), before.getPublicSuffix(domain)]);
    }
    expect(after.getDomain("city.kawasaki.jp")).toBe("city.kawasaki.jp");
    expect(() => toJson("exports.rulesRoot = 1;")).toThrow(/no typed array table/);
  });

  test("the bundle computes the same skeletons as Node, ASCII and not (homoglyphs of well-known domains)", async () => {
    // gmai1.com (digit one), rnsn.com (rn for m), and yahо.co.jp with a Cyrillic о.
    for (const address of ["a@gmai1.com", "a@xn--yaho-85d.co.jp", "a@rnsn.com"]) {
      const { options } = await sendThroughBundle({ to: people([address]) });
      expect({ address, ...JSON.parse(options.contextData as string) }).toMatchObject({ address, verdict: "confirm", codes: ["lookalike-domain"] });
    }
  });

  test("fetches policy.json from the build origin with an absolute URL", async () => {
    const fetch = jest.fn(() => Promise.reject(new Error("offline")));
    await sendThroughBundle({ to: people(["yamada@acme.co.jp"]) }, { fetch });
    expect(fetch).toHaveBeenCalledWith(`https://localhost:3000/policy.json?format=${POLICY_FORMAT}`, expect.anything());
  });
});

describe("dist/launchevent.js inspects attachments without TextDecoder, TextEncoder or atob (not promised there)", () => {
  const outsider = { to: people(["tantou@requester.co.jp"]), subject: "ご依頼の資料" };

  test("the context really lacks them", () => {
    const { context } = loadLaunchEvent({});
    expect(vm.runInContext("[typeof TextEncoder, typeof atob]", context)).toEqual(["undefined", "undefined"]);
  });

  test("an Excel file of residents attached just before Send is read at Send and stopped", async () => {
    const { options } = await sendThroughBundle({ ...outsider, attachments: [{ id: "0", name: "資料.xlsx", content: xlsx([{ name: "Sheet1", rows: peopleRows(200) }]) }] });
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", codes: expect.arrayContaining(["attachment-personal-data", "attachment-address-list"]) });
  });

  test("OnMessageAttachmentsChanged stores the inspection on the item, then Send reads nothing", async () => {
    const spec = { ...outsider, attachments: [{ id: "0", name: "list.csv", content: new TextEncoder().encode(peopleRows(30).map((r) => r.join(",")).join("\n")) }] };
    const { fake } = loadLaunchEvent(spec);
    await new Promise<void>((resolve) => fake.associated.get(ON_ATTACHMENTS_CHANGED)?.({ completed: () => resolve() }));
    expect(fake.sim.sessionData.get(INSPECTIONS_SESSION_KEY)).toContain('"addressCount":30');
    fake.calls.length = 0;
    const { event, first } = createEvent();
    fake.associated.get(ON_MESSAGE_SEND)?.(event);
    expect(JSON.parse((await first).contextData as string).codes).toEqual(expect.arrayContaining(["attachment-address-list"]));
    expect(fake.calls).not.toContain("getAttachmentContentAsync");
  });

  test("a Shift_JIS CSV it cannot decode there is named, not passed in silence", async () => {
    const rows = peopleRows(30).map((r) => r.join(",")).join("\r\n");
    const { options } = await sendThroughBundle({ ...outsider, attachments: [{ id: "0", name: "クラス.csv", content: shiftJis(rows) }] });
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "confirm", codes: ["attachment-unscannable"] });
    expect(options.errorMessage).toContain("text not readable in this Outlook");
  });
});

describe("dist/launchevent.js source", () => {
  const source = distFile("launchevent.js");

  test("parses as ES2016 script (classic Outlook before Version 2403)", () => {
    expect(() => acorn.parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("has no chunk loading, dynamic import or DOM globals", () => {
    expect(source).not.toMatch(/\bimport\(/);
    expect(source).not.toMatch(/webpackChunk|(?<![\w/])document\.|\bwindow\.|\bself\./);
    expect(source).not.toMatch(/importScripts|currentScript/);
  });

  test("carries each down-levelling helper once (swc's external helpers), not a copy per module", () => {
    // The object-spread helpers (what `{ ...a }` becomes in ES2016) walk own symbols; each copy of them does so once.
    expect(source.match(/typeof Object\.getOwnPropertySymbols&&\(\w+=\w+\.concat\(Object\.getOwnPropertySymbols/g) ?? []).toHaveLength(1);
    expect(source.match(/Object\.getOwnPropertyDescriptors\?Object\.defineProperties/g) ?? []).toHaveLength(1);
  });
});
