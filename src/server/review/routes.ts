import { stringify } from "csv-stringify/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AuditRecord } from "../../api/contract";
import type { DevIssuer } from "../auth/dev-issuer";
import type { Identity, TokenVerifier } from "../auth/verifier";
import type { ReviewEventHub } from "./events";
import {
  auditQuerySchema,
  createReviewSchema,
  decisionSchema,
  describeIssues,
  devSignInSchema,
  LIMITS,
  listQuerySchema,
  putMemorySchema,
  reviewIdSchema,
  reviewersQuerySchema,
  sentSchema,
} from "../../api/schemas";
import { ApiError } from "../../api/error";
import type { ReviewService } from "./service";
import { guardLoopback } from "../loopback-guard";
import { unstorableText } from "../storable-text";
import { CorrespondenceMemory } from "../../memory/correspondence";
import type { MemoryStore } from "../storage/memory-store";

export interface ReviewRoutesOptions {
  service: ReviewService;
  verifier: TokenVerifier;
  hub: ReviewEventHub;
  /** Present only when development sign-in is on (loopback, not production). */
  dev?: { issuer: DevIssuer; users: () => { address: string; name?: string | undefined }[]; mayUse: (email: string) => boolean } | undefined;
  /** Where each person's correspondence memory is kept (absent: the memory routes answer 404). */
  memories?: MemoryStore | undefined;
  /** What the task pane needs to get tokens itself (Nested App Authentication). */
  oidcClient?: { clientId: string; authority: string | undefined; scopes: string[] } | undefined;
}

/**
 * A request part (body, query, path) checked against its schema, after every string in it
 * is checked for characters the database cannot store: those are a 400 naming where they
 * are, never a 500 (or text silently changed) when the row is written.
 */
function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const unstorable = unstorableText(value);
  if (unstorable.length > 0) throw new ApiError(400, "invalid-characters", `the ${where} contains characters that cannot be stored`, unstorable);
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new ApiError(400, "invalid-request", `the ${where} is invalid`, describeIssues(result.error));
  return result.data;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** One row per audit record; cells that a spreadsheet would run as formulas are quoted with a leading apostrophe. */
export function auditCsv(records: readonly AuditRecord[]): string {
  const safe = (value: unknown) => {
    const text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  const rows = records.map((r) => [r.seq, r.at, r.action, r.reviewId, r.actor, r.sender, r.reviewer, r.detail].map(safe));
  // A byte-order mark so that Excel (the usual reader in Japanese offices) opens UTF-8 correctly.
  return `\ufeff${stringify([["seq", "at", "action", "review_id", "actor", "sender", "reviewer", "detail"], ...rows], { record_delimiter: "\r\n" })}`;
}

/** The review API under /api: JSON in and out, bearer tokens, errors as `{ error, message, details }`. */
export function registerReviewRoutes(app: FastifyInstance, options: ReviewRoutesOptions): void {
  const { service, verifier, hub, dev } = options;
  // Development sign-in lets anyone be anyone: only this machine's own pages may talk to such a server.
  if (dev) guardLoopback(app);

  const identify = (request: FastifyRequest): Promise<Identity> => verifier.verify(bearer(request));

  app.get("/api/session", async (request) => {
    let user: (Identity & { admin: boolean }) | undefined;
    if (bearer(request)) {
      const identity = await identify(request);
      user = { ...identity, admin: service.isAdmin(identity) };
    }
    return {
      user,
      signIn: { dev: Boolean(dev), oidc: options.oidcClient },
    };
  });

  if (dev) {
    app.get("/api/dev/users", async () => ({ users: dev.users() }));
    app.post("/api/dev/sign-in", { bodyLimit: LIMITS.otherBodyBytes }, async (request) => {
      const body = parse(devSignInSchema, request.body, "sign-in request");
      if (!dev.mayUse(body.email)) {
        throw new ApiError(403, "not-a-demo-user", `${body.email} is not a demo user: pick one from /api/dev/users or an address at an internal domain`);
      }
      const known = dev.users().find((u) => u.address === body.email.toLowerCase());
      const name = body.name ?? known?.name;
      const token = await dev.issuer.issue(body.email.toLowerCase(), name);
      return { token, user: await verifier.verify(token) };
    });
  }

  app.get("/api/reviewers", async (request) => {
    const query = parse(reviewersQuerySchema, request.query, "query");
    return { reviewers: service.reviewersFor(await identify(request), query.from) };
  });

  // The signed-in person's correspondence memory: salted hashes only, never addresses.
  const memories = (): MemoryStore => {
    if (!options.memories) throw new ApiError(404, "not-found", "this server keeps no memories");
    return options.memories;
  };
  app.get("/api/memory", async (request) => {
    const identity = await identify(request);
    const stored = await memories().get(identity.email);
    return stored ?? { memory: null, updatedAt: null };
  });
  app.put("/api/memory", { bodyLimit: LIMITS.otherBodyBytes }, async (request, reply) => {
    const identity = await identify(request);
    const { memory } = parse(putMemorySchema, request.body, "memory");
    if (!CorrespondenceMemory.decode(memory)) throw new ApiError(400, "invalid-request", "the memory is invalid", [{ path: "memory", message: "its hashes and groups do not hang together" }]);
    await memories().put(identity.email, memory);
    return reply.code(204).send();
  });
  app.delete("/api/memory", async (request, reply) => {
    const identity = await identify(request);
    await memories().remove(identity.email);
    return reply.code(204).send();
  });

  app.post("/api/reviews", { bodyLimit: LIMITS.createBodyBytes }, async (request, reply) => {
    const identity = await identify(request);
    const review = await service.create(identity, parse(createReviewSchema, request.body, "review request"));
    return reply.code(201).header("Location", `/api/reviews/${review.id}`).send(review);
  });

  app.get("/api/reviews", async (request) => {
    const identity = await identify(request);
    const query = parse(listQuerySchema, request.query, "query");
    return { reviews: await service.list(identity, query.role, query.status, query.limit) };
  });

  app.get("/api/reviews/:id", async (request) => {
    const identity = await identify(request);
    return service.read(identity, parse(reviewIdSchema, request.params, "review id").id);
  });

  app.post("/api/reviews/:id/decision", { bodyLimit: LIMITS.otherBodyBytes }, async (request) => {
    const identity = await identify(request);
    const { id } = parse(reviewIdSchema, request.params, "review id");
    return service.decide(identity, id, parse(decisionSchema, request.body, "decision"));
  });

  app.post("/api/reviews/:id/cancel", { bodyLimit: LIMITS.otherBodyBytes }, async (request) => {
    const identity = await identify(request);
    return service.cancel(identity, parse(reviewIdSchema, request.params, "review id").id);
  });

  // Called by the send handler from Outlook (any origin, no user token): the approval token is the proof.
  app.options("/api/reviews/:id/sent", async (_request, reply) =>
    reply
      .header("Access-Control-Allow-Origin", "*")
      .header("Access-Control-Allow-Methods", "POST")
      .header("Access-Control-Allow-Headers", "Content-Type")
      .header("Access-Control-Max-Age", "86400")
      .code(204)
      .send(),
  );
  app.post("/api/reviews/:id/sent", { bodyLimit: LIMITS.otherBodyBytes }, async (request, reply) => {
    reply.header("Access-Control-Allow-Origin", "*");
    const { id } = parse(reviewIdSchema, request.params, "review id");
    return service.reportSent(id, parse(sentSchema, request.body, "report").token);
  });

  app.get("/api/events", async (request, reply) => {
    const identity = await identify(request);
    reply.hijack();
    hub.attach(reply.raw, identity.email, service.isAdmin(identity));
  });

  app.get("/api/audit", async (request, reply) => {
    const identity = await identify(request);
    const query = parse(auditQuerySchema, request.query, "query");
    const records = await service.audit(identity, {
      from: query.from ? new Date(query.from) : undefined,
      // A date without a time means "until the end of that day".
      to: query.to ? new Date(Date.parse(query.to) + (query.to.length === 10 ? 86_400_000 : 0)) : undefined,
      action: query.action,
      person: query.person?.trim().toLowerCase() || undefined,
      reviewId: query.review?.trim() || undefined,
      before: query.before,
      limit: query.limit,
    });
    if (query.format === "csv") {
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="send-guard-audit.csv"`)
        .send(auditCsv(records));
    }
    return { records };
  });
}
