import type { Browser } from "playwright-core";
import { launchBrowser, openPage, screenshot, startServer, type TestPage } from "../support/browser";
import { Playground } from "./playground-page";

jest.setTimeout(60_000);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let current: TestPage;
let pg: Playground;

const GUARDIANS = [
  "保護者 一郎 <ichiro.hogosha@docomo.ne.jp>",
  "hanako.mama@ezweb.ne.jp",
  "taro-papa@i.softbank.jp",
  "yamada.family@gmail.com",
  "suzuki_k@yahoo.co.jp",
  "sato.m@icloud.com",
];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  current = await openPage(browser);
  pg = new Playground(current.page, server.url);
});

afterEach(async () => {
  // Nothing on these pages may need the internet, and no frame may throw.
  expect(current.errors).toEqual([]);
  expect(current.external.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
  await current.context.close();
});

describe("the Asunaro case, typed in (ja)", () => {
  test("guardians in CC → Smart Alert → task pane → move to BCC → Send passes with no outside address visible", async () => {
    await pg.open("ja");
    await pg.type("to", "園長 <encho@mirai-shoji.co.jp>");
    await pg.type("cc", GUARDIANS.join("; "));
    await pg.subject("運動会のお知らせ");
    await pg.send();

    await pg.alert.waitFor();
    const message = await pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("Send Guardがこのメールの送信を止めました");
    expect(message).toContain("ichiro.hogosha@docomo.ne.jp");
    await expect(pg.page.getByTestId("alert-send-anyway").count()).resolves.toBe(0);
    expect(await pg.page.getByTestId("alert-violations").count()).toBe(0);
    const action = pg.page.getByTestId("alert-action");
    expect(await action.innerText()).toBe("Send Guardを開く");
    await screenshot(pg.page, "asunaro-1-smart-alert-ja");

    await action.click();
    expect(await pg.paneVerdict()).toBe("review");
    await pg.pane.getByTestId("alert-context").waitFor();
    expect(await pg.pane.getByTestId("exposure").innerText()).toContain("社外アドレス6件");
    const parties = pg.pane.locator("[data-testid=parties] > li");
    expect(await parties.count()).toBe(7);
    expect(await parties.first().getAttribute("data-kind")).toBe("individual");
    expect(await parties.last().getAttribute("data-kind")).toBe("internal");
    await screenshot(pg.page, "asunaro-2-pane-ja");

    await pg.pane.getByTestId("move-to-bcc").click();
    const preview = pg.pane.getByTestId("bcc-preview");
    await preview.waitFor();
    expect(await pg.pane.getByTestId("preview-to").innerText()).toBe("encho@mirai-shoji.co.jp");
    expect(await pg.pane.getByTestId("preview-cc").innerText()).toBe("（なし）");
    expect(await pg.pane.getByTestId("preview-bcc").innerText()).toContain("ichiro.hogosha@docomo.ne.jp");
    expect(await pg.pane.getByTestId("preview-result").getAttribute("data-verdict")).toBe("allow");
    await screenshot(pg.page, "asunaro-3-preview-ja");

    await pg.pane.getByTestId("apply-bcc").click();
    expect(await pg.paneVerdict("allow")).toBe("allow");
    expect(await pg.pane.getByTestId("notice").innerText()).toContain("社外アドレス6件をBCCへ移しました");
    const mailbox = (await pg.snapshot()).mailbox;
    expect(mailbox.to.map((r) => r.emailAddress)).toEqual(["encho@mirai-shoji.co.jp"]);
    expect(mailbox.cc).toEqual([]);
    expect(mailbox.bcc.map((r) => r.displayName)).toContain("保護者 一郎");
    await screenshot(pg.page, "asunaro-4-fixed-ja");

    await pg.send();
    await pg.page.getByTestId("sent-message").waitFor();
    const [sent] = await pg.sent();
    expect(sent?.view.visibleOutside).toEqual([]);
    expect(sent?.bcc).toHaveLength(6);
    expect(await pg.page.getByTestId("sent-outside").innerText()).toBe("To/CCに見える社外アドレス：0件");
    expect(await pg.page.getByTestId("pane").count()).toBe(0);
    await screenshot(pg.page, "asunaro-5-sent-ja");
  });
});

describe("ordinary mail (en)", () => {
  test("one customer with a colleague in CC is sent with no alert at all", async () => {
    await pg.open("en");
    await pg.type("to", "山田 太郎 <yamada@tokyo-unyu.co.jp>");
    await pg.type("cc", "佐藤 花子 <sato@mirai-shoji.co.jp>");
    await pg.subject("Quotation");
    await pg.send();
    await pg.page.getByTestId("sent-message").waitFor();
    expect(await pg.alert.count()).toBe(0);
    const [sent] = await pg.sent();
    expect(sent?.to.map((r) => r.emailAddress)).toEqual(["yamada@tokyo-unyu.co.jp"]);
    expect(sent?.cc.map((r) => r.recipientType)).toEqual(["user"]);
    await screenshot(pg.page, "customer-sent-en");
  });
});

describe("a flagged attachment (en)", () => {
  test("confirm alert offers Send Anyway; removing the file from the pane clears it and Send passes", async () => {
    await pg.open("en");
    await pg.type("to", "yamada@tokyo-unyu.co.jp");
    await pg.subject("Documents");
    await pg.attach("顧客名簿.xlsx", "PK\u0003\u0004 not really a workbook");
    await pg.attach("agenda.pdf", "%PDF-1.7");
    await pg.send();

    await pg.alert.waitFor();
    expect(await pg.page.getByTestId("alert-message").innerText()).toContain("顧客名簿.xlsx");
    expect(await pg.page.getByTestId("alert-send-anyway").count()).toBe(1);
    await screenshot(pg.page, "attachment-1-alert-en");
    await pg.page.getByTestId("alert-action").click();

    expect(await pg.paneVerdict("confirm")).toBe("confirm");
    const files = pg.pane.getByTestId("flagged-files");
    expect(await files.innerText()).toContain("顧客名簿.xlsx");
    expect(await files.innerText()).not.toContain("agenda.pdf");
    await screenshot(pg.page, "attachment-2-pane-en");
    await pg.pane.getByRole("button", { name: "Remove 顧客名簿.xlsx from this message" }).click();

    expect(await pg.paneVerdict("allow")).toBe("allow");
    expect(await pg.pane.getByTestId("notice").innerText()).toContain("Removed 顧客名簿.xlsx");
    expect((await pg.snapshot()).mailbox.attachments.map((a) => a.name)).toEqual(["agenda.pdf"]);

    await pg.send();
    await pg.page.getByTestId("sent-message").waitFor();
    expect((await pg.sent())[0]?.attachments.map((a) => a.name)).toEqual(["agenda.pdf"]);
  });
});

describe("an Office failure at Send", () => {
  test.each([
    ["never", "to.getAsync"],
    ["fail", "getAttachmentsAsync"],
  ])("a call that does %s (%s) gives the fail-closed alert, and nothing is sent", async (fault, call) => {
    await pg.open("en");
    await pg.type("to", "yamada@tokyo-unyu.co.jp");
    await pg.page.getByTestId("fault-call").selectOption(call);
    await pg.page.getByTestId("fault-kind").selectOption(fault);
    await pg.send();

    await pg.alert.waitFor({ timeout: 10_000 });
    const message = await pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("Send Guard could not finish checking this message");
    expect(message).toContain(fault === "never" ? "the check took too long" : "Outlook did not return the message details");
    expect(await pg.page.getByTestId("alert-send-anyway").count()).toBe(0);
    await screenshot(pg.page, `fail-closed-${fault}-en`);

    await pg.page.getByTestId("alert-dont-send").click();
    await pg.settled();
    expect(await pg.sent()).toEqual([]);
    expect((await pg.snapshot()).mailbox.to).toHaveLength(1);
  });
});

describe("the policy editor", () => {
  test("an invalid policy is refused with the key named; a stricter valid one changes what Send does", async () => {
    await pg.open("en");
    const editor = pg.page.getByTestId("policy");
    const original = await editor.inputValue();

    await editor.fill(original.replace('"massThreshold": 10', '"massThreshold": "ten"'));
    await pg.page.getByTestId("apply-policy").click();
    expect(await pg.page.getByTestId("policy-error").innerText()).toContain("exposure.massThreshold");

    await editor.fill(original.replace('"mode": "cross-party"', '"mode": "any-external"'));
    await pg.page.getByTestId("apply-policy").click();
    expect(await pg.page.getByTestId("policy-error").count()).toBe(0);

    await pg.type("to", "yamada@tokyo-unyu.co.jp");
    await pg.type("cc", "sato@mirai-shoji.co.jp");
    await pg.send();
    await pg.alert.waitFor();
    expect(await pg.page.getByTestId("alert-message").innerText()).toContain("Send Guard stopped this message");
  });
});
