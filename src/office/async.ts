/** An Office asynchronous call that failed: the AsyncResult's error code and message. */
export class OfficeCallError extends Error {
  constructor(
    readonly call: string,
    readonly code: string | number | undefined,
    message: string,
  ) {
    super(`${call} failed${code === undefined ? "" : ` (${String(code)})`}: ${message}`);
    this.name = "OfficeCallError";
  }
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/**
 * Turns one `*Async(callback)` call into a promise. A synchronous throw from the
 * Office call and a Failed result both reject, with the call's name.
 */
export function officeCall<T>(call: string, invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      // Read when the call is made: the callback may come after the runtime let go of `Office`.
      const succeeded = Office.AsyncResultStatus.Succeeded;
      invoke((result) => {
        if (result && result.status === succeeded) resolve(result.value);
        else reject(new OfficeCallError(call, result?.error?.code, result?.error?.message ?? "no result"));
      });
    } catch (error) {
      reject(new OfficeCallError(call, undefined, (error as Error)?.message ?? String(error)));
    }
  });
}

/** An answer Office reported as succeeded but whose value is not what the API documents. */
export function malformedAnswer(call: string, expected: string): OfficeCallError {
  return new OfficeCallError(call, "malformed", `Outlook answered without ${expected}`);
}
