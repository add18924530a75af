/**
 * dist/sign-in.html: the page Send Guard registers as its single-page-application redirect URI.
 * - Opened by the task pane in an Office dialog where Outlook has no Nested App Authentication
 *   (src/ui/sign-in.ts, way `dialog`): it sends the dialog to the provider (redirect flow) and,
 *   back from it, hands the access token to the pane with messageParent.
 * - Where the provider returns (its answer in the URL): MSAL 5's redirect bridge, which hands the
 *   answer to the window that asked (a pop-up of the reviewer or audit page, way `popup`) or, for
 *   the dialog's redirect flow, brings this page back without it to finish the sign-in.
 * It reads the provider's settings from the server that served it (/api/session), never from its URL.
 */
import { messageParent, officeReady } from "../office/dialog";
import { SIGN_IN_PAGE } from "../ui/sign-in";
import { carriesAuthResponse, completeSignIn } from "./sign-in-flow";

async function main(): Promise<void> {
  if (carriesAuthResponse(window.location)) {
    const bridge = await import(/* webpackChunkName: "msal-bridge" */ "@azure/msal-browser/redirect-bridge");
    await bridge.broadcastResponseToMainFrame();
    return;
  }
  await officeReady();
  const session = (await fetch(new URL("api/session", document.baseURI), { credentials: "omit" }).then((r) => r.json())) as {
    signIn?: { oidc?: { clientId: string; authority?: string; scopes: string[] } };
  };
  const oidc = session.signIn?.oidc;
  if (!oidc) {
    messageParent(JSON.stringify({ error: "this server offers no sign-in provider" }));
    return;
  }
  const msal = await import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
  const client = await msal.createStandardPublicClientApplication({
    auth: { clientId: oidc.clientId, authority: oidc.authority ?? "https://login.microsoftonline.com/common", redirectUri: new URL(SIGN_IN_PAGE, document.baseURI).href },
    cache: { cacheLocation: "localStorage" },
  });
  await completeSignIn(client, oidc.scopes, messageParent);
}

function say(text: string): void {
  const p = document.createElement("p");
  p.textContent = text;
  document.body.append(p);
}

main().catch((error: unknown) => {
  const reason = (error as Error)?.message ?? String(error);
  try {
    messageParent(JSON.stringify({ error: reason }));
  } catch {
    // Not in an Office dialog (a pop-up whose opener is gone, or opened by hand): say it on the page.
    say(`Send Guard: サインインできませんでした / sign-in failed: ${reason}`);
  }
});
