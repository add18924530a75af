import { BrowserAuthError, InteractionRequiredAuthError } from "@azure/msal-browser";
import { msalRequester, signInInteractively, signInSilently, type TokenRequester } from "../../src/ui/sign-in";

const pca = {
  acquireTokenSilent: jest.fn(),
  acquireTokenPopup: jest.fn(),
};
const createNestable = jest.fn(async () => pca);
jest.mock("@azure/msal-browser", () => ({ ...jest.requireActual("@azure/msal-browser"), createNestablePublicClientApplication: (...args: unknown[]) => createNestable(...(args as [])) }));

const CLIENT = { clientId: "11111111-2222-3333-4444-555555555555", scopes: ["api://sendguard/Reviews.ReadWrite"] };

function requester(silent: () => Promise<string>, interactive: () => Promise<string> = async () => "interactive-token"): TokenRequester & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    silent: (scopes) => (calls.push(`silent ${scopes.join(" ")}`), silent()),
    interactive: (scopes) => (calls.push(`interactive ${scopes.join(" ")}`), interactive()),
  };
}

beforeEach(() => {
  pca.acquireTokenSilent.mockReset();
  pca.acquireTokenPopup.mockReset();
  createNestable.mockClear();
});

describe("signing in to the review service with the organisation's provider", () => {
  test("silent first: a token without any prompt", async () => {
    const r = requester(async () => "silent-token");
    await expect(signInSilently(r, CLIENT)).resolves.toEqual({ ok: true, token: "silent-token" });
    expect(r.calls).toEqual(["silent api://sendguard/Reviews.ReadWrite"]);
  });

  test("consent or a first sign-in needed (MSAL's InteractionRequiredAuthError): the pane asks for a click, no pop-up yet", async () => {
    const r = requester(async () => {
      throw new InteractionRequiredAuthError("consent_required", "AADSTS65001: The user has not consented");
    });
    await expect(signInSilently(r, CLIENT)).resolves.toMatchObject({ ok: false, needsInteraction: true, reason: expect.stringContaining("consent") });
    expect(r.calls).toEqual(["silent api://sendguard/Reviews.ReadWrite"]);
  });

  test("then interactive, from the click", async () => {
    const r = requester(async () => "x", async () => "interactive-token");
    await expect(signInInteractively(r, CLIENT)).resolves.toBe("interactive-token");
  });

  test("a cancelled pop-up (MSAL's BrowserAuthError user_cancelled) is an error the pane shows", async () => {
    const r = requester(async () => "x", async () => {
      throw new BrowserAuthError("user_cancelled", "corr-1");
    });
    await expect(signInInteractively(r, CLIENT)).rejects.toThrow(/user_cancelled|cancel/i);
  });

  test("without configured scopes nothing is requested and the reason says so", async () => {
    const r = requester(async () => "silent-token");
    await expect(signInSilently(r, { ...CLIENT, scopes: [] })).resolves.toMatchObject({ ok: false, reason: expect.stringContaining("OIDC_SCOPES") });
    expect(r.calls).toEqual([]);
  });

  test("an empty token is not a sign-in", async () => {
    await expect(signInSilently(requester(async () => ""), CLIENT)).resolves.toMatchObject({ ok: false });
  });
});

describe("MSAL with Nested App Authentication", () => {
  test("loads MSAL once, creates a nestable client with the configured client id (common authority by default), and maps silent / interactive", async () => {
    pca.acquireTokenSilent.mockResolvedValue({ accessToken: "silent-at" });
    pca.acquireTokenPopup.mockResolvedValue({ accessToken: "popup-at" });
    const r = msalRequester(CLIENT);
    expect(createNestable).not.toHaveBeenCalled();
    await expect(r.silent(CLIENT.scopes)).resolves.toBe("silent-at");
    await expect(r.interactive(CLIENT.scopes)).resolves.toBe("popup-at");
    expect(createNestable).toHaveBeenCalledTimes(1);
    expect(createNestable).toHaveBeenCalledWith({ auth: { clientId: CLIENT.clientId, authority: "https://login.microsoftonline.com/common" } });
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith({ scopes: CLIENT.scopes });
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: CLIENT.scopes });
  });

  test("a tenant authority is passed through", async () => {
    pca.acquireTokenSilent.mockResolvedValue({ accessToken: "t" });
    await msalRequester({ ...CLIENT, authority: "https://login.microsoftonline.com/0f5a1c3e-0000-4000-8000-00000000abcd" }).silent(CLIENT.scopes);
    expect(createNestable).toHaveBeenCalledWith({ auth: expect.objectContaining({ authority: "https://login.microsoftonline.com/0f5a1c3e-0000-4000-8000-00000000abcd" }) });
  });
});
