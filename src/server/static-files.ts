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
    // The build writes a Brotli and a gzip copy beside each script and page (webpack.config.js): a client that
    // accepts one gets it (launchevent.js: 576 KB as built, about a third of that either way), the others the file.
    preCompressed: true,
    setHeaders: (response, filePath) => {
      // Named after the file asked for, whichever copy is sent.
      const served = filePath.replace(/\.(br|gz)$/, "");
      // The answer for a script or page depends on Accept-Encoding: say so, or a cache between could hand a
      // Brotli copy to a client that cannot read it (the plug-in does not add this itself).
      if (/\.(js|html|css)$/.test(served)) response.setHeader("Vary", "Accept-Encoding");
      // Policy and manifest change without a file-name change; the handler fetches policy.json cross-origin.
      if (/\.(json|xml|html)$/.test(served)) response.setHeader("Cache-Control", "no-cache");
      if (served.endsWith("policy.json")) response.setHeader("Access-Control-Allow-Origin", "*");
    },
  });
}
