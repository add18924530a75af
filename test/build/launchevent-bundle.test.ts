import * as acorn from "acorn";
import * as vm from "node:vm";
import { ON_MESSAGE_SEND } from "../../src/event/on-message-send";
import { TASKPANE_COMMAND_ID } from "../../src/office/alert-options";
import { addresses, CARRIER_DOMAINS } from "../support/drafts";
import { createEvent } from "../support/fake-office";
import { distFile, loadLaunchEvent } from "../support/dist";

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

  test("registers the handler at top level with Office.actions.associate", () => {
    const { fake } = loadLaunchEvent({});
    expect([...fake.associated.keys()]).toEqual([ON_MESSAGE_SEND]);
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

  test("fetches policy.json from the build origin with an absolute URL", async () => {
    const fetch = jest.fn(() => Promise.reject(new Error("offline")));
    await sendThroughBundle({ to: people(["yamada@acme.co.jp"]) }, { fetch });
    expect(fetch).toHaveBeenCalledWith("https://localhost:3000/policy.json", expect.anything());
  });
});

describe("dist/launchevent.js source", () => {
  const source = distFile("launchevent.js");

  test("parses as ES2016 script (classic Outlook before Version 2403)", () => {
    expect(() => acorn.parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("has no chunk loading, dynamic import or DOM globals", () => {
    expect(source).not.toMatch(/\bimport\(/);
    expect(source).not.toMatch(/webpackChunk|document\.|\bwindow\.|\bself\./);
    expect(source).not.toMatch(/importScripts|currentScript/);
  });
});
