import type { Browser } from "playwright-core";
import { launchBrowser, openPage, screenshot, startServer } from "../support/browser";
import { fakeEntra } from "../support/fake-entra";
import { TestIssuer } from "../support/test-issuer";
import { Playground } from "./playground-page";

jest.setTimeout(60_000);

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";

let browser: Browser;
let issuer: TestIssuer;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  [browser, server] = await Promise.all([
    launchBrowser(),
    startServer({
      env: {
        SEND_GUARD_DEV_SIGNIN: "off",
        OIDC_ISSUER: issuer.url,
        OIDC_AUDIENCE: "api://sendguard",
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_SCOPES: "api://sendguard/Reviews.ReadWrite",
      },
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await issuer?.close();
});

/** Outside Outlook there is no Nested App Authentication bridge and no identity provider here: only a clean "Sign in" offer may result. */
const onlyIdentityProvider = (urls: string[]) => urls.filter((url) => !/^https:\/\/login\.microsoftonline\.com\//.test(url) && !url.endsWith("/favicon.ico"));

describe("a server that signs people in with the organisation's provider (no development sign-in)", () => {
  test("the sender's pane tries a silent sign-in, then offers a Sign in button; nothing breaks", async () => {
    const sender = await openPage(browser);
    try {
      const pg = new Playground(sender.page, server.url);
      await pg.open("en");
      await pg.type("to", "encho@mirai-shoji.co.jp");
      await pg.type("cc", "a@docomo.ne.jp; b@gmail.com; c@ezweb.ne.jp; d@yahoo.co.jp");
      await pg.send();
      await pg.alert.waitFor();
      await pg.page.getByTestId("alert-action").click();
      await pg.paneVerdict("review");
      await pg.pane.getByTestId("review-sign-in").waitFor();
      expect(await pg.pane.getByTestId("review-sign-in").innerText()).toContain("Sign in with your organization account");
      await screenshot(pg.page, "oidc-pane-sign-in-en");
      expect(sender.errors).toEqual([]);
      expect(onlyIdentityProvider(sender.external)).toEqual([]);
    } finally {
      await sender.context.close();
    }
  });

  test("the reviewer page offers the provider's sign-in, not demo users; development sign-in is gone from the API", async () => {
    const reviewer = await openPage(browser);
    try {
      await reviewer.page.goto(`${server.url}/review/?lang=en`);
      await reviewer.page.getByTestId("sign-in-button").waitFor();
      expect(await reviewer.page.getByTestId("demo-user").count()).toBe(0);
      expect((await server.review.api("POST", "/api/dev/sign-in", undefined, { email: "kacho@mirai-shoji.co.jp" })).status).toBe(404);
      expect(reviewer.errors).toEqual([]);
      expect(onlyIdentityProvider(reviewer.external)).toEqual([]);
    } finally {
      await reviewer.context.close();
    }
  });

  test("the reviewer web page signs in through a pop-up that returns to the sign-in page (MSAL's redirect bridge)", async () => {
    const reviewer = await openPage(browser);
    try {
      const accessToken = await issuer.token({ aud: "api://sendguard", sub: "u-1", preferred_username: "kacho@mirai-shoji.co.jp", name: "山田 課長" });
      const entra = await fakeEntra(reviewer.context, { clientId: CLIENT_ID, username: "kacho@mirai-shoji.co.jp", accessToken: async () => accessToken, redirectUris: [`${server.url}/sign-in.html`] });
      await reviewer.page.goto(`${server.url}/review/?lang=en`);
      const popup = reviewer.page.waitForEvent("popup");
      await reviewer.page.getByTestId("sign-in-button").click();
      await (await popup).waitForEvent("close", { timeout: 20_000 });
      await reviewer.page.getByTestId("signed-in-as").waitFor();
      expect(await reviewer.page.getByTestId("signed-in-as").innerText()).toContain("kacho@mirai-shoji.co.jp");
      expect(entra.authorizations.map((a) => a.get("redirect_uri"))).toEqual([`${server.url}/sign-in.html`]);
      expect(reviewer.errors).toEqual([]);
    } finally {
      await reviewer.context.close();
    }
  });

  test("a token from the provider works against the API", async () => {
    const token = await issuer.token({ aud: "api://sendguard", sub: "u-1", preferred_username: "kacho@mirai-shoji.co.jp", name: "山田 課長" });
    const { status, body } = await server.review.api("GET", "/api/session", token);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: "kacho@mirai-shoji.co.jp" });
    expect(body.signIn).toEqual({ dev: false, oidc: { clientId: "11111111-2222-3333-4444-555555555555", scopes: ["api://sendguard/Reviews.ReadWrite"] } });
  });
});

/** office.js as the sign-in page sees it inside an Office dialog: onReady, and messageParent recording what it sends. */
const DIALOG_OFFICE_JS = `window.__sent = [];
window.Office = {
  onReady: function () { return Promise.resolve({ host: "Outlook" }); },
  context: { ui: { messageParent: function (m) { window.__sent.push(m); } } },
};`;

describe("the sign-in page opened in an Office dialog where Outlook has no Nested App Authentication", () => {
  test("the dialog goes to the provider and back (redirect flow, PKCE, its own URL as redirect URI) and hands the pane the access token", async () => {
    const dialog = await openPage(browser);
    try {
      const accessToken = await issuer.token({ aud: "api://sendguard", sub: "u-2", preferred_username: "tanaka@mirai-shoji.co.jp" });
      const entra = await fakeEntra(dialog.context, { clientId: CLIENT_ID, username: "tanaka@mirai-shoji.co.jp", accessToken: async () => accessToken, redirectUris: [`${server.url}/sign-in.html`] });
      await dialog.page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: DIALOG_OFFICE_JS }));
      await dialog.page.goto(`${server.url}/sign-in.html`);
      await dialog.page.waitForFunction(() => (window as unknown as { __sent?: string[] }).__sent?.length === 1, undefined, { timeout: 20_000 });
      const sent = await dialog.page.evaluate(() => (window as unknown as { __sent: string[] }).__sent);
      expect(sent.map((m) => JSON.parse(m) as unknown)).toEqual([{ token: accessToken }]);
      const [asked] = entra.authorizations;
      expect(entra.authorizations).toHaveLength(1);
      expect(asked?.get("client_id")).toBe(CLIENT_ID);
      expect(asked?.get("redirect_uri")).toBe(`${server.url}/sign-in.html`);
      expect(asked?.get("scope")?.split(" ")).toContain("api://sendguard/Reviews.ReadWrite");
      expect(asked?.get("code_challenge_method")).toBe("S256");
      expect(entra.tokenRequests.map((f) => [f.get("grant_type"), f.get("redirect_uri")])).toEqual([["authorization_code", `${server.url}/sign-in.html`]]);
      expect(await dialog.page.evaluate(() => window.location.hash)).toBe("");
      // The token it handed over is accepted by the review API.
      expect((await server.review.api("GET", "/api/session", accessToken)).body.user).toMatchObject({ email: "tanaka@mirai-shoji.co.jp" });
      expect(dialog.errors).toEqual([]);
    } finally {
      await dialog.context.close();
    }
  });

  test("an Entra app without the sign-in page registered as redirect URI: the provider's refusal, and the pane is not told a token", async () => {
    const dialog = await openPage(browser);
    try {
      const entra = await fakeEntra(dialog.context, { clientId: CLIENT_ID, username: "x@mirai-shoji.co.jp", accessToken: async () => "unused", redirectUris: [] });
      await dialog.page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: DIALOG_OFFICE_JS }));
      await dialog.page.goto(`${server.url}/sign-in.html`);
      await dialog.page.getByText("AADSTS50011").waitFor();
      expect(entra.tokenRequests).toEqual([]);
    } finally {
      await dialog.context.close();
    }
  });

  test("on a server without a provider it tells the pane why instead of leaving the window open", async () => {
    const plain = await startServer({ env: { SEND_GUARD_DEV_SIGNIN: "on" } });
    const dialog = await openPage(browser);
    try {
      await dialog.page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: DIALOG_OFFICE_JS }));
      await dialog.page.goto(`${plain.url}/sign-in.html`);
      await dialog.page.waitForFunction(() => (window as unknown as { __sent: string[] }).__sent.length > 0);
      const sent = await dialog.page.evaluate(() => (window as unknown as { __sent: string[] }).__sent);
      expect(sent.map((m) => JSON.parse(m) as unknown)).toEqual([{ error: "this server offers no sign-in provider" }]);
      expect(dialog.errors).toEqual([]);
    } finally {
      await dialog.context.close();
      await plain.close();
    }
  });
});
