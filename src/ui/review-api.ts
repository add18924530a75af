import { EventSource } from "eventsource";
import { ApiError } from "../api/error";
import type { StoredMemory } from "../api/contract";
import type { ApiErrorBody, AuditRecord, CreateReviewRequest, DecisionRequest, Review, ReviewerOption, ReviewEvent, ReviewStatus } from "../api/contract";

export { ApiError };

export interface SessionInfo {
  user?: { email: string; name?: string; admin: boolean } | undefined;
  signIn: { dev: boolean; oidc?: { clientId: string; authority?: string; scopes: string[] } | undefined };
}

/**
 * The review service as the task panes and web pages use it: JSON over fetch
 * with a bearer token, and Server-Sent Events (with the same token in a header,
 * which the browser's own EventSource cannot send).
 */
export class ReviewApi {
  constructor(
    private readonly base: string,
    private token: string | undefined = undefined,
  ) {}

  get signedIn(): boolean {
    return this.token !== undefined;
  }

  get currentToken(): string | undefined {
    return this.token;
  }

  useToken(token: string | undefined): void {
    this.token = token;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        credentials: "omit",
        cache: "no-store",
        headers: {
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ApiError(0, "offline", (error as Error).message);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const error = (parsed ?? {}) as Partial<ApiErrorBody>;
      throw new ApiError(response.status, error.error ?? "http", error.message ?? `HTTP ${response.status}`, error.details);
    }
    return parsed as T;
  }

  session(): Promise<SessionInfo> {
    return this.call("GET", "/api/session");
  }

  demoUsers(): Promise<{ users: ReviewerOption[] }> {
    return this.call("GET", "/api/dev/users");
  }

  async devSignIn(email: string): Promise<void> {
    const { token } = await this.call<{ token: string }>("POST", "/api/dev/sign-in", { email });
    this.token = token;
  }

  /** Who may review mail sent from `from` (a shared mailbox) or, without it, from the signed-in person. */
  reviewers(from?: string): Promise<{ reviewers: ReviewerOption[] }> {
    return this.call("GET", from ? `/api/reviewers?from=${encodeURIComponent(from)}` : "/api/reviewers");
  }

  create(request: CreateReviewRequest): Promise<Review> {
    return this.call("POST", "/api/reviews", request);
  }

  get(id: string): Promise<Review> {
    return this.call("GET", `/api/reviews/${encodeURIComponent(id)}`);
  }

  list(role: "reviewer" | "sender", status?: ReviewStatus): Promise<{ reviews: Review[] }> {
    return this.call("GET", `/api/reviews?role=${role}${status ? `&status=${status}` : ""}`);
  }

  decide(id: string, decision: DecisionRequest): Promise<Review> {
    return this.call("POST", `/api/reviews/${encodeURIComponent(id)}/decision`, decision);
  }

  cancel(id: string): Promise<Review> {
    return this.call("POST", `/api/reviews/${encodeURIComponent(id)}/cancel`, {});
  }

  /** The signed-in person's correspondence memory kept on the server (hashes only); null when none. */
  getMemory(): Promise<{ memory: StoredMemory | null; updatedAt: string | null }> {
    return this.call("GET", "/api/memory");
  }

  putMemory(memory: StoredMemory): Promise<void> {
    return this.call("PUT", "/api/memory", { memory });
  }

  deleteMemory(): Promise<void> {
    return this.call("DELETE", "/api/memory");
  }

  audit(query: Record<string, string>): Promise<{ records: AuditRecord[] }> {
    return this.call("GET", `/api/audit?${new URLSearchParams(query).toString()}`);
  }

  /** The same records as CSV (UTF-8 with BOM), as a Blob to save. */
  async auditCsv(query: Record<string, string>): Promise<Blob> {
    const response = await fetch(`${this.base}/api/audit?${new URLSearchParams({ ...query, format: "csv" }).toString()}`, {
      credentials: "omit",
      headers: this.token ? { Authorization: `Bearer ${this.token}` } : {},
    });
    if (!response.ok) throw new ApiError(response.status, "http", `HTTP ${response.status}`);
    return response.blob();
  }

  /**
   * Live review changes for the signed-in person; reconnects by itself after a dropped
   * connection. `onError` hears of failures (e.g. a refused token). Returns a function that stops it.
   */
  subscribe(onEvent: (event: ReviewEvent) => void, onOpen?: () => void, onError?: (message: string) => void): () => void {
    const token = this.token;
    const source = new EventSource(`${this.base}/api/events`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } }),
    });
    source.addEventListener("ready", () => onOpen?.());
    source.addEventListener("error", (error) => onError?.(error.message ?? "the event stream failed"));
    source.addEventListener("review", (message) => {
      try {
        onEvent(JSON.parse(message.data) as ReviewEvent);
      } catch {
        // A malformed frame is ignored; the next one or a re-read brings the state.
      }
    });
    return () => source.close();
  }
}

/** What the components use of the review service: ReviewApi's public surface (tests give a fake with the same shape). */
export type ReviewClient = Pick<ReviewApi, keyof ReviewApi>;
