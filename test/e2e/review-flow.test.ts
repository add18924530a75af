import type { Review } from "../../src/api/contract";
import { openPage, screenshot } from "../support/browser";
import { Playground } from "./playground-page";
import { playgroundSuite } from "./playground-suite";

jest.setTimeout(90_000);

const GUARDIANS = ["ichiro.hogosha@docomo.ne.jp", "hanako.mama@ezweb.ne.jp", "taro-papa@i.softbank.jp", "yamada.family@gmail.com"];

const suite = playgroundSuite();

/** Blocked at Send, pane opened from the Smart Alert, review requested to 山田 課長 with a note. */
async function blockAndRequest(subject: string): Promise<Review> {
  await suite.pg.open("ja");
  await suite.pg.type("to", "encho@mirai-shoji.co.jp");
  await suite.pg.type("cc", GUARDIANS.join("; "));
  await suite.pg.subject(subject);
  await suite.pg.send();
  await suite.pg.alert.waitFor();
  await suite.pg.page.getByTestId("alert-action").click();
  expect(await suite.pg.paneVerdict("review")).toBe("review");
  const request = suite.pg.pane.getByTestId("request-review");
  await request.getByTestId("request").waitFor();
  expect(await request.getByTestId("reviewer").inputValue()).toBe("kacho@mirai-shoji.co.jp");
  await request.getByTestId("note").fill("保護者への一斉連絡です。BCCにできない事情があります。");
  await request.getByTestId("request").click();
  await suite.pg.pane.locator("[data-testid=review-status][data-status=pending]").waitFor();
  const kacho = await suite.server.review.signIn("kacho@mirai-shoji.co.jp");
  const queue = (await suite.server.review.api("GET", "/api/reviews?role=reviewer&status=pending", kacho)).body.reviews as Review[];
  const review = queue.find((r) => r.snapshot.subject === subject);
  if (!review) throw new Error("the request is not in the reviewer's queue");
  return review;
}

async function approve(review: Review): Promise<number> {
  const kacho = await suite.server.review.signIn("kacho@mirai-shoji.co.jp");
  const started = Date.now();
  const response = await suite.server.review.api("POST", `/api/reviews/${review.id}/decision`, kacho, {
    decision: "approve",
    comment: "確認しました",
    acknowledged: review.checks.map((c) => c.key),
  });
  expect(response.status).toBe(200);
  return started;
}

describe("two people, two browsers", () => {
  test("the reviewer signs in on the web page, sees the risky items first, acknowledges each, approves; the sender's pane shows it within a second; Send passes", async () => {
    const review = await blockAndRequest("遠足のお知らせ（ウェブ承認）");
    const reviewer = await openPage(suite.browser);
    try {
      const page = reviewer.page;
      await page.goto(`${suite.server.url}/review/?lang=ja#/requests/${review.id}`);
      await page.locator('[data-testid=demo-user][data-address="kacho@mirai-shoji.co.jp"]').click();
      await page.getByTestId("signed-in-as").waitFor();
      const detail = page.getByTestId("request-detail");
      await detail.waitFor();
      expect(await page.getByTestId("detail-subject").innerText()).toBe("遠足のお知らせ（ウェブ承認）");
      const exposed = await page.getByTestId("exposed").innerText();
      expect(exposed).toContain("社外アドレス4件");
      expect(exposed).toContain("ichiro.hogosha@docomo.ne.jp (CC)");
      expect(await page.getByTestId("sender-note").innerText()).toContain("BCCにできない事情");
      expect(await page.getByTestId("field-cc").innerText()).toContain("(4)");
      await screenshot(page, "review-web-1-detail-ja");

      const approveButton = page.getByTestId("approve");
      expect(await approveButton.isDisabled()).toBe(true);
      const acks = page.getByTestId("ack");
      expect(await acks.count()).toBe(review.checks.length);
      // Fluent's Checkbox puts data-testid on its <input>.
      for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
      expect(await approveButton.isDisabled()).toBe(false);
      await page.getByTestId("comment").fill("保護者会の連絡として確認しました");
      const started = Date.now();
      await approveButton.click();
      await page.getByTestId("decided").waitFor();
      await suite.pg.pane.locator("[data-testid=review-status][data-status=approved]").waitFor({ timeout: 1000 });
      expect(Date.now() - started).toBeLessThan(1000);
      await screenshot(page, "review-web-2-approved-ja");

      await suite.pg.send();
      await suite.pg.settled();
      expect((await suite.pg.sent()).map((m) => m.subject)).toContain("遠足のお知らせ（ウェブ承認）");

      // The queue: the request moved to "recently decided".
      await page.getByTestId("back").click();
      await page.locator(`[data-testid=queue-item][data-id="${review.id}"][data-status=approved]`).waitFor();
      expect(reviewer.errors).toEqual([]);
      expect(reviewer.external).toEqual([]);
    } finally {
      await reviewer.context.close();
    }
  });

  test("the read-mode task pane (the reviewer's ribbon button) shows the same queue and decides the same way", async () => {
    const review = await blockAndRequest("遠足のお知らせ（作業ウィンドウで承認）");
    const reviewer = await openPage(suite.browser);
    try {
      // The reviewer's Outlook: a playground whose pane frame loads the read-mode page (taskpane.html?mode=review),
      // the URL the manifest gives the read-surface button.
      const outlook = new Playground(reviewer.page, suite.server.url);
      await outlook.open("ja");
      await reviewer.page.getByTestId("ribbon-send-guard").click();
      await reviewer.page.getByTestId("pane").evaluate((frame: HTMLIFrameElement) => {
        frame.src = "taskpane.html?mode=review";
      });
      const pane = outlook.pane;
      await pane.locator('[data-testid=demo-user][data-address="kacho@mirai-shoji.co.jp"]').click();
      await pane.locator(`[data-testid=queue-item][data-id="${review.id}"]`).getByRole("button").click();
      await pane.getByTestId("request-detail").waitFor();
      expect(await pane.getByTestId("exposed").innerText()).toContain("ichiro.hogosha@docomo.ne.jp");
      const acks = pane.getByTestId("ack");
      for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
      await pane.getByTestId("approve").click();
      await pane.getByTestId("decided").waitFor();
      await screenshot(reviewer.page, "review-read-pane-approved-ja");
      await suite.pg.pane.locator("[data-testid=review-status][data-status=approved]").waitFor({ timeout: 1000 });
      expect(reviewer.errors).toEqual([]);
    } finally {
      await reviewer.context.close();
    }
  });

  test("the sender cannot approve their own request on the web page: no decision controls, and the server refuses", async () => {
    const review = await blockAndRequest("遠足のお知らせ（本人）");
    const own = await openPage(suite.browser);
    try {
      await own.page.goto(`${suite.server.url}/review/?lang=en#/requests/${review.id}`);
      await own.page.getByTestId("demo-user").first().waitFor();
      // tanaka is not in the demo list (not a reviewer); any internal address may sign in: use his token in the page.
      const token = await suite.server.review.signIn("tanaka@mirai-shoji.co.jp");
      await own.page.evaluate((t) => sessionStorage.setItem("sendguard.reviewer-token", t), token);
      await own.page.reload();
      await own.page.getByTestId("request-detail").waitFor();
      expect(await own.page.getByTestId("decision").count()).toBe(0);
      const refused = await suite.server.review.api("POST", `/api/reviews/${review.id}/decision`, token, { decision: "approve", acknowledged: review.checks.map((c) => c.key) });
      expect(refused.body.error).toBe("self-review");
    } finally {
      await own.context.close();
    }
  });

  test("the administrator sees who is signed in and the latest records on opening, filters them, reads the details as fields, and exports CSV", async () => {
    const review = await blockAndRequest("遠足のお知らせ（監査）");
    await approve(review);
    const admin = await openPage(suite.browser);
    try {
      const page = admin.page;
      await page.goto(`${suite.server.url}/admin/?lang=ja`);
      await page.locator('[data-testid=demo-user][data-address="it@mirai-shoji.co.jp"]').click();
      expect(await page.getByTestId("signed-in-as").innerText()).toContain("it@mirai-shoji.co.jp");
      // The latest records, without pressing anything.
      await page.getByTestId("records").waitFor();
      expect(await page.locator("[data-testid=records] tbody tr").count()).toBeGreaterThanOrEqual(2);
      await page.getByTestId("filter-review").fill(review.id);
      await page.getByTestId("search").click();
      await page.waitForFunction(() => document.querySelectorAll("[data-testid=records] tbody tr").length === 2);
      const actions = await page.locator("[data-testid=records] tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
      expect(actions).toEqual(["approved", "requested"]);
      const table = await page.getByTestId("records").innerText();
      // Details are fields, not JSON; dates read as Japanese dates (年/月/日), never mm/dd/yyyy.
      expect(table).not.toMatch(/[{}"]/);
      expect(table).toContain("件名");
      expect(table).toContain("社外アドレスの露出");
      for (const at of await page.getByTestId("record-at").allInnerTexts()) expect(at).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}:\d{2}$/);
      // Dates in the filters are typed as 2026-12-01, whatever the browser's own date format.
      await page.getByTestId("filter-from").fill("12/01/2026");
      expect(await page.getByText("年-月-日").count()).toBe(1);
      expect(await page.getByTestId("search").isDisabled()).toBe(true);
      await page.getByTestId("filter-from").fill("");
      await screenshot(page, "admin-audit-ja");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
      expect(download.suggestedFilename()).toBe("send-guard-audit.csv");
      const csv = await (await download.createReadStream()).toArray();
      const text = Buffer.concat(csv as Buffer[]).toString("utf8");
      expect(text).toContain(review.id);
      expect(text).toContain("approved");
      await page.getByTestId("sign-out").click();
      await page.getByTestId("sign-in").waitFor();
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });

  test("someone who is not an administrator is told so, sees no filters, and can sign out; English dates are unambiguous", async () => {
    const visitor = await openPage(suite.browser);
    try {
      const page = visitor.page;
      await page.goto(`${suite.server.url}/admin/?lang=en`);
      await page.locator('[data-testid=demo-user][data-address="kacho@mirai-shoji.co.jp"]').click();
      const notice = page.getByTestId("not-admin");
      await notice.waitFor();
      expect(await notice.innerText()).toContain("kacho@mirai-shoji.co.jp, who is not an administrator");
      expect(await page.getByTestId("filters").count()).toBe(0);
      await screenshot(page, "admin-not-admin-en");
      await page.getByTestId("sign-out").click();
      await page.locator('[data-testid=demo-user][data-address="it@mirai-shoji.co.jp"]').click();
      await page.getByTestId("records").waitFor();
      for (const at of await page.getByTestId("record-at").allInnerTexts()) expect(at).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);
      await screenshot(page, "admin-audit-en");
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });
});

describe("a second person approves exactly this message", () => {
  test("blocked → review requested → approved → the pane shows it within a second → Send passes", async () => {
    const review = await blockAndRequest("運動会の連絡（承認）");
    expect(review).toMatchObject({ sender: "tanaka@mirai-shoji.co.jp", note: "保護者への一斉連絡です。BCCにできない事情があります。" });
    await screenshot(suite.pg.page, "review-1-requested-ja");

    const started = await approve(review);
    await suite.pg.pane.locator("[data-testid=review-status][data-status=approved]").waitFor({ timeout: 1000 });
    const shownAfter = Date.now() - started;
    expect(shownAfter).toBeLessThan(1000);
    expect(await suite.pg.pane.getByTestId("review-status").innerText()).toContain("山田 課長");
    // The top of the pane says so and what to do: no red "fix or request review" left above it.
    const banner = suite.pg.pane.getByTestId("verdict");
    expect(await banner.getAttribute("data-verdict")).toBe("approved");
    expect(await banner.innerText()).toContain("山田 課長さんが承認しました");
    expect(await banner.innerText()).toContain("「送信」を押すと");
    await suite.pg.pane.locator("body").evaluate(() => window.scrollTo(0, 0));
    await screenshot(suite.pg.page, "review-2-approved-ja");

    await suite.pg.send();
    await suite.pg.settled();
    const sent = await suite.pg.sent();
    expect(sent.map((m) => m.subject)).toContain("運動会の連絡（承認）");
    // The handler reported the send; the audit trail has it.
    const admin = await suite.server.review.signIn("it@mirai-shoji.co.jp");
    const sentRecords = async () => (await suite.server.review.api("GET", `/api/audit?review=${review.id}&action=sent`, admin)).body.records.length as number;
    for (let i = 0; i < 50 && (await sentRecords()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sentRecords()).toBe(1);
  });

  test("a recipient added after approval voids it: Send is blocked again and the pane says why", async () => {
    const review = await blockAndRequest("運動会の連絡（変更）");
    await approve(review);
    await suite.pg.pane.locator("[data-testid=review-status][data-status=approved]").waitFor();
    await suite.pg.type("cc", "new.parent@gmail.com");
    await suite.pg.pane.getByTestId("changed-after-approval").waitFor();
    await suite.pg.send();
    await suite.pg.alert.waitFor();
    expect(await suite.pg.sent()).toEqual([]);
    await screenshot(suite.pg.page, "review-3-void-after-change-ja");
  });

  test("asking again for a changed message replaces the waiting request: the reviewer's queue holds only the new one, the old one is audited as superseded", async () => {
    const first = await blockAndRequest("運動会の連絡（置き換え）");
    await suite.pg.type("cc", "new.parent@gmail.com");
    const stale = suite.pg.pane.getByTestId("pending-stale");
    await stale.waitFor();
    expect(await stale.innerText()).toContain("新しい依頼が前の依頼に置き換わります");
    await screenshot(suite.pg.page, "review-4-changed-while-waiting-ja");
    await suite.pg.pane.getByTestId("request-again").click();
    await suite.pg.pane.getByTestId("note").fill("保護者を1名追加しました");
    await suite.pg.pane.getByTestId("request").click();
    await suite.pg.pane.locator("[data-testid=review-status][data-status=pending]").waitFor();

    const kacho = await suite.server.review.signIn("kacho@mirai-shoji.co.jp");
    const pending = ((await suite.server.review.api("GET", "/api/reviews?role=reviewer&status=pending", kacho)).body.reviews as Review[]).filter((r) => r.snapshot.subject === "運動会の連絡（置き換え）");
    expect(pending).toHaveLength(1);
    expect(pending[0]?.id).not.toBe(first.id);
    expect(pending[0]?.snapshot.cc.map((r) => r.address)).toContain("new.parent@gmail.com");
    const admin = await suite.server.review.signIn("it@mirai-shoji.co.jp");
    const records = (await suite.server.review.api("GET", `/api/audit?review=${first.id}&action=cancelled`, admin)).body.records;
    expect(records).toEqual([expect.objectContaining({ actor: "tanaka@mirai-shoji.co.jp", detail: { reason: "superseded", supersededBy: pending[0]?.id } })]);

    // The reviewer's queue: one row, and what tells it apart (recipients, items, note).
    const reviewer = await openPage(suite.browser);
    try {
      await reviewer.page.goto(`${suite.server.url}/review/?lang=ja`);
      await reviewer.page.locator('[data-testid=demo-user][data-address="kacho@mirai-shoji.co.jp"]').click();
      const row = reviewer.page.locator(`[data-testid=queue-item][data-id="${pending[0]?.id}"]`);
      await row.waitFor();
      expect(await reviewer.page.locator(`[data-testid=queue-item][data-id="${first.id}"][data-status=pending]`).count()).toBe(0);
      const summary = await row.getByTestId("queue-summary").innerText();
      expect(summary).toContain("宛先6件");
      expect(summary).toContain("保護者を1名追加しました");
      await screenshot(reviewer.page, "review-queue-ja");
    } finally {
      await reviewer.context.close();
    }
  });

  test("a rejection reaches the pane with the reviewer's comment", async () => {
    const review = await blockAndRequest("運動会の連絡（却下）");
    const kacho = await suite.server.review.signIn("kacho@mirai-shoji.co.jp");
    await suite.server.review.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "reject", comment: "保護者はBCCにしてください" });
    const status = suite.pg.pane.locator("[data-testid=review-status][data-status=rejected]");
    await status.waitFor();
    expect(await status.innerText()).toContain("保護者はBCCにしてください");
  });

  test("the sender cannot approve their own request", async () => {
    const review = await blockAndRequest("運動会の連絡（自己承認）");
    const tanaka = await suite.server.review.signIn("tanaka@mirai-shoji.co.jp");
    const response = await suite.server.review.api("POST", `/api/reviews/${review.id}/decision`, tanaka, { decision: "approve", acknowledged: review.checks.map((c) => c.key) });
    expect(response).toMatchObject({ status: 403, body: { error: "self-review" } });
    await suite.pg.pane.locator("[data-testid=review-status][data-status=pending]").waitFor();
  });

  test("an expired request tells the sender and nothing is sent", async () => {
    const review = await blockAndRequest("運動会の連絡（期限切れ）");
    await suite.server.review.services.db.query("update reviews set expires_at = now() where id = $1", [review.id]);
    await suite.server.review.services.service.expireDue();
    await suite.pg.pane.locator("[data-testid=review-status][data-status=expired]").waitFor();
    await suite.pg.pane.getByTestId("request-again").waitFor();
    expect(await suite.pg.sent()).toEqual([]);
  });
});
