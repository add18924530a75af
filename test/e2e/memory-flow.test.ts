/**
 * Thread awareness, the correspondence memory and a near-miss fix in the playground: the built
 * add-in (compose-start event, send handler, pane) in Chromium, over the Outlook imitation.
 */
import { screenshot } from "../support/browser";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(90_000);

const suite = playgroundSuite();

test("Reply all to three companies: the reply starts with their addresses and goes without a prompt; the same people in a new message pass too, one more company does not", async () => {
  const { pg } = suite;
  await pg.open("en");
  expect(await pg.page.getByTestId("playground-memory").innerText()).toContain("0 addresses, 0 groups");
  await pg.page.getByTestId("example-replyAll").click();
  await pg.backgroundDone();
  // Opening the reply taught the memory who received the message together.
  await pg.page.getByText(/3 addresses, 1 group/).waitFor();
  await pg.send();
  await pg.page.getByTestId("sent-message").first().waitFor();
  expect((await pg.sent())[0]?.subject).toBe("RE: 三社合同の配送計画");

  // A new message to the same three companies: they have seen each other.
  await pg.type("to", "yamada@tokyo-unyu.co.jp; suzuki@chiba-butsuryu.jp; takahashi@saitama-kotsu.co.jp");
  await pg.subject("次回の打ち合わせ");
  await pg.send();
  await pg.page.getByTestId("sent-message").nth(1).waitFor();

  // One more company: the newcomer and those it now sees are the exposure.
  await pg.type("to", "yamada@tokyo-unyu.co.jp; suzuki@chiba-butsuryu.jp; takahashi@saitama-kotsu.co.jp; ito@kanagawa-haiso.co.jp");
  await pg.send();
  await pg.alert.waitFor();
  expect(await pg.page.getByTestId("alert-message").innerText()).toContain("kanagawa-haiso.co.jp");
  await screenshot(pg.page, "memory-1-new-company-en");
});

test("A guardian's address with a typo: the alert asks, the pane offers the address meant, Replace fixes it and the message goes", async () => {
  const { pg } = suite;
  await pg.open("ja");
  await pg.page.getByTestId("example-typo").click();
  await pg.send();
  await pg.alert.waitFor();
  const message = await pg.page.getByTestId("alert-message").innerText();
  expect(message).toContain("ichiro.hogosha@docomo.ne.jo は docomo.ne.jp（よく使われるメールサービス）に似ています。ichiro.hogosha@docomo.ne.jp の誤りではありませんか。");
  expect(await pg.page.getByTestId("alert-send-anyway").count()).toBe(1);
  await pg.page.getByTestId("alert-action").click();
  expect(await pg.paneVerdict("confirm")).toBe("confirm");
  const replace = pg.pane.getByTestId("replace-recipient");
  expect(await replace.innerText()).toBe("ichiro.hogosha@docomo.ne.jp に置き換え");
  await screenshot(pg.page, "memory-2-typo-pane-ja");
  await replace.click();
  expect(await pg.paneVerdict("allow")).toBe("allow");
  expect((await pg.snapshot()).mailbox.to.map((r) => r.emailAddress)).toEqual(["ichiro.hogosha@docomo.ne.jp"]);
  await pg.send();
  await pg.page.getByTestId("sent-message").first().waitFor();
  // The pane's memory view counts what was learned from that send.
  await pg.page.getByText(/アドレス1件、グループ0件/).waitFor();
});
