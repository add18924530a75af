import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
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
    const published = `${JSON.stringify(
      {
        ...services.policyJson,
        approvalKeys: [...new Set([...((services.policyJson.approvalKeys as string[] | undefined) ?? []), services.signingKey.publicKeyHex])],
      },
      null,
      2,
    )}\n`;
    app.get("/policy.json", async (_request, reply) =>
      reply.header("Content-Type", "application/json; charset=utf-8").header("Cache-Control", "no-cache").header("Access-Control-Allow-Origin", "*").send(published),
    );
    registerReviewRoutes(app, services.routes);
    // Event streams never end on their own: close them first so shutdown is not held open.
    app.addHook("preClose", async () => {
      await services.routes.hub.stop();
    });
  }
  return app;
}
