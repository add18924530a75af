import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import * as fs from "node:fs";
import * as path from "node:path";

export interface StaticFilesOptions {
  /** The built add-in (dist/). */
  distDir: string;
  /** Serve /playground/ (default true). */
  playground?: boolean;
}

/**
 * The built add-in as files: HTML, launchevent.js, manifest, icons, the well-known file,
 * the playground under /playground/ and the reviewer and admin pages. Its own registration
 * so that the API can be built and tested without a webpack build.
 */
export function registerStaticFiles(app: FastifyInstance, options: StaticFilesOptions): void {
  if (!fs.existsSync(path.join(options.distDir, "launchevent.js"))) {
    throw new Error(`${options.distDir} holds no built add-in: run \`npm run build\``);
  }
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
}
