import type { Browser } from "playwright-core";
import { launchBrowser, openPage, screenshot, startServer, type TestPage } from "../support/browser";
import { peopleRows, shiftJis, xlsx, zip } from "../support/files";
import { Playground } from "./playground-page";

jest.setTimeout(60_000);

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let current: TestPage;
let pg: Playground;

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
  expect(current.errors).toEqual([]);
  expect(current.external.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
  await current.context.close();
});

/** Opens the pane from the ribbon and waits until it has inspected the attachments (the finding shows up). */
async function paneFinds(code: string) {
  await pg.page.getByTestId("ribbon-send-guard").click();
  await pg.pane.locator(`[data-code="${code}"]`).waitFor({ timeout: 10_000 });
  return pg.pane.locator(`[data-code="${code}"]`).innerText();
}

describe("attachment contents are inspected when attachments change, not at Send", () => {
  test("the Kashihara case: an innocently named Excel file of residents to an outside requester → the pane and then Send name it", async () => {
    await pg.open("ja");
    await pg.type("to", "requester@outside-firm.co.jp");
    await pg.subject("ご依頼の資料");
    await pg.attach("資料.xlsx", Buffer.from(xlsx([{ name: "住民", rows: peopleRows(120) }])));
    const text = await paneFinds("attachment-personal-data");
    expect(text).toContain("資料.xlsx");
    await screenshot(pg.page, "inspection-1-pane-ja");

    await pg.send();
    await pg.alert.waitFor();
    const message = await pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("添付ファイルに個人情報が含まれています");
    expect(await pg.sent()).toEqual([]);
    await screenshot(pg.page, "inspection-2-alert-ja");
  });

  test("the Montedio case: the recipient list attached as a Shift_JIS CSV → address list with the not-recipient count", async () => {
    await pg.open("en");
    await pg.type("to", "info@sponsor.co.jp");
    const list = Array.from({ length: 30 }, (_, i) => `supporter${i}@example${i % 5}.ne.jp`).join("\r\n");
    await pg.attach("list.csv", Buffer.from(shiftJis(`メールアドレス\r\n${list}`)));
    const text = await paneFinds("attachment-address-list");
    expect(text).toContain("list.csv (30 addresses, 30 not among the recipients)");
  });

  test("PPAP: a password-protected ZIP is named as not inspected and Send asks to confirm", async () => {
    await pg.open("en");
    await pg.type("to", "client@acme.co.jp");
    await pg.attach("見積.zip", Buffer.from(await zip({ "顧客名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(5) }]) }, { password: "pw", zipCrypto: true })));
    expect(await paneFinds("attachment-unscannable")).toContain("password-protected ZIP");
    await pg.send();
    await pg.alert.waitFor();
    await pg.page.getByTestId("alert-send-anyway").waitFor();
  });

  test("an ordinary quote to a customer goes out without a prompt", async () => {
    await pg.open("en");
    await pg.type("to", "client@acme.co.jp");
    await pg.attach("quote.xlsx", Buffer.from(xlsx([{ name: "見積", rows: [["品名", "数量", "単価"], ["A4用紙", "10", "500"]] }])));
    await pg.page.getByTestId("ribbon-send-guard").click();
    await pg.paneVerdict("allow");
    // Give the pane time to inspect and store; then Send must still pass.
    await pg.page.waitForTimeout(500);
    await pg.send();
    await pg.settled();
    expect((await pg.sent()).length).toBe(1);
  });
});
