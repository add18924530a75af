import type { Browser, Frame } from "playwright-core";
import { launchBrowser, openPage, screenshot, startServer, type TestPage } from "../support/browser";
import { Playground } from "./playground-page";

jest.setTimeout(60_000);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let current: TestPage;
let pg: Playground;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function start(options: Parameters<Browser["newContext"]>[0] = {}, language: "ja" | "en" = "en") {
  current = await openPage(browser, options);
  pg = new Playground(current.page, server.url);
  await pg.open(language);
}

afterEach(async () => {
  expect(current.errors).toEqual([]);
  await current.context.close();
});

function paneFrame(): Frame {
  const frame = pg.page.frame({ name: "sendguard-taskpane" });
  if (!frame) throw new Error("task pane is not open");
  return frame;
}

/**
 * The pane's background token as [r, g, b] (in forced-colors mode the browser
 * paints system colours itself, so the token tells which Fluent theme was chosen).
 */
async function paneBackground(): Promise<number[]> {
  const color = await paneFrame().evaluate(() =>
    getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).getPropertyValue("--colorNeutralBackground1").trim(),
  );
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!hex) throw new Error(`unexpected colour token ${color}`);
  return hex.slice(1).map((h) => parseInt(h, 16));
}

async function exposeAsunaro() {
  await pg.page.getByTestId("example-asunaro").click();
  await pg.page.getByTestId("ribbon-send-guard").click();
  await pg.paneVerdict("review");
}

test("keyboard only: Tab reaches the fix, Enter previews and applies it, focus lands on the result", async () => {
  await start();
  await exposeAsunaro();
  const frame = paneFrame();
  // Outlook moves focus into the pane (F6); here: focus the pane's frame, then only the keyboard.
  await pg.page.getByTestId("pane").focus();
  // Tab until the fix button has focus; every stop on the way must be a labelled control.
  for (let i = 0; i < 20; i++) {
    await pg.page.keyboard.press("Tab");
    const focused = await frame.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
    if (focused === "move-to-bcc") break;
  }
  expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("move-to-bcc");
  await pg.page.keyboard.press("Enter");
  await pg.pane.getByTestId("bcc-preview").waitFor();
  // Focus moves to the preview so a screen reader reads it next.
  expect(await frame.evaluate(() => document.activeElement?.id)).toBe("bcc-preview-title");
  for (let i = 0; i < 5 && (await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"))) !== "apply-bcc"; i++) {
    await pg.page.keyboard.press("Tab");
  }
  await pg.page.keyboard.press("Enter");
  await pg.paneVerdict("allow");
  expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("notice");
});

test("every control in the pane has an accessible name and the layout fits 320 px without sideways scrolling", async () => {
  await start({}, "ja");
  await pg.page.getByTestId("example-list").click();
  await pg.type("cc", "customer@other-client.co.jp; someone@gmail.com");
  await pg.page.getByTestId("ribbon-send-guard").click();
  await pg.paneVerdict("review");
  await pg.pane.getByTestId("move-to-bcc").click();
  await pg.pane.getByTestId("bcc-preview").waitFor();

  const frame = paneFrame();
  expect(await frame.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(320);
  const unnamed = await frame.evaluate(() =>
    Array.from(document.querySelectorAll("button, input, select, textarea, [role=button]"))
      .filter((el) => !(el.getAttribute("aria-label") || el.textContent?.trim() || el.getAttribute("aria-labelledby") || ((el as HTMLInputElement).labels?.length ?? 0) > 0))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(pg.page, "pane-320px-ja");
});

test.each([
  ["light", { colorScheme: "light" as const }, (rgb: number[]) => Math.min(...rgb) > 200],
  ["dark", { colorScheme: "dark" as const }, (rgb: number[]) => Math.max(...rgb) < 80],
  ["high contrast", { forcedColors: "active" as const }, (rgb: number[]) => Math.max(...rgb) === 0],
])("%s theme: the pane follows it through Fluent tokens", async (name, media, isExpected) => {
  await start(media);
  await exposeAsunaro();
  const rgb = await paneBackground();
  expect(isExpected(rgb)).toBe(true);
  await screenshot(pg.page, `pane-theme-${name.replace(" ", "-")}`);
});

test("an open pane receives the Smart Alert's context without reloading (Mailbox 1.15 InitializationContextChanged)", async () => {
  await start();
  await exposeAsunaro();
  expect(await pg.pane.getByTestId("alert-context").count()).toBe(0);
  await pg.pane.locator("body").evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  await pg.send();
  await pg.alert.waitFor();
  await pg.page.getByTestId("alert-action").click();
  await pg.pane.getByTestId("alert-context").waitFor();
  // Same document: the marker survived, so the pane was not reloaded.
  expect(await pg.pane.locator("body").evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test("on Mailbox 1.14 the pane is opened afresh with the context, and the recipient change event still re-evaluates", async () => {
  await start();
  await pg.page.getByTestId("client").selectOption("1.14");
  await pg.type("to", "a@tokyo-unyu.co.jp");
  await pg.send();
  await pg.page.getByTestId("sent-message").waitFor();

  await pg.type("to", "a@tokyo-unyu.co.jp; b@gmail.com; c@ezweb.ne.jp; d@yahoo.co.jp");
  await pg.send();
  await pg.alert.waitFor();
  await pg.page.getByTestId("alert-action").click();
  await pg.pane.getByTestId("alert-context").waitFor();
  expect(await pg.paneVerdict("review")).toBe("review");

  // The sender removes the gmail address in the compose window: the pane re-evaluates on RecipientsChanged
  // (three parties left: a small set, the sender's to confirm).
  await pg.page.getByRole("button", { name: "Remove b@gmail.com" }).click();
  expect(await pg.paneVerdict("confirm")).toBe("confirm");
});

test("on Mailbox 1.12 (no Send Anyway) a confirm is not a dead end: the alert points to the ribbon, the sender marks it as checked in the pane, and Send lets it go", async () => {
  await start({ viewport: { width: 1100, height: 900 } }, "ja");
  await pg.page.getByTestId("client").selectOption("1.12");
  await pg.type("to", "jimu@mirai-shoji.co.jp");
  await pg.type("cc", "hogosha@gmial.com");
  await pg.send();
  await pg.alert.waitFor();
  const message = await pg.page.getByTestId("alert-message").innerText();
  expect(message).toContain("リボンの「送信前チェック」（Send Guard）で「確認済みにする」を押してから、もう一度送信してください。");
  // The 1.12 alert has neither Send Anyway nor a button to the pane.
  expect(await pg.page.getByTestId("alert-send-anyway").count()).toBe(0);
  expect(await pg.page.getByTestId("alert-action").count()).toBe(0);
  await screenshot(pg.page, "basic-client-1-alert-ja");
  await pg.page.getByTestId("alert-dont-send").click();

  await pg.page.getByTestId("ribbon-send-guard").click();
  expect(await pg.paneVerdict("confirm")).toBe("confirm");
  const button = pg.pane.getByTestId("confirm-as-is");
  expect(await button.innerText()).toBe("確認済みにする");
  await screenshot(pg.page, "basic-client-2-pane-ja");
  await button.click();
  await pg.pane.getByTestId("confirmed").waitFor();

  await pg.send();
  await pg.page.getByTestId("sent-message").waitFor();
  expect((await pg.sent())[0]?.cc.map((r) => r.emailAddress)).toEqual(["hogosha@gmial.com"]);
});

test("at 320 px the pane's Mark as checked button is on screen without scrolling sideways", async () => {
  await start({ viewport: { width: 1100, height: 900 } }, "en");
  await pg.page.getByTestId("client").selectOption("1.13");
  await pg.type("to", "jimu@mirai-shoji.co.jp");
  await pg.type("cc", "hogosha@gmial.com");
  await pg.page.getByTestId("ribbon-send-guard").click();
  expect(await pg.paneVerdict("confirm")).toBe("confirm");
  const frame = paneFrame();
  expect(await frame.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(320);
  expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  // Where the button stands inside the pane (320 px wide).
  const box = await frame.getByTestId("confirm-as-is").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width };
  });
  expect(box.width).toBeGreaterThan(0);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(320);
  await screenshot(pg.page, "basic-client-pane-320-en");
});
