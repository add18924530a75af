/**
 * The Office dialog API as Microsoft documents it (displayDialogAsync's AsyncResult with a Dialog,
 * DialogMessageReceived with `message`, DialogEventReceived with `error` 12006 when the user
 * closes it), and the NestedAppAuth 1.1 check. No Outlook here: a fake Office namespace.
 */
import { DialogError, dialogMessage, supportsNestedAppAuth } from "../../src/office/dialog";
import { carriesAuthResponse, completeSignIn } from "../../src/taskpane/sign-in-flow";

type Handler = (arg: unknown) => void;

function fakeOffice(open: { status: "succeeded" | "failed"; code?: number }, sets: Record<string, boolean> = {}) {
  const handlers = new Map<string, Handler>();
  const dialog = { close: jest.fn(), addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler) };
  const displayDialogAsync = jest.fn((_url: string, _options: unknown, callback: (result: unknown) => void) =>
    setTimeout(() => callback(open.status === "succeeded" ? { status: "succeeded", value: dialog } : { status: "failed", error: { code: open.code, message: "failed" } }), 0),
  );
  (globalThis as { Office?: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => sets[`${name} ${version}`] === true },
      ui: { displayDialogAsync },
    },
  };
  const emit = (type: string, arg: unknown) => handlers.get(type)?.(arg);
  return { dialog, displayDialogAsync, emit };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("NestedAppAuth 1.1 (checked, as it cannot be declared in the manifest)", () => {
  test("supported, unsupported, and a client that throws on the check", () => {
    fakeOffice({ status: "succeeded" }, { "NestedAppAuth 1.1": true });
    expect(supportsNestedAppAuth()).toBe(true);
    fakeOffice({ status: "succeeded" });
    expect(supportsNestedAppAuth()).toBe(false);
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => { throw new Error("old client"); } } } };
    expect(supportsNestedAppAuth()).toBe(false);
  });
});

describe("the sign-in dialog", () => {
  test("resolves with the page's message and closes the dialog", async () => {
    const office = fakeOffice({ status: "succeeded" });
    const answer = dialogMessage("https://sendguard.example.co.jp/sign-in.html");
    await tick();
    expect(office.displayDialogAsync).toHaveBeenCalledWith("https://sendguard.example.co.jp/sign-in.html", expect.objectContaining({ promptBeforeOpen: false }), expect.any(Function));
    office.emit("dialogMessageReceived", { message: '{"token":"at"}', origin: "https://sendguard.example.co.jp" });
    await expect(answer).resolves.toBe('{"token":"at"}');
    expect(office.dialog.close).toHaveBeenCalledTimes(1);
  });

  test("closed by the user (12006): an error in words, not a hang", async () => {
    const office = fakeOffice({ status: "succeeded" });
    const answer = dialogMessage("https://x/sign-in.html");
    await tick();
    office.emit("dialogEventReceived", { error: 12006 });
    await expect(answer).rejects.toThrow("the sign-in window was closed");
  });

  test("cannot open (12009: blocked) or another dialog is open (12007)", async () => {
    fakeOffice({ status: "failed", code: 12009 });
    await expect(dialogMessage("https://x/sign-in.html")).rejects.toBeInstanceOf(DialogError);
    fakeOffice({ status: "failed", code: 12009 });
    await expect(dialogMessage("https://x/sign-in.html")).rejects.toThrow("blocked");
    fakeOffice({ status: "failed", code: 12007 });
    await expect(dialogMessage("https://x/sign-in.html")).rejects.toThrow("already open");
  });

  test("a message from another origin is not taken as the sign-in page's answer", async () => {
    const office = fakeOffice({ status: "succeeded" });
    const answer = dialogMessage("https://sendguard.example.co.jp/sign-in.html");
    await tick();
    office.emit("dialogMessageReceived", { message: '{"token":"forged"}', origin: "https://evil.example" });
    await expect(answer).rejects.toThrow("wrong-origin");
  });

  test("an Outlook without the dialog API: a clear error at once, no hang", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => false } } };
    await expect(dialogMessage("https://x/sign-in.html")).rejects.toThrow("cannot open a sign-in window");
  });

  test("no answer in time: the dialog is closed and the wait ends", async () => {
    const office = fakeOffice({ status: "succeeded" });
    await expect(dialogMessage("https://x/sign-in.html", 30)).rejects.toThrow("failed (timeout)");
    expect(office.dialog.close).toHaveBeenCalled();
    // A message arriving after the timeout changes nothing.
    office.emit("dialogMessageReceived", { message: '{"token":"late"}' });
    expect(office.dialog.close).toHaveBeenCalledTimes(1);
  });
});

describe("the sign-in page (MSAL redirect flow in the dialog)", () => {
  const client = (result: { accessToken?: string } | null, fail?: Error) => ({
    handleRedirectPromise: jest.fn(async () => {
      if (fail) throw fail;
      return result;
    }),
    acquireTokenRedirect: jest.fn(async () => undefined),
  });

  test("first visit: goes to the provider with the configured scopes", async () => {
    const c = client(null);
    const send = jest.fn();
    await expect(completeSignIn(c, ["api://sendguard/Reviews.ReadWrite"], send)).resolves.toBe("redirecting");
    expect(c.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: ["api://sendguard/Reviews.ReadWrite"] });
    expect(send).not.toHaveBeenCalled();
  });

  test("back from the provider: hands the access token to the pane", async () => {
    const send = jest.fn();
    await expect(completeSignIn(client({ accessToken: "at-9" }), ["s"], send)).resolves.toBe("sent");
    expect(send).toHaveBeenCalledWith(JSON.stringify({ token: "at-9" }));
  });

  test("an error from the provider, a result without a token, or no scopes: the pane is told why", async () => {
    const send = jest.fn();
    await completeSignIn(client(null, new Error("AADSTS50011: The redirect URI does not match")), ["s"], send);
    await completeSignIn(client({}), ["s"], send);
    await completeSignIn(client(null), [], send);
    expect(send.mock.calls.map(([m]) => JSON.parse(m as string).error)).toEqual([
      "AADSTS50011: The redirect URI does not match",
      "the provider returned no access token",
      "no scopes configured (OIDC_SCOPES)",
    ]);
  });
});

describe("the sign-in page knows when the provider's answer is in its URL (then it is MSAL's redirect bridge)", () => {
  test.each([
    ["#code=abc&state=eyJ&client_info=x", "", true],
    ["", "?code=abc&state=eyJ", true],
    ["#error=access_denied&error_description=cancelled&state=eyJ", "", true],
    ["", "", false],
    ["#code=abc", "", false],
    ["#state=eyJ", "", false],
    ["", "?lang=ja", false],
  ])("hash %j, query %j: %s", (hash, search, expected) => {
    expect(carriesAuthResponse({ hash, search })).toBe(expected);
  });
});
