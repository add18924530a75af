import type { BrowserContext, Route } from "playwright-core";

/**
 * Microsoft Entra ID's sign-in endpoints as a browser sees them, answered inside the test browser
 * (no internet here): `authorize` sends the window back to the registered redirect URI with a code
 * and MSAL's state (in the fragment or the query, as `response_mode` asks); `token` exchanges the
 * code for the access token given, with an ID token carrying the nonce MSAL sent. MSAL itself is
 * the real library in the built pages; only the provider is played here.
 */
export interface FakeEntra {
  /** Every authorize request's parameters, in order. */
  authorizations: URLSearchParams[];
  /** Every token request's form, in order. */
  tokenRequests: URLSearchParams[];
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function fakeEntra(
  context: BrowserContext,
  options: { clientId: string; accessToken: () => Promise<string>; username: string; redirectUris: string[]; tenant?: string },
): Promise<FakeEntra> {
  const tenant = options.tenant ?? "0f5a1c3e-0000-4000-8000-00000000abcd";
  const seen: FakeEntra = { authorizations: [], tokenRequests: [] };
  const nonces = new Map<string, string>();
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET, POST, OPTIONS" };
  const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: "application/json", headers: cors, body: JSON.stringify(body) });
  const base = "https://login.microsoftonline.com/common";
  await context.route("https://login.microsoftonline.com/**", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      return json(route, {
        issuer: `https://login.microsoftonline.com/{tenantid}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      });
    }
    if (url.pathname.endsWith("/discovery/instance")) {
      return json(route, {
        tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: "login.microsoftonline.com", preferred_cache: "login.windows.net", aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"] }],
      });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/authorize")) {
      const params = request.method() === "POST" ? new URLSearchParams(request.postData() ?? "") : url.searchParams;
      seen.authorizations.push(params);
      const redirect = params.get("redirect_uri") ?? "";
      if (params.get("client_id") !== options.clientId || !options.redirectUris.includes(redirect)) {
        return route.fulfill({ status: 400, contentType: "text/html", body: "<p>AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.</p>" });
      }
      const code = `code-${seen.authorizations.length}`;
      nonces.set(code, params.get("nonce") ?? "");
      const answer = new URLSearchParams({ code, state: params.get("state") ?? "", client_info: b64url({ uid: "user-1", utid: tenant }) });
      const location = `${redirect}${params.get("response_mode") === "query" ? "?" : "#"}${answer.toString()}`;
      return route.fulfill({ status: 302, headers: { location } });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token")) {
      const form = new URLSearchParams(request.postData() ?? "");
      seen.tokenRequests.push(form);
      const code = form.get("code") ?? "";
      if (!nonces.has(code) && form.get("grant_type") === "authorization_code") return json(route, { error: "invalid_grant", error_description: "AADSTS70000: unknown code" }, 400);
      const now = Math.floor(Date.now() / 1000);
      const idToken = [
        b64url({ alg: "none", typ: "JWT" }),
        b64url({
          aud: options.clientId,
          iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          tid: tenant,
          oid: "user-1",
          sub: "user-1",
          preferred_username: options.username,
          name: options.username,
          nonce: nonces.get(code) ?? "",
          ver: "2.0",
        }),
        "",
      ].join(".");
      return json(route, {
        token_type: "Bearer",
        scope: form.get("scope") ?? "",
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: await options.accessToken(),
        refresh_token: "refresh-1",
        id_token: idToken,
        client_info: b64url({ uid: "user-1", utid: tenant }),
      });
    }
    return route.abort();
  });
  return seen;
}
