import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { parsePolicy, POLICY_FORMAT, sealedPolicyText } from "../policy";
import { answerError } from "./errors";
import { registerReviewRoutes } from "./review/routes";
import type { Services } from "./services";
import { registerStaticFiles } from "./static-files";

export interface AppOptions {
  /** The built add-in (dist/) to serve as files. Without it only the API (and /healthz) is served. */
  distDir?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Serve /playground/ (default true). */
  playground?: boolean;
  /** The review service (API, policy.json with the approval key). Without it only the static add-in is served. */
  services?: Services | undefined;
}

/**
 * The Send Guard HTTP app, buildable without listening: the built add-in as files (when
 * `distDir` is given), the review API and the published policy.json (when `services` are
 * given), and one error handler for all of them.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    // Idle keep-alive sockets close at once on shutdown; requests in flight finish first.
    forceCloseConnections: "idle",
    ...(options.https ? { https: options.https } : {}),
  });
  app.setErrorHandler(answerError);
  if (options.distDir !== undefined) registerStaticFiles(app, { distDir: options.distDir, playground: options.playground ?? true });
  app.get("/healthz", async () => ({ ok: true }));

  const services = options.services;
  if (services) {
    // The organisation's policy with this server's approval key: the send handler verifies approvals with it offline.
    const publishedPolicy = {
      ...services.policyJson,
      approvalKeys: [...new Set([...((services.policyJson.approvalKeys as string[] | undefined) ?? []), services.signingKey.publicKeyHex])],
    };
    const published = `${JSON.stringify(publishedPolicy, null, 2)}\n`;
    // The same policy validated here once, for the event handlers: they ask with `?format=` and the
    // sealed format they read (src/policy/sealed.ts), and when it is this server's they get the policy
    // sealed, which they use without loading the schemas to validate it (about 19 ms of every Send in
    // a fresh runtime that finds no policy on the item: a draft reopened from the Drafts folder, where
    // no compose-start event ran). Another format (an add-in older or newer than this server), or no
    // format, gets the file as written, which the handler validates.
    const validated = parsePolicy(publishedPolicy);
    const sealed = validated.ok ? sealedPolicyText(validated.policy) : undefined;
    app.get<{ Querystring: { format?: unknown } }>("/policy.json", async (request, reply) =>
      reply
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Cache-Control", "no-cache")
        .header("Access-Control-Allow-Origin", "*")
        .send(sealed !== undefined && request.query.format === POLICY_FORMAT ? sealed : published),
    );
    registerReviewRoutes(app, services.routes);
    // Event streams never end on their own: close them first so shutdown is not held open.
    app.addHook("preClose", async () => {
      await services.routes.hub.stop();
    });
  }
  return app;
}
