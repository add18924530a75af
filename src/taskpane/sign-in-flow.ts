import type { DialogAnswer } from "../ui/sign-in";

/** The part of MSAL's PublicClientApplication the sign-in page uses (redirect flow). */
export interface RedirectClient {
  handleRedirectPromise(): Promise<{ accessToken?: string } | null>;
  acquireTokenRedirect(request: { scopes: string[] }): Promise<void>;
}

/**
 * Whether the page was loaded with the provider's answer in its URL (`code` or `error`, with the
 * `state` MSAL sent), in the fragment or the query: then it is MSAL's redirect bridge first.
 */
export function carriesAuthResponse(location: { hash: string; search: string }): boolean {
  return [location.hash, location.search].some((part) => {
    const params = new URLSearchParams(part.replace(/^[#?]/, ""));
    return params.has("state") && (params.has("code") || params.has("error"));
  });
}

/**
 * The sign-in page's work, in an Office dialog opened by the pane (no Nested App Authentication):
 * back from the provider, hand the access token to the pane; otherwise go to the provider, which
 * returns to this page. Anything that fails is sent to the pane in words (never left hanging).
 */
export async function completeSignIn(client: RedirectClient, scopes: string[], send: (message: string) => void): Promise<"sent" | "redirecting"> {
  const answer = (value: DialogAnswer) => {
    send(JSON.stringify(value));
    return "sent" as const;
  };
  try {
    const result = await client.handleRedirectPromise();
    if (result) return answer(result.accessToken ? { token: result.accessToken } : { error: "the provider returned no access token" });
    if (scopes.length === 0) return answer({ error: "no scopes configured (OIDC_SCOPES)" });
    await client.acquireTokenRedirect({ scopes });
    return "redirecting";
  } catch (error) {
    return answer({ error: (error as Error)?.message ?? String(error) });
  }
}
