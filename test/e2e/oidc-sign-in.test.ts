import type { Browser } from "playwright-core";
import { launchBrowser, openPage, screenshot, startServer } from "../support/browser";
import { TestIssuer } from "../support/test-issuer";
import { Playground } from "./playground-page";

jest.setTimeout(60_000);

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
        OIDC_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
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

  test("a token from the provider works against the API", async () => {
    const token = await issuer.token({ aud: "api://sendguard", sub: "u-1", preferred_username: "kacho@mirai-shoji.co.jp", name: "山田 課長" });
    const { status, body } = await server.review.api("GET", "/api/session", token);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: "kacho@mirai-shoji.co.jp" });
    expect(body.signIn).toEqual({ dev: false, oidc: { clientId: "11111111-2222-3333-4444-555555555555", scopes: ["api://sendguard/Reviews.ReadWrite"] } });
  });
});
