/**
 * What people read, on screen, in Japanese and English: each state is saved as a
 * screenshot (test-artifacts/e2e/text-*.png, to be looked at) and checked against the
 * text rules: each thing named once, the hint that fits, counts that agree, buttons
 * that do not break inside a word, Apply on screen at 320 px.
 */
import type { Frame } from "playwright-core";
import { screenshot } from "../support/browser";
import { peopleRows } from "../support/files";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(90_000);

const suite = playgroundSuite();
const GUARDIANS = Array.from({ length: 12 }, (_, i) => `hogosha${i}@${["docomo.ne.jp", "ezweb.ne.jp", "gmail.com", "yahoo.co.jp"][i % 4]}`);
const CUSTOMERS = ["a@tokyo-unyu.co.jp", "b@tokyo-unyu.co.jp", "c@chiba-butsuryu.jp"];

function paneFrame(): Frame {
  const frame = suite.pg.page.frame({ name: "sendguard-taskpane" });
  if (!frame) throw new Error("task pane is not open");
  return frame;
}

/** The message every test below starts from: the head of a school writing to 12 guardians and 3 company contacts in CC. */
async function compose(language: "ja" | "en", openPane: boolean): Promise<void> {
  await suite.pg.open(language);
  await suite.pg.type("to", "encho@mirai-shoji.co.jp");
  await suite.pg.type("cc", [...GUARDIANS, ...CUSTOMERS].join("; "));
  if (!openPane) return;
  await suite.pg.page.getByTestId("ribbon-send-guard").click();
  await suite.pg.paneVerdict("review");
}

describe.each(["ja", "en"] as const)("%s", (language) => {
  test("the Smart Alert names each address once, says to move them to BCC, and its buttons never break inside a word", async () => {
    await compose(language, false);
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    for (const address of [...GUARDIANS, ...CUSTOMERS]) expect(message.split(address).length - 1).toBeLessThanOrEqual(1);
    expect(message).toContain(language === "ja" ? "BCCへ移す" : "move the outside recipients to BCC");
    expect(message).not.toContain(language === "ja" ? "添付ファイル" : "file");
    expect(message).not.toMatch(/\d+つ|\((s|es)\)/);
    await screenshot(suite.pg.page, `text-alert-${language}`);

    // A narrow window (a phone-sized browser): the dialog wraps whole buttons, never a word inside one.
    await suite.pg.page.setViewportSize({ width: 340, height: 800 });
    const buttons = suite.pg.alert.locator("button");
    for (const button of await buttons.all()) {
      // One line of text: a Fluent button is 32 px high; a label broken over two lines makes it taller.
      expect(await button.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(40);
    }
    await screenshot(suite.pg.page, `text-alert-narrow-${language}`);
  });

  test("the pane's counts agree: the intro's organizations and individuals are the parties listed, and 'show more' shows the rest", async () => {
    await compose(language, true);
    const intro = await suite.pg.pane.getByTestId("exposure-intro").innerText();
    expect(intro).toContain(language === "ja" ? "2社・12名" : "2 organizations and 12 individuals");
    const shown = await suite.pg.pane.locator("[data-testid=parties] > li").count();
    const more = suite.pg.pane.getByTestId("show-more-parties");
    const label = await more.innerText();
    const hidden = Number(/\d+/.exec(label)?.[0]);
    await more.click();
    const all = suite.pg.pane.locator("[data-testid=parties] > li");
    expect(await all.count()).toBe(shown + hidden);
    expect(await suite.pg.pane.locator("[data-testid=parties] > li[data-kind=organization]").count()).toBe(2);
    expect(await suite.pg.pane.locator("[data-testid=parties] > li[data-kind=individual]").count()).toBe(12);
    // Each recipient is named once in the list.
    const list = await suite.pg.pane.getByTestId("parties").innerText();
    for (const address of [...GUARDIANS, ...CUSTOMERS]) expect(list.split(address)).toHaveLength(2);
    await screenshot(suite.pg.page, `text-pane-${language}`);
  });

  test("the BCC preview's Apply is on screen without scrolling in the 320 px pane", async () => {
    await compose(language, true);
    await suite.pg.pane.getByTestId("move-to-bcc").click();
    await suite.pg.pane.getByTestId("bcc-preview").waitFor();
    const frame = paneFrame();
    const place = await frame.evaluate(() => {
      const apply = document.querySelector("[data-testid=apply-bcc]") as HTMLElement;
      const box = apply.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight, width: document.documentElement.clientWidth };
    });
    expect(place.width).toBeLessThanOrEqual(320);
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.bottom).toBeLessThanOrEqual(place.height);
    await screenshot(suite.pg.page, `text-preview-320-${language}`);
  });

  test("look-alike addresses: the alert names each once and says to correct them; each Replace is on screen at 320 px and does not break inside a word", async () => {
    await suite.pg.open(language);
    await suite.pg.type("to", "hogosha@gmial.com; tanaka@mirai-sohji.co.jp");
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    for (const address of ["hogosha@gmial.com", "tanaka@mirai-sohji.co.jp"]) expect(message.split(address)).toHaveLength(2);
    expect(message).toContain(language === "ja" ? "宛先のアドレスを直" : "correct the address");
    // They would also see each other: said once, after the addresses, without naming them again.
    expect(message).toContain(language === "ja" ? "互いのアドレスも見えます" : "would also see each other's addresses");
    await screenshot(suite.pg.page, `text-lookalike-alert-${language}`);
    await suite.pg.page.getByTestId("alert-action").click();
    await suite.pg.paneVerdict("confirm");
    const frame = paneFrame();
    const buttons = await frame.evaluate(() =>
      Array.from(document.querySelectorAll("[data-testid=replace-recipient]")).map((el) => {
        const box = el.getBoundingClientRect();
        return { text: el.textContent, right: box.right, top: box.top, bottom: box.bottom, height: box.height, width: document.documentElement.clientWidth, innerHeight: window.innerHeight };
      }),
    );
    expect(buttons.map((b) => b.text)).toEqual(
      language === "ja" ? ["hogosha@gmail.com に置き換え", "tanaka@mirai-shoji.co.jp に置き換え"] : ["Replace with hogosha@gmail.com", "Replace with tanaka@mirai-shoji.co.jp"],
    );
    for (const b of buttons) {
      expect(b.width).toBeLessThanOrEqual(320);
      expect(b.right).toBeLessThanOrEqual(b.width);
      // On screen without scrolling: the addresses come before the exposure in the pane.
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(b.innerHeight);
      expect(b.height).toBeLessThanOrEqual(40);
    }
    await screenshot(suite.pg.page, `text-lookalike-pane-320-${language}`);
  });

  test("a flagged file: the alert names it once and says to remove it, nothing about BCC", async () => {
    await suite.pg.open(language);
    await suite.pg.type("to", "client@acme.co.jp");
    await suite.pg.attach("資料.csv", peopleRows(30).map((r) => r.join(",")).join("\r\n"));
    await suite.pg.backgroundDone();
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message.split("資料.csv")).toHaveLength(2);
    expect(message).toContain(language === "ja" ? "添付ファイルを削除" : "remove the file");
    expect(message).not.toContain("BCC");
    await screenshot(suite.pg.page, `text-file-alert-${language}`);
  });

  test("the playground refuses what is not an email address, as Outlook does, and keeps it for correction", async () => {
    await suite.pg.open(language);
    await suite.pg.type("to", "tanaka@@example.com; ok@acme.co.jp; foo bar@example.com");
    const added = await suite.pg.page.locator("[data-testid=field-to] [data-testid=recipient]").allInnerTexts();
    expect(added.join(" ")).toContain("ok@acme.co.jp");
    expect(added.join(" ")).not.toContain("tanaka@@example.com");
    expect(await suite.pg.page.locator("#recipients-to").inputValue()).toBe("tanaka@@example.com; foo bar@example.com");
    const error = await suite.pg.page.getByTestId("invalid-to").innerText();
    expect(error).toContain("tanaka@@example.com");
    expect(error).toContain("foo bar@example.com");
    expect((await suite.pg.snapshot()).mailbox.to.map((r) => r.emailAddress)).toEqual(["ok@acme.co.jp"]);
    await screenshot(suite.pg.page, `text-invalid-address-${language}`);
  });
});

test("a spinner shows while a large file is read and inspected, and goes when it is done", async () => {
  await suite.pg.open("ja");
  await suite.pg.type("to", "client@acme.co.jp");
  const rows = peopleRows(60_000).map((r) => r.join(",")).join("\r\n");
  const spinner = suite.pg.page.getByTestId("inspecting");
  const seen = spinner.waitFor({ state: "visible", timeout: 30_000 });
  await suite.pg.page.getByTestId("attach").setInputFiles({ name: "大きな名簿.csv", mimeType: "text/csv", buffer: Buffer.from(rows) });
  await seen;
  await screenshot(suite.pg.page, "text-inspecting-ja");
  await suite.pg.backgroundDone();
  expect(await spinner.count()).toBe(0);
  // The file's row: an icon drawn as SVG, not an emoji that machines without an emoji font show as an empty box.
  const row = suite.pg.page.getByTestId("attachment").filter({ hasText: "大きな名簿.csv" });
  expect(await row.locator("svg").count()).toBe(1);
  expect(await row.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
});
