import type { AuditRecord, CreateReviewRequest, DecisionRequest, Review, ReviewerOption, ReviewEvent, ReviewStatus } from "../../src/api/contract";
import { ApiError } from "../../src/api/error";
import { reviewChecks, snapshotContext, snapshotDraft } from "../../src/approval";
import { evaluate, type Policy } from "../../src/policy";
import type { ReviewClient, SessionInfo } from "../../src/ui/review-api";
import type { StoredMemory } from "../../src/memory/correspondence";
import { policyOf } from "./drafts";

type Method = Exclude<keyof ReviewClient, "signedIn" | "currentToken" | "useToken">;

/**
 * The review service as the components see it, in memory, for component tests: the same
 * surface as ReviewApi (the real client, tested against the real server elsewhere), with
 * the server's answers for the calls the components make. A method can be made to fail
 * (`fail`) or to wait until the test lets it answer (`hold`), and events can be pushed
 * (`emit`) as the server's event stream would.
 */
export class FakeReviewApi implements ReviewClient {
  private token: string | undefined;
  readonly calls: { method: Method; args: unknown[] }[] = [];
  readonly reviews = new Map<string, Review>();
  readonly listeners = new Set<(event: ReviewEvent) => void>();
  /** How sign-in works on this server (development sign-in unless a test says otherwise). */
  signIn: SessionInfo["signIn"] = { dev: true };
  users: ReviewerOption[] = [{ address: "kacho@mirai-shoji.co.jp", name: "山田 課長" }];
  admins = new Set(["it@mirai-shoji.co.jp"]);
  records: AuditRecord[] = [];
  private readonly failures = new Map<Method, Error>();
  private readonly holds = new Map<Method, { promise: Promise<void>; release: () => void }>();

  /** The organisation's policy the server evaluates requests with. */
  policy: Policy = policyOf();
  private created = 0;

  constructor(reviews: Review[] = []) {
    for (const review of reviews) this.reviews.set(review.id, review);
  }

  get signedIn(): boolean {
    return this.token !== undefined;
  }

  get currentToken(): string | undefined {
    return this.token;
  }

  useToken(token: string | undefined): void {
    this.token = token;
  }

  /** Who the current token signs in, as the server would say (tokens here are `token:<email>`). */
  get me(): string | undefined {
    return this.token?.startsWith("token:") ? this.token.slice("token:".length) : undefined;
  }

  /** Every later call of `method` fails with `error` until `succeed(method)`. */
  fail(method: Method, error: Error): void {
    this.failures.set(method, error);
  }

  succeed(method: Method): void {
    this.failures.delete(method);
  }

  /** Calls of `method` wait until the returned function is called. */
  hold(method: Method): () => void {
    let release = () => undefined as void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, { promise, release });
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  emit(event: ReviewEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  private async enter(method: Method, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await this.holds.get(method)?.promise;
    const failure = this.failures.get(method);
    if (failure) throw failure;
  }

  private signedInAs(): string {
    const me = this.me;
    if (!me) throw new ApiError(401, "missing-token", "sign in first");
    return me;
  }

  /** Each person's memory as the server keeps it. */
  readonly memories = new Map<string, StoredMemory>();

  async getMemory(): Promise<{ memory: StoredMemory | null; updatedAt: string | null }> {
    await this.enter("getMemory");
    const memory = this.memories.get(this.signedInAs());
    return { memory: memory ?? null, updatedAt: memory ? new Date(memory.t).toISOString() : null };
  }

  async putMemory(memory: StoredMemory): Promise<void> {
    await this.enter("putMemory", memory);
    this.memories.set(this.signedInAs(), JSON.parse(JSON.stringify(memory)) as StoredMemory);
  }

  async deleteMemory(): Promise<void> {
    await this.enter("deleteMemory");
    this.memories.delete(this.signedInAs());
  }

  async session(): Promise<SessionInfo> {
    await this.enter("session");
    const me = this.me;
    return { signIn: this.signIn, ...(me ? { user: { email: me, admin: this.admins.has(me) } } : {}) };
  }

  async demoUsers(): Promise<{ users: ReviewerOption[] }> {
    await this.enter("demoUsers");
    return { users: this.users };
  }

  async devSignIn(email: string): Promise<void> {
    await this.enter("devSignIn", email);
    this.token = `token:${email}`;
  }

  async reviewers(from?: string): Promise<{ reviewers: ReviewerOption[] }> {
    if (from === undefined) await this.enter("reviewers");
    else await this.enter("reviewers", from);
    return { reviewers: this.users };
  }

  /** As the server does: findings and checks from the snapshot under the policy; a request it replaces is cancelled. */
  async create(request: CreateReviewRequest): Promise<Review> {
    await this.enter("create", request);
    const me = this.signedInAs();
    const evaluation = evaluate(snapshotDraft(request.snapshot), this.policy, snapshotContext(request.snapshot));
    this.created += 1;
    const replaced = request.replaces ? this.reviews.get(request.replaces) : undefined;
    if (replaced?.status === "pending") this.reviews.set(replaced.id, { ...replaced, status: "cancelled" });
    const reviewer = this.users.find((u) => u.address === request.reviewer);
    const review: Review = {
      id: `rv_created${String(this.created).padStart(4, "0")}`,
      status: "pending",
      sender: me,
      reviewer: request.reviewer,
      reviewerName: reviewer?.name,
      fingerprint: request.fingerprint,
      verdict: evaluation.verdict,
      snapshot: request.snapshot,
      findings: evaluation.findings,
      checks: reviewChecks(evaluation.findings),
      note: request.note ?? "",
      language: request.language ?? "ja",
      createdAt: "2026-12-01T01:00:00.000Z",
      expiresAt: "2026-12-02T01:00:00.000Z",
    };
    this.reviews.set(review.id, review);
    return review;
  }

  async get(id: string): Promise<Review> {
    await this.enter("get", id);
    this.signedInAs();
    const review = this.reviews.get(id);
    if (!review) throw new ApiError(404, "not-found", "no such review");
    return review;
  }

  async list(role: "reviewer" | "sender", status?: ReviewStatus): Promise<{ reviews: Review[] }> {
    await this.enter("list", role, status);
    const me = this.signedInAs();
    const mine = [...this.reviews.values()].filter((r) => (role === "reviewer" ? r.reviewer : r.sender) === me && (!status || r.status === status));
    return { reviews: mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }

  async decide(id: string, decision: DecisionRequest): Promise<Review> {
    await this.enter("decide", id, decision);
    const me = this.signedInAs();
    const review = this.reviews.get(id);
    if (!review) throw new ApiError(404, "not-found", "no such review");
    if (review.status !== "pending") throw new ApiError(409, "already-decided", "this request was already decided");
    const decided: Review = {
      ...review,
      status: decision.decision === "approve" ? "approved" : "rejected",
      decidedBy: me,
      decidedAt: "2026-12-01T02:00:00.000Z",
      comment: decision.comment,
      acknowledged: decision.acknowledged,
    };
    this.reviews.set(id, decided);
    return decided;
  }

  async cancel(id: string): Promise<Review> {
    await this.enter("cancel", id);
    const review = this.reviews.get(id);
    if (!review) throw new ApiError(404, "not-found", "no such review");
    const cancelled: Review = { ...review, status: "cancelled" };
    this.reviews.set(id, cancelled);
    return cancelled;
  }

  async audit(query: Record<string, string>): Promise<{ records: AuditRecord[] }> {
    await this.enter("audit", query);
    const me = this.signedInAs();
    if (!this.admins.has(me)) throw new ApiError(403, "not-admin", "only administrators may read the audit trail");
    return { records: this.records };
  }

  async auditCsv(query: Record<string, string>): Promise<Blob> {
    await this.enter("auditCsv", query);
    return new Blob(["\ufeffseq,at\r\n"], { type: "text/csv" });
  }

  subscribe(onEvent: (event: ReviewEvent) => void): () => void {
    this.calls.push({ method: "subscribe", args: [] });
    this.listeners.add(onEvent);
    return () => this.listeners.delete(onEvent);
  }
}
