import { screenshot } from "../support/browser";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(60_000);

const GUARDIANS = [
  "保護者 一郎 <ichiro.hogosha@docomo.ne.jp>",
  "hanako.mama@ezweb.ne.jp",
  "taro-papa@i.softbank.jp",
  "yamada.family@gmail.com",
  "suzuki_k@yahoo.co.jp",
  "sato.m@icloud.com",
];

const suite = playgroundSuite();

describe("the Asunaro case, typed in (ja)", () => {
  test("guardians in CC → Smart Alert → task pane → move to BCC → Send passes with no outside address visible", async () => {
    await suite.pg.open("ja");
    await suite.pg.type("to", "園長 <encho@mirai-shoji.co.jp>");
    await suite.pg.type("cc", GUARDIANS.join("; "));
    await suite.pg.subject("運動会のお知らせ");
    await suite.pg.send();

    await suite.pg.alert.waitFor();
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("Send Guardがこのメールの送信を止めました");
    expect(message).toContain("ichiro.hogosha@docomo.ne.jp");
    await expect(suite.pg.page.getByTestId("alert-send-anyway").count()).resolves.toBe(0);
    expect(await suite.pg.page.getByTestId("alert-violations").count()).toBe(0);
    const action = suite.pg.page.getByTestId("alert-action");
    expect(await action.innerText()).toBe("Send Guardを開く");
    await screenshot(suite.pg.page, "asunaro-1-smart-alert-ja");

    await action.click();
    expect(await suite.pg.paneVerdict()).toBe("review");
    await suite.pg.pane.getByTestId("alert-context").waitFor();
    expect(await suite.pg.pane.getByTestId("exposure").innerText()).toContain("社外アドレス6件");
    const parties = suite.pg.pane.locator("[data-testid=parties] > li");
    expect(await parties.count()).toBe(7);
    expect(await parties.first().getAttribute("data-kind")).toBe("individual");
    expect(await parties.last().getAttribute("data-kind")).toBe("internal");
    await screenshot(suite.pg.page, "asunaro-2-pane-ja");

    await suite.pg.pane.getByTestId("move-to-bcc").click();
    const preview = suite.pg.pane.getByTestId("bcc-preview");
    await preview.waitFor();
    expect(await suite.pg.pane.getByTestId("preview-to").innerText()).toBe("encho@mirai-shoji.co.jp");
    expect(await suite.pg.pane.getByTestId("preview-cc").innerText()).toBe("（なし）");
    expect(await suite.pg.pane.getByTestId("preview-bcc").innerText()).toContain("ichiro.hogosha@docomo.ne.jp");
    expect(await suite.pg.pane.getByTestId("preview-result").getAttribute("data-verdict")).toBe("allow");
    await screenshot(suite.pg.page, "asunaro-3-preview-ja");

    await suite.pg.pane.getByTestId("apply-bcc").click();
    expect(await suite.pg.paneVerdict("allow")).toBe("allow");
    expect(await suite.pg.pane.getByTestId("notice").innerText()).toContain("社外アドレス6件をBCCへ移しました");
    const mailbox = (await suite.pg.snapshot()).mailbox;
    expect(mailbox.to.map((r) => r.emailAddress)).toEqual(["encho@mirai-shoji.co.jp"]);
    expect(mailbox.cc).toEqual([]);
    expect(mailbox.bcc.map((r) => r.displayName)).toContain("保護者 一郎");
    await screenshot(suite.pg.page, "asunaro-4-fixed-ja");

    await suite.pg.send();
    await suite.pg.page.getByTestId("sent-message").waitFor();
    const [sent] = await suite.pg.sent();
    expect(sent?.view.visibleOutside).toEqual([]);
    expect(sent?.bcc).toHaveLength(6);
    expect(await suite.pg.page.getByTestId("sent-outside").innerText()).toBe("To/CCに見える社外アドレス：0件");
    expect(await suite.pg.page.getByTestId("pane").count()).toBe(0);
    await screenshot(suite.pg.page, "asunaro-5-sent-ja");
  });
});

describe("ordinary mail (en)", () => {
  test("one customer with a colleague in CC is sent with no alert at all", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "山田 太郎 <yamada@tokyo-unyu.co.jp>");
    await suite.pg.type("cc", "佐藤 花子 <sato@mirai-shoji.co.jp>");
    await suite.pg.subject("Quotation");
    await suite.pg.send();
    await suite.pg.page.getByTestId("sent-message").waitFor();
    expect(await suite.pg.alert.count()).toBe(0);
    const [sent] = await suite.pg.sent();
    expect(sent?.to.map((r) => r.emailAddress)).toEqual(["yamada@tokyo-unyu.co.jp"]);
    expect(sent?.cc.map((r) => r.recipientType)).toEqual(["user"]);
    await screenshot(suite.pg.page, "customer-sent-en");
  });
});

describe("a flagged attachment (en)", () => {
  test("confirm alert offers Send Anyway; removing the file from the pane clears it and Send passes", async () => {
    await suite.pg.open("en");
    await suite.pg.type("to", "yamada@tokyo-unyu.co.jp");
    await suite.pg.subject("Documents");
    await suite.pg.attach("顧客名簿.xlsx", "PK\u0003\u0004 not really a workbook");
    await suite.pg.attach("agenda.pdf", "%PDF-1.7");
    await suite.pg.send();

    await suite.pg.alert.waitFor();
    expect(await suite.pg.page.getByTestId("alert-message").innerText()).toContain("顧客名簿.xlsx");
    expect(await suite.pg.page.getByTestId("alert-send-anyway").count()).toBe(1);
    await screenshot(suite.pg.page, "attachment-1-alert-en");
    await suite.pg.page.getByTestId("alert-action").click();

    expect(await suite.pg.paneVerdict("confirm")).toBe("confirm");
    const files = suite.pg.pane.getByTestId("flagged-file");
    expect(await files.nth(0).innerText()).toMatch(/^顧客名簿\.xlsx\n[\s\S]*Name suggests personal data: 名簿, 顧客\nNot inspected: damaged/);
    // A PDF alone prompts nobody, but once the message needs a check it is named: nobody read it.
    expect(await files.nth(1).innerText()).toMatch(/^agenda\.pdf\n[\s\S]*Not inspected: PDF/);
    await screenshot(suite.pg.page, "attachment-2-pane-en");
    await suite.pg.pane.getByRole("button", { name: "Remove 顧客名簿.xlsx from this message" }).click();

    expect(await suite.pg.paneVerdict("allow")).toBe("allow");
    expect(await suite.pg.pane.getByTestId("notice").innerText()).toContain("Removed 顧客名簿.xlsx");
    expect((await suite.pg.snapshot()).mailbox.attachments.map((a) => a.name)).toEqual(["agenda.pdf"]);

    await suite.pg.send();
    await suite.pg.page.getByTestId("sent-message").waitFor();
    expect((await suite.pg.sent())[0]?.attachments.map((a) => a.name)).toEqual(["agenda.pdf"]);
  });
});

describe("an Office failure at Send", () => {
  test.each([
    ["never", "to.getAsync"],
    ["fail", "getAttachmentsAsync"],
  ])("a call that does %s (%s) gives the fail-closed alert, and nothing is sent", async (fault, call) => {
    await suite.pg.open("en");
    await suite.pg.type("to", "yamada@tokyo-unyu.co.jp");
    await suite.pg.page.getByTestId("fault-call").selectOption(call);
    await suite.pg.page.getByTestId("fault-kind").selectOption(fault);
    await suite.pg.send();

    await suite.pg.alert.waitFor({ timeout: 10_000 });
    const message = await suite.pg.page.getByTestId("alert-message").innerText();
    expect(message).toContain("Send Guard could not finish checking this message");
    expect(message).toContain(fault === "never" ? "the check took too long" : "Outlook did not return the message details");
    expect(await suite.pg.page.getByTestId("alert-send-anyway").count()).toBe(0);
    await screenshot(suite.pg.page, `fail-closed-${fault}-en`);

    await suite.pg.page.getByTestId("alert-dont-send").click();
    await suite.pg.settled();
    expect(await suite.pg.sent()).toEqual([]);
    expect((await suite.pg.snapshot()).mailbox.to).toHaveLength(1);
  });
});

describe("the policy editor", () => {
  test("an invalid policy is refused with the key named; a stricter valid one changes what Send does", async () => {
    await suite.pg.open("en");
    const editor = suite.pg.page.getByTestId("policy");
    const original = await editor.inputValue();

    await editor.fill(original.replace('"massThreshold": 10', '"massThreshold": "ten"'));
    await suite.pg.page.getByTestId("apply-policy").click();
    expect(await suite.pg.page.getByTestId("policy-error").innerText()).toContain("exposure.massThreshold");

    await editor.fill(original.replace('"mode": "cross-party"', '"mode": "any-external"'));
    await suite.pg.page.getByTestId("apply-policy").click();
    expect(await suite.pg.page.getByTestId("policy-error").count()).toBe(0);

    await suite.pg.type("to", "yamada@tokyo-unyu.co.jp");
    await suite.pg.type("cc", "sato@mirai-shoji.co.jp");
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    expect(await suite.pg.page.getByTestId("alert-message").innerText()).toContain("Send Guard stopped this message");
  });
});
