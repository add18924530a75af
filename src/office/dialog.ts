import { officeCall, OfficeCallError } from "./async";

/**
 * The Office dialog API, for signing in where Nested App Authentication is not available:
 * Microsoft's guidance is to open the identity provider's page in an Office dialog (a separate
 * browser instance), never in the pane's iframe
 * (https://learn.microsoft.com/office/dev/add-ins/develop/auth-with-office-dialog-api).
 */

/** Whether Outlook gives the pane Nested App Authentication (NestedAppAuth 1.1 cannot be declared in the manifest: it is checked). */
export function supportsNestedAppAuth(): boolean {
  try {
    return Office.context?.requirements?.isSetSupported("NestedAppAuth", "1.1") === true;
  } catch {
    return false;
  }
}

/** Codes Office reports on a dialog (DialogEventReceived, or failing to open one), in words. */
const DIALOG_ERRORS: Record<number, string> = {
  12002: "the sign-in page could not be loaded",
  12003: "the sign-in page is not served over HTTPS",
  12006: "the sign-in window was closed",
  12007: "a Send Guard window is already open",
  12009: "the sign-in window was blocked (allow pop-ups for Outlook, or sign in again)",
};

/** Not an Office code: this Outlook has no dialog API (Mailbox 1.4), e.g. a simulated one. */
const NO_DIALOG = "no-dialog-api";

export class DialogError extends Error {
  constructor(readonly code: number | string | undefined) {
    super(code === NO_DIALOG ? "this Outlook cannot open a sign-in window (no dialog API)" : DIALOG_ERRORS[Number(code)] ?? `the sign-in window failed${code === undefined ? "" : ` (${String(code)})`}`);
    this.name = "DialogError";
  }
}

/**
 * Opens `url` (same origin as the pane, as Office requires) in a dialog and resolves with the
 * first message the page sends with `messageParent`; the dialog is then closed. Rejects with a
 * DialogError when it cannot open or the user closes it first; after `timeoutMs` without an
 * answer the dialog is closed and the promise rejects.
 */
export function dialogMessage(url: string, timeoutMs = 5 * 60_000): Promise<string> {
  if (typeof Office === "undefined" || typeof Office.context?.ui?.displayDialogAsync !== "function") return Promise.reject(new DialogError(NO_DIALOG));
  return officeCall<Office.Dialog>("displayDialogAsync", (callback) =>
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, callback),
  ).then(
    (dialog) =>
      new Promise<string>((resolve, reject) => {
        let done = false;
        const finish = (outcome: () => void) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          try {
            dialog.close();
          } catch {
            // Already closed by the user.
          }
          outcome();
        };
        const timer = setTimeout(() => finish(() => reject(new DialogError("timeout"))), timeoutMs);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          const { message, origin } = arg as { message?: unknown; origin?: unknown };
          // Clients that report the sender's origin (DialogApi 1.2): only the sign-in page's own counts.
          if (typeof origin === "string" && origin !== new URL(url).origin) return finish(() => reject(new DialogError("wrong-origin")));
          finish(() => (typeof message === "string" ? resolve(message) : reject(new DialogError("no-message"))));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => finish(() => reject(new DialogError((arg as { error?: number }).error))));
      }),
    (error: unknown) => Promise.reject(error instanceof OfficeCallError ? new DialogError(error.code) : error),
  );
}

/** In the page a dialog opened: sends `message` to the pane that opened it. */
export function messageParent(message: string): void {
  Office.context.ui.messageParent(message);
}

/** Resolves once office.js is ready in a page (the dialog's page loads office.js for messageParent). */
export function officeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}
