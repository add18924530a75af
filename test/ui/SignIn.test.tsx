import { act, fireEvent, screen } from "@testing-library/react";
import { ApiError } from "../../src/api/error";
import { REVIEW_TEXT } from "../../src/i18n";
import { SignIn } from "../../src/ui/SignIn";
import type { OidcClient, TokenRequester } from "../../src/ui/sign-in";
import { FakeReviewApi } from "../support/fake-review-api";
import { renderUi } from "../support/render";

const ja = REVIEW_TEXT.ja;
const en = REVIEW_TEXT.en;
const OIDC: OidcClient = { clientId: "11111111-2222-3333-4444-555555555555", authority: "https://login.microsoftonline.com/common", scopes: ["api://sendguard/Reviews.ReadWrite"] };

function provider(silent: () => Promise<string>, interactive: () => Promise<string> = async () => "interactive-token") {
  const asked: OidcClient[] = [];
  const requester = (client: OidcClient): TokenRequester => {
    asked.push(client);
    return { silent: () => silent(), interactive: () => interactive() };
  };
  return { requester, asked };
}

function setup(api: FakeReviewApi, options: { suggested?: string; requester?: (client: OidcClient) => TokenRequester; language?: "ja" | "en" } = {}) {
  let signedIn = 0;
  renderUi(
    <SignIn api={api} text={REVIEW_TEXT[options.language ?? "ja"]} suggested={options.suggested} requester={options.requester} onSignedIn={() => (signedIn += 1)} />,
  );
  return { signedIn: () => signedIn };
}

describe("development sign-in", () => {
  test("lists the demo users; the mailbox the pane runs in comes first when it is not among them", async () => {
    const api = new FakeReviewApi();
    setup(api, { suggested: "sato@mirai-shoji.co.jp" });
    const buttons = await screen.findAllByTestId("demo-user");
    expect(buttons.map((b) => b.getAttribute("data-address"))).toEqual(["sato@mirai-shoji.co.jp", "kacho@mirai-shoji.co.jp"]);
    expect(buttons[1]).toHaveTextContent(ja.signInAs("山田 課長 (kacho@mirai-shoji.co.jp)"));
    expect(screen.getByText(ja.signInIntro)).toBeInTheDocument();
  });

  test("a suggested user already in the list is not shown twice", async () => {
    setup(new FakeReviewApi(), { suggested: "kacho@mirai-shoji.co.jp" });
    expect(await screen.findAllByTestId("demo-user")).toHaveLength(1);
  });

  test("picking a user signs in as that user", async () => {
    const api = new FakeReviewApi();
    const { signedIn } = setup(api);
    const target = await screen.findByTestId("demo-user");
    await act(async () => fireEvent.click(target));
    expect(api.callsOf("devSignIn")).toEqual([["kacho@mirai-shoji.co.jp"]]);
    expect(api.me).toBe("kacho@mirai-shoji.co.jp");
    expect(signedIn()).toBe(1);
  });

  test("a refused sign-in is shown and nobody is signed in", async () => {
    const api = new FakeReviewApi();
    api.fail("devSignIn", new ApiError(403, "not-loopback", "development sign-in serves only pages of this machine"));
    const { signedIn } = setup(api, { language: "en" });
    const target = await screen.findByTestId("demo-user");
    await act(async () => fireEvent.click(target));
    expect(await screen.findByText((t) => t.startsWith(en.failed("").trim()) && t.includes("only pages of this machine"))).toBeInTheDocument();
    expect(signedIn()).toBe(0);
  });
});

describe("the organisation's provider", () => {
  test("silent first: a token without a prompt signs in at once and no button is shown", async () => {
    const api = new FakeReviewApi();
    api.signIn = { dev: false, oidc: OIDC };
    const { requester, asked } = provider(async () => "silent-token");
    const { signedIn } = setup(api, { requester });
    await act(async () => undefined);
    expect(signedIn()).toBe(1);
    expect(api.currentToken).toBe("silent-token");
    expect(asked).toEqual([OIDC]);
    expect(screen.queryByTestId("sign-in-button")).not.toBeInTheDocument();
  });

  test("when the provider needs the user, a Sign in button asks interactively", async () => {
    const api = new FakeReviewApi();
    api.signIn = { dev: false, oidc: OIDC };
    const { requester } = provider(async () => Promise.reject(new Error("interaction_required")));
    const { signedIn } = setup(api, { requester });
    const button = await screen.findByTestId("sign-in-button");
    expect(button).toHaveTextContent(ja.signInButton);
    expect(signedIn()).toBe(0);
    await act(async () => fireEvent.click(button));
    expect(api.currentToken).toBe("interactive-token");
    expect(signedIn()).toBe(1);
  });

  test("a cancelled or failed interactive sign-in says why and can be tried again", async () => {
    const api = new FakeReviewApi();
    api.signIn = { dev: false, oidc: OIDC };
    const { requester } = provider(
      async () => "",
      async () => Promise.reject(new Error("user_cancelled: the user closed the window")),
    );
    const { signedIn } = setup(api, { requester });
    const target = await screen.findByTestId("sign-in-button");
    await act(async () => fireEvent.click(target));
    expect(await screen.findByText((t) => t.includes("user_cancelled"))).toBeInTheDocument();
    expect(screen.getByTestId("sign-in-button")).toBeEnabled();
    expect(signedIn()).toBe(0);
    expect(api.currentToken).toBeUndefined();
  });
});

test("a server that offers no sign-in says so (no spinner forever)", async () => {
  const api = new FakeReviewApi();
  api.signIn = { dev: false };
  setup(api, { language: "en" });
  expect(await screen.findByText(en.signInUnavailable)).toBeInTheDocument();
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
});

test("a server that cannot be reached says so, with the reason", async () => {
  const api = new FakeReviewApi();
  api.fail("session", new ApiError(0, "offline", "Failed to fetch"));
  setup(api);
  expect(await screen.findByText((t) => t.includes("Failed to fetch") && t.startsWith("確認サービスに接続できません"))).toBeInTheDocument();
});
