import type { Review } from "../../src/api/contract";
import { openPage, screenshot } from "../support/browser";
import { peopleRows, shiftJis, xlsx, zip } from "../support/files";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(60_000);

const suite = playgroundSuite();

/** Opens the pane from the ribbon and waits until it shows the finding; returns that file's entry (name and every line found about it). */
async function paneFinds(code: string) {
  await suite.pg.page.getByTestId("ribbon-send-guard").click();
  const entry = suite.pg.pane.getByTestId("flagged-file").filter({ has: suite.pg.pane.locator(`[data-code="${code}"]`) });
  await entry.first().waitFor({ timeout: 10_000 });
  return entry.first().innerText();
}

describe("attachment contents are inspected when attachments change, not at Send", () => {
  test("the Kashihara case: an innocently named Excel file of residents to an outside requester → the pane and then Send name it", async () => {
    await suite.pg.open("ja");
    await suite.pg.type("to", "requester@outside-firm.co.jp");
    await suite.pg.subject("ご依頼の資料");
    await suite.pg.attach("資料.xlsx", Buffer.from(xlsx([{ name: "住民", rows: peopleRows(120) }])));
    const text = await paneFinds("attachment-personal-data");
    expect(text).toContain("資料.xlsx");
    // The evidence, not the data: counts, the personal columns with where and how many rows, masked samples.
    expect(text).toContain("個人情報を含みます：メール×120、電話番号×120、住所×120、郵便番号×120");
    expect(text).toContain("「住民」に個人情報の列：氏名、フリガナ、郵便番号、住所、電話番号、メールアドレス（120行）");
    expect(text).toMatch(/例（伏せ字）：.*電話番号 \*\*\*-\*\*\*\*-\d{4}/);
    expect(text).toContain("メールアドレス120件の一覧です。うち120件はこのメールの宛先にありません");
    expect(text).not.toContain("090-2000-3000");
    await screenshot(suite.pg.page, "inspection-1-pane-ja");

    await suite.pg.send();
    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("「資料.xlsx」は、個人情報（");
    expect(message).toContain("メールアドレス120件の一覧です（うち120件は宛先にありません）");
    expect(message).toContain("添付ファイルを削除するか、確認を依頼してください");
    expect(await suite.pg.sent()).toEqual([]);
    await screenshot(suite.pg.page, "inspection-2-alert-ja");
  });

  test("the Montedio case: the recipient list attached as a Shift_JIS CSV → address list with the not-recipient count", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "info@sponsor.co.jp");
    const list = Array.from({ length: 30 }, (_, i) => `supporter${i}@example${i % 5}.ne.jp`).join("\r\n");
    await suite.pg.attach("list.csv", Buffer.from(shiftJis(`メールアドレス\r\n${list}`)));
    const text = await paneFinds("attachment-address-list");
    expect(text).toContain("list.csv");
    expect(text).toContain("A list of 30 email addresses; 30 of them are not recipients of this message");
  });

  test("PPAP: a password-protected ZIP is named as not inspected and Send asks to confirm", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "client@acme.co.jp");
    await suite.pg.attach("見積.zip", Buffer.from(await zip({ "顧客名簿.xlsx": xlsx([{ name: "s", rows: peopleRows(5) }]) }, { password: "pw", zipCrypto: true })));
    expect(await paneFinds("attachment-unscannable")).toContain("Not inspected inside the archive: 顧客名簿.xlsx (password-protected ZIP)");
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    await suite.pg.page.getByTestId("alert-send-anyway").waitFor();
  });

  test("the reviewer sees the same evidence for the file and acknowledges what it is", async () => {
    await suite.pg.open("ja");
    await suite.pg.type("to", "requester@outside-firm.co.jp");
    await suite.pg.subject("ご依頼の住民データ");
    await suite.pg.attach("資料.xlsx", Buffer.from(xlsx([{ name: "住民", rows: peopleRows(40) }])));
    await suite.pg.backgroundDone();
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    await suite.pg.page.getByTestId("alert-action").click();
    const request = suite.pg.pane.getByTestId("request-review");
    await request.getByTestId("request").click();
    await suite.pg.pane.locator("[data-testid=review-status][data-status=pending]").waitFor();
    const kacho = await suite.server.review.signIn("kacho@mirai-shoji.co.jp");
    const queue = (await suite.server.review.api("GET", "/api/reviews?role=reviewer&status=pending", kacho)).body.reviews as Review[];
    const review = queue.find((r) => r.snapshot.subject === "ご依頼の住民データ") as Review;

    const reviewer = await openPage(suite.browser);
    try {
      const page = reviewer.page;
      await page.goto(`${suite.server.url}/review/?lang=ja#/requests/${review.id}`);
      await page.locator('[data-testid=demo-user][data-address="kacho@mirai-shoji.co.jp"]').click();
      const file = page.getByTestId("flagged-file").filter({ hasText: "資料.xlsx" });
      await file.waitFor();
      const text = await file.innerText();
      expect(text).toContain("「住民」に個人情報の列：氏名、フリガナ、郵便番号、住所、電話番号、メールアドレス（40行）");
      expect(text).toContain("メールアドレス40件の一覧です。うち40件はこのメールの宛先にありません");
      // One acknowledgement per file and finding, each saying what about the file was checked.
      await page.getByRole("checkbox", { name: "ファイル「資料.xlsx」（個人情報を含む）をこの宛先に送ってよいことを確認しました。" }).waitFor();
      await page.getByRole("checkbox", { name: "ファイル「資料.xlsx」（メールアドレスの一覧）をこの宛先に送ってよいことを確認しました。" }).waitFor();
      await screenshot(page, "inspection-3-reviewer-ja");
    } finally {
      await reviewer.context.close();
    }
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
    expect(await suite.pg.page.getByTestId("alert-message").innerText()).toContain("quote.xlsx: not inspected (Outlook did not hand over the file)");
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
