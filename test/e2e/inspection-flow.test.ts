import { screenshot } from "../support/browser";
import { peopleRows, shiftJis, xlsx, zip } from "../support/files";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(60_000);

const suite = playgroundSuite();

/** Opens the pane from the ribbon and waits until it has inspected the attachments (the finding shows up). */
async function paneFinds(code: string) {
  await suite.pg.page.getByTestId("ribbon-send-guard").click();
  await suite.pg.pane.locator(`[data-code="${code}"]`).waitFor({ timeout: 10_000 });
  return suite.pg.pane.locator(`[data-code="${code}"]`).innerText();
}

describe("attachment contents are inspected when attachments change, not at Send", () => {
  test("the Kashihara case: an innocently named Excel file of residents to an outside requester → the pane and then Send name it", async () => {
    await suite.pg.open("ja");
    await suite.pg.type("to", "requester@outside-firm.co.jp");
    await suite.pg.subject("ご依頼の資料");
    await suite.pg.attach("資料.xlsx", Buffer.from(xlsx([{ name: "住民", rows: peopleRows(120) }])));
    const text = await paneFinds("attachment-personal-data");
    expect(text).toContain("資料.xlsx");
    await screenshot(suite.pg.page, "inspection-1-pane-ja");

    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("添付ファイルに個人情報が含まれています");
    expect(await suite.pg.sent()).toEqual([]);
    await screenshot(suite.pg.page, "inspection-2-alert-ja");
  });

  test("the Montedio case: the recipient list attached as a Shift_JIS CSV → address list with the not-recipient count", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "info@sponsor.co.jp");
    const list = Array.from({ length: 30 }, (_, i) => `supporter${i}@example${i % 5}.ne.jp`).join("\r\n");
    await suite.pg.attach("list.csv", Buffer.from(shiftJis(`メールアドレス\r\n${list}`)));
    const text = await paneFinds("attachment-address-list");
    expect(text).toContain("list.csv (30 addresses, 30 not among the recipients)");
  });

  test("PPAP: a password-protected ZIP is named as not inspected and Send asks to confirm", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "client@acme.co.jp");
    await suite.pg.attach("見積.zip", Buffer.from(await zip({ "顧客名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(5) }]) }, { password: "pw", zipCrypto: true })));
    expect(await paneFinds("attachment-unscannable")).toContain("password-protected ZIP");
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    await suite.pg.page.getByTestId("alert-send-anyway").waitFor();
  });

  test("with the pane never opened, OnMessageAttachmentsChanged inspects the file as it is attached; Send then reads nothing", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "requester@outside-firm.co.jp");
    await suite.pg.attach("data.xlsx", Buffer.from(xlsx([{ name: "住民", rows: peopleRows(60) }])));
    await suite.pg.backgroundDone();
    // From here Outlook could not hand the file over any more: the verdict must come from what the launch event stored.
    await suite.pg.fault("getAttachmentContentAsync", "fail");
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("data.xlsx");
    expect(message).not.toContain("did not hand over");
    expect(JSON.parse((await suite.pg.snapshot()).alert?.options.contextData as string).codes).toEqual(expect.arrayContaining(["attachment-personal-data"]));
  });

  test("a file Outlook cannot hand over is named at Send as not inspected, and the sender may confirm", async () => {
    await suite.pg.open("en");
    await suite.pg.fault("getAttachmentContentAsync", "fail");
    await suite.pg.type("to", "client@acme.co.jp");
    await suite.pg.attach("quote.xlsx", Buffer.from(xlsx([{ name: "見積", rows: [["品名", "数量"], ["A4用紙", "10"]] }])));
    await suite.pg.backgroundDone();
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    expect(await suite.pg.page.getByTestId("alert-message").innerText()).toContain("quote.xlsx (Outlook did not hand over the file)");
    await suite.pg.page.getByTestId("alert-send-anyway").click();
    expect((await suite.pg.sent()).length).toBe(1);
  });

  test("an ordinary quote to a customer goes out without a prompt", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "client@acme.co.jp");
    await suite.pg.attach("quote.xlsx", Buffer.from(xlsx([{ name: "見積", rows: [["品名", "数量", "単価"], ["A4用紙", "10", "500"]] }])));
    await suite.pg.page.getByTestId("ribbon-send-guard").click();
    await suite.pg.paneVerdict("allow");
    // Give the pane time to inspect and store; then Send must still pass.
    await suite.pg.page.waitForTimeout(500);
    await suite.pg.send();
    await suite.pg.settled();
    expect((await suite.pg.sent()).length).toBe(1);
  });
});
