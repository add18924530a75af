/**
 * A request the review API refused, or that failed on the way: the HTTP status, a stable
 * code for programs, a sentence for people, and details (which fields, which items). The
 * server throws it and answers with its body (`ApiErrorBody`); the panes and pages receive it
 * back as the same class (status 0 and code "offline" when the server could not be reached).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What a failure says to a person: the API's sentence, or the error's own message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
