import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import * as fs from "node:fs";
import * as path from "node:path";
import { registerReviewRoutes } from "./review/routes";
import type { Services } from "./services";

export interface AppOptions {
  /** The built add-in (dist/). */
  distDir: string;
  logger?: FastifyServerOptions["logger"];
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Serve /playground/ (default true). */
  playground?: boolean;
  /** The review service (API, policy.json with the approval key). Without it only the static add-in is served. */
  services?: Services | undefined;
}

/**
 * The Send Guard HTTP app, buildable without listening: serves the built add-in
 * (HTML, launchevent.js, manifest, policy.json, icons, the well-known file), the
 * playground under /playground/, the reviewer and admin pages, and the review API.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  if (!fs.existsSync(path.join(options.distDir, "launchevent.js"))) {
    throw new Error(`${options.distDir} holds no built add-in: run \`npm run build\``);
  }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    // Idle keep-alive sockets close at once on shutdown; requests in flight finish first.
    forceCloseConnections: "idle",
    ...(options.https ? { https: options.https } : {}),
  });
  if (options.playground === false) {
    app.addHook("onRequest", async (request, reply) => {
      if (/^\/playground(\/|$)/.test(request.url)) await reply.code(404).send({ error: "the playground is turned off (SEND_GUARD_PLAYGROUND=off)" });
    });
  }
  app.register(fastifyStatic, {
    root: options.distDir,
    // `.well-known` is a dot-folder; serve it (and nothing else hidden).
    allowedPath: (pathName) => !/(^|\/)\.(?!well-known\/)/.test(pathName),
    dotfiles: "allow",
    cacheControl: false,
    setHeaders: (response, filePath) => {
      // Policy and manifest change without a file-name change; the handler fetches policy.json cross-origin.
      if (/\.(json|xml|html)$/.test(filePath)) response.setHeader("Cache-Control", "no-cache");
      if (filePath.endsWith("policy.json")) response.setHeader("Access-Control-Allow-Origin", "*");
    },
  });
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
