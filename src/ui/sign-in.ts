import type { SessionInfo } from "./review-api";

/** What an OpenID Connect client library does for the pane: a token silently, or by asking the user. */
export interface TokenRequester {
  silent(scopes: string[]): Promise<string>;
  /** Opens the provider's dialog; call it from a click (browsers block pop-ups otherwise). */
  interactive(scopes: string[]): Promise<string>;
}

export type OidcClient = NonNullable<SessionInfo["signIn"]["oidc"]>;

/**
 * Microsoft Entra ID through Nested App Authentication: MSAL's
 * createNestablePublicClientApplication uses Outlook's signed-in account (and
 * falls back to a normal browser client outside Office). MSAL is loaded only
 * when a provider is configured, so the pane stays small without it.
 * https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */
export function msalRequester(client: OidcClient): TokenRequester {
  let app: Promise<{ silent(scopes: string[]): Promise<string>; interactive(scopes: string[]): Promise<string> }> | undefined;
  const load = () => {
    app ??= import(/* webpackChunkName: "msal" */ "@azure/msal-browser").then(async (msal) => {
      const pca = await msal.createNestablePublicClientApplication({
        auth: { clientId: client.clientId, authority: client.authority ?? "https://login.microsoftonline.com/common" },
      });
      return {
        silent: async (scopes: string[]) => (await pca.acquireTokenSilent({ scopes })).accessToken,
        interactive: async (scopes: string[]) => (await pca.acquireTokenPopup({ scopes })).accessToken,
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
