import type { SessionInfo } from "./review-api";

/** What an OpenID Connect client library does for the pane: a token silently, or by asking the user. */
export interface TokenRequester {
  silent(scopes: string[]): Promise<string>;
  /** Opens the provider's dialog; call it from a click (browsers block pop-ups otherwise). */
  interactive(scopes: string[]): Promise<string>;
}

export type OidcClient = NonNullable<SessionInfo["signIn"]["oidc"]>;

/**
 * How a page gets its tokens from Microsoft Entra ID (MSAL):
 * - `nested`: Outlook with Nested App Authentication (NestedAppAuth 1.1 is checked: it cannot be
 *   declared) uses its own signed-in account;
 * - `dialog`: Outlook without it (classic builds before 2409, Mac before 16.89, Outlook.com
 *   accounts) opens Send Guard's sign-in page in an Office dialog, which uses MSAL's redirect flow
 *   with that page as its redirect URI and hands the token back;
 * - `popup`: the web pages outside Outlook (reviewer, audit) open the provider in a pop-up that
 *   returns to the same sign-in page, which passes the answer back (MSAL 5's redirect bridge).
 * `dialog` and `popup` keep the account in this origin's localStorage, so a later silent attempt
 * needs no window. Both register `redirectUri` in Entra as a single-page application redirect URI.
 */
export type SignInWay =
  | { kind: "nested" }
  | { kind: "dialog"; redirectUri: string; /** Opens the sign-in page in an Office dialog; resolves with the access token it sends back. */ signIn(client: OidcClient): Promise<string> }
  | { kind: "popup"; redirectUri: string };

/** The sign-in page at the service root: MSAL's redirect URI for the `dialog` and `popup` ways. */
export const SIGN_IN_PAGE = "sign-in.html";

/** What the sign-in page sends back to the pane (JSON): a token, or why there is none. */
export type DialogAnswer = { token: string } | { error: string };

/** Reads the sign-in page's answer; throws with its reason when it brings no token. */
export function tokenFromDialog(message: string): string {
  let answer: Partial<{ token: unknown; error: unknown }>;
  try {
    answer = JSON.parse(message) as Partial<{ token: unknown; error: unknown }>;
  } catch {
    throw new Error("the sign-in window answered with something other than a token");
  }
  if (typeof answer?.token === "string" && answer.token.length > 0) return answer.token;
  throw new Error(typeof answer?.error === "string" && answer.error ? answer.error : "the sign-in window brought no token");
}

/**
 * A token requester for `client` the way `way` says. MSAL is loaded only when a provider is
 * configured, so the panes stay small without it.
 * https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */
export function msalRequester(client: OidcClient, way: SignInWay): TokenRequester {
  let app: Promise<TokenRequester> | undefined;
  const authority = client.authority ?? "https://login.microsoftonline.com/common";
  const load = () => {
    app ??= import(/* webpackChunkName: "msal" */ "@azure/msal-browser").then(async (msal): Promise<TokenRequester> => {
      if (way.kind === "nested") {
        const pca = await msal.createNestablePublicClientApplication({ auth: { clientId: client.clientId, authority } });
        return {
          silent: async (scopes) => (await pca.acquireTokenSilent({ scopes })).accessToken,
          interactive: async (scopes) => (await pca.acquireTokenPopup({ scopes })).accessToken,
        };
      }
      // The same configuration as the sign-in page, so the account it signed in is found here.
      const pca = await msal.createStandardPublicClientApplication({
        auth: { clientId: client.clientId, authority, redirectUri: way.redirectUri },
        cache: { cacheLocation: "localStorage" },
      });
      return {
        silent: async (scopes) => {
          const account = pca.getAllAccounts()[0];
          if (!account) throw new Error("not signed in yet on this computer");
          return (await pca.acquireTokenSilent({ scopes, account })).accessToken;
        },
        interactive: async (scopes) => (way.kind === "dialog" ? way.signIn(client) : (await pca.acquireTokenPopup({ scopes })).accessToken),
      };
    });
    return app;
  };
  return {
    silent: async (scopes) => (await load()).silent(scopes),
    interactive: async (scopes) => (await load()).interactive(scopes),
  };
}

export type SilentResult = { ok: true; token: string } | { ok: false; needsInteraction: true; reason: string };

/** Silent first: a token without any prompt when Outlook's account already consented. */
export async function signInSilently(requester: TokenRequester, client: OidcClient): Promise<SilentResult> {
  if (client.scopes.length === 0) return { ok: false, needsInteraction: true, reason: "no scopes configured (OIDC_SCOPES)" };
  try {
    const token = await requester.silent(client.scopes);
    if (!token) return { ok: false, needsInteraction: true, reason: "the provider returned no access token" };
    return { ok: true, token };
  } catch (error) {
    // Consent, an expired session or a first sign-in all need the user; anything else is shown as it is.
    return { ok: false, needsInteraction: true, reason: (error as Error)?.message ?? String(error) };
  }
}

/** Then interactive, from the user's click. Throws with the provider's message when it fails or is cancelled. */
export async function signInInteractively(requester: TokenRequester, client: OidcClient): Promise<string> {
  const token = await requester.interactive(client.scopes);
  if (!token) throw new Error("the provider returned no access token");
  return token;
}
