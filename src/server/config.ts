import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const envSchema = z
  .object({
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SEND_GUARD_DIST: z.string().min(1).default("dist"),
    SEND_GUARD_TLS_CERT: z.string().min(1).optional(),
    SEND_GUARD_TLS_KEY: z.string().min(1).optional(),
    SEND_GUARD_PLAYGROUND: z.enum(["on", "off"]).default("on"),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.SEND_GUARD_TLS_CERT) !== Boolean(env.SEND_GUARD_TLS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["SEND_GUARD_TLS_KEY"], message: "SEND_GUARD_TLS_CERT and SEND_GUARD_TLS_KEY must be given together" });
    }
    if (!LOOPBACK.has(env.HOST) && !env.SEND_GUARD_TLS_CERT) {
      ctx.addIssue({ code: "custom", path: ["HOST"], message: `binding to ${env.HOST} needs HTTPS: set SEND_GUARD_TLS_CERT and SEND_GUARD_TLS_KEY` });
    }
  });

export interface ServerConfig {
  host: string;
  port: number;
  distDir: string;
  /** Serve the playground under /playground/ (static pages; nothing leaves the browser). */
  playground: boolean;
  https?: { cert: Buffer; key: Buffer } | undefined;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; errors name the bad setting. */
export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`).join("; "));
  }
  const e = result.data;
  const read = (name: string, file: string) => {
    try {
      return fs.readFileSync(path.resolve(cwd, file));
    } catch {
      throw new ConfigError(`${name}: cannot read ${file}`);
    }
  };
  return {
    host: e.HOST,
    port: e.PORT,
    distDir: path.resolve(cwd, e.SEND_GUARD_DIST),
    playground: e.SEND_GUARD_PLAYGROUND === "on",
    https: e.SEND_GUARD_TLS_CERT && e.SEND_GUARD_TLS_KEY
      ? { cert: read("SEND_GUARD_TLS_CERT", e.SEND_GUARD_TLS_CERT), key: read("SEND_GUARD_TLS_KEY", e.SEND_GUARD_TLS_KEY) }
      : undefined,
  };
}
