import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import * as fs from "node:fs";
import * as path from "node:path";

export interface AppOptions {
  /** The built add-in (dist/). */
  distDir: string;
  logger?: FastifyServerOptions["logger"];
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Serve /playground/ (default true). */
  playground?: boolean;
}

/**
 * The Send Guard HTTP app, buildable without listening: serves the built add-in
 * (HTML, launchevent.js, manifest, policy.json, icons, the well-known file) and
 * the playground under /playground/.
 * The review API and pages arrive with the review service.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  if (!fs.existsSync(path.join(options.distDir, "launchevent.js"))) {
    throw new Error(`${options.distDir} holds no built add-in: run \`npm run build\``);
  }
  const app = Fastify({ logger: options.logger ?? false, ...(options.https ? { https: options.https } : {}) });
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
  return app;
}
