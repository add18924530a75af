import { BrowserAuthError, InteractionRequiredAuthError } from "@azure/msal-browser";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { msalRequester, signInInteractively, signInSilently, tokenFromDialog, type TokenRequester } from "../../src/ui/sign-in";

const pca = {
  acquireTokenSilent: jest.fn(),
  acquireTokenPopup: jest.fn(),
};
const createNestable = jest.fn(async () => pca);
const standard = { acquireTokenSilent: jest.fn(), getAllAccounts: jest.fn((): unknown[] => []) };
const createStandard = jest.fn(async () => standard);
jest.mock("@azure/msal-browser", () => ({
  ...jest.requireActual("@azure/msal-browser"),
  createNestablePublicClientApplication: (...args: unknown[]) => createNestable(...(args as [])),
  createStandardPublicClientApplication: (...args: unknown[]) => createStandard(...(args as [])),
}));

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
  createStandard.mockClear();
  standard.acquireTokenSilent.mockReset();
  standard.getAllAccounts.mockReset().mockReturnValue([]);
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
    const r = msalRequester(CLIENT, { kind: "nested" });
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
    await msalRequester({ ...CLIENT, authority: "https://login.microsoftonline.com/0f5a1c3e-0000-4000-8000-00000000abcd" }, { kind: "nested" }).silent(CLIENT.scopes);
    expect(createNestable).toHaveBeenCalledWith({ auth: expect.objectContaining({ authority: "https://login.microsoftonline.com/0f5a1c3e-0000-4000-8000-00000000abcd" }) });
  });
});

describe("without Nested App Authentication: the sign-in page in an Office dialog", () => {
  const REDIRECT = "https://sendguard.example.co.jp/sign-in.html";

  test("interactive opens the dialog (no MSAL pop-up, no nestable client); silent uses the account the page signed in, from this origin's cache", async () => {
    const signIn = jest.fn(async () => "dialog-at");
    const r = msalRequester(CLIENT, { kind: "dialog", redirectUri: REDIRECT, signIn });
    // Nobody signed in on this computer yet: silent says so, and the pane asks for a click.
    await expect(signInSilently(r, CLIENT)).resolves.toMatchObject({ ok: false, needsInteraction: true, reason: "not signed in yet on this computer" });
    await expect(signInInteractively(r, CLIENT)).resolves.toBe("dialog-at");
    expect(signIn).toHaveBeenCalledWith(CLIENT);
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
    expect(createNestable).not.toHaveBeenCalled();
    expect(createStandard).toHaveBeenCalledWith({
      auth: { clientId: CLIENT.clientId, authority: "https://login.microsoftonline.com/common", redirectUri: REDIRECT },
      cache: { cacheLocation: "localStorage" },
    });
    // After the dialog, MSAL's cache has the account: the next silent attempt needs no window.
    const account = { homeAccountId: "a.b", username: "tanaka@mirai-shoji.co.jp" };
    standard.getAllAccounts.mockReturnValue([account]);
    standard.acquireTokenSilent.mockResolvedValue({ accessToken: "cached-at" });
    await expect(signInSilently(r, CLIENT)).resolves.toEqual({ ok: true, token: "cached-at" });
    expect(standard.acquireTokenSilent).toHaveBeenCalledWith({ scopes: CLIENT.scopes, account });
  });

  test("the web pages' way: a pop-up returning to the sign-in page (MSAL's redirect bridge), silent from the cached account", async () => {
    const popup = { acquireTokenPopup: jest.fn(async () => ({ accessToken: "popup-at" })) };
    Object.assign(standard, popup);
    const r = msalRequester(CLIENT, { kind: "popup", redirectUri: REDIRECT });
    await expect(signInInteractively(r, CLIENT)).resolves.toBe("popup-at");
    expect(popup.acquireTokenPopup).toHaveBeenCalledWith({ scopes: CLIENT.scopes });
    expect(createStandard).toHaveBeenCalledWith(expect.objectContaining({ auth: expect.objectContaining({ redirectUri: REDIRECT }) }));
    expect(createNestable).not.toHaveBeenCalled();
  });

  test("the dialog's answer: a token, or its reason as the error the pane shows", () => {
    expect(tokenFromDialog(JSON.stringify({ token: "at-1" }))).toBe("at-1");
    expect(() => tokenFromDialog(JSON.stringify({ error: "AADSTS50011: redirect URI mismatch" }))).toThrow("AADSTS50011");
    expect(() => tokenFromDialog(JSON.stringify({ token: "" }))).toThrow("no token");
    expect(() => tokenFromDialog("<html>")).toThrow("something other than a token");
    expect(() => tokenFromDialog("null")).toThrow();
  });
});

describe("the task pane picks the way by NestedAppAuth 1.1", () => {
  const globals = globalThis as { Office?: unknown; document?: unknown };
  afterEach(() => {
    delete globals.Office;
    delete globals.document;
  });

  function office(nested: boolean) {
    const opened: string[] = [];
    globals.document = { baseURI: "https://sendguard.example.co.jp/taskpane.html" };
    globals.Office = {
      AsyncResultStatus: { Succeeded: "succeeded" },
      EventType: { DialogMessageReceived: "m", DialogEventReceived: "e" },
      context: {
        requirements: { isSetSupported: (name: string) => name === "NestedAppAuth" && nested },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
            opened.push(url);
            const handlers = new Map<string, (arg: unknown) => void>();
            callback({ status: "succeeded", value: { close: () => undefined, addEventHandler: (t: string, h: (arg: unknown) => void) => handlers.set(t, h) } });
            setTimeout(() => handlers.get("m")?.({ message: JSON.stringify({ token: "from-dialog" }) }), 0);
          },
        },
      },
    };
    return opened;
  }

  test("with it: Outlook's account through the nestable client", async () => {
    const opened = office(true);
    pca.acquireTokenPopup.mockResolvedValue({ accessToken: "naa-at" });
    await expect(createOfficeHost({}).tokenRequester(CLIENT).interactive(CLIENT.scopes)).resolves.toBe("naa-at");
    expect(opened).toEqual([]);
    expect(createStandard).not.toHaveBeenCalled();
  });

  test("without it: the sign-in page at the add-in's origin in an Office dialog", async () => {
    const opened = office(false);
    await expect(createOfficeHost({}).tokenRequester(CLIENT).interactive(CLIENT.scopes)).resolves.toBe("from-dialog");
    expect(opened).toEqual(["https://sendguard.example.co.jp/sign-in.html"]);
    expect(createNestable).not.toHaveBeenCalled();
  });
});
