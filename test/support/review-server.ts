import type { FastifyInstance } from "fastify";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";
import { createServices, type Services } from "../../src/server/services";
import { openEmbedded, type Database } from "../../src/server/storage/database";
import { DIST } from "./dist";

export const TEST_POLICY = {
  internalDomains: ["mirai-shoji.co.jp"],
  trustedDomains: ["mirai-group.jp"],
  review: {
    reviewers: [
      { address: "kacho@mirai-shoji.co.jp", name: "山田 課長", reviews: ["@mirai-shoji.co.jp"] },
      { address: "tanaka@mirai-shoji.co.jp", name: "田中 一郎", reviews: ["sato@mirai-shoji.co.jp"] },
    ],
    admins: ["it@mirai-shoji.co.jp"],
    expiryHours: 24,
  },
};

export interface ReviewServer {
  /** The server's URL; only when started with `listen: true` (reading it otherwise throws). */
  readonly base: string;
  app: FastifyInstance;
  services: Services;
  /** A development sign-in token for `email`. */
  signIn(email: string): Promise<string>;
  /** JSON request helper; returns status and parsed body (tests read bodies freely). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export interface ReviewServerOptions {
  env?: Record<string, string>;
  policy?: unknown;
  database?: Database;
  /**
   * Listen on 127.0.0.1 over real HTTP (for event streams, raw Host headers, browsers).
   * Without it `api()` goes through fastify's inject: the same routes, hooks and error
   * handling, no socket.
   */
  listen?: boolean;
  /** Serve the built add-in too (needs `npm run build`); the API alone needs no build. */
  files?: boolean;
}

/** The real server (services + app) on an in-memory embedded database unless one is given. */
export async function startReviewServer(options: ReviewServerOptions = {}): Promise<ReviewServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-server-"));
  const policyFile = path.join(dir, "policy.json");
  fs.writeFileSync(policyFile, JSON.stringify(options.policy ?? TEST_POLICY));
  const config = readConfig({ SEND_GUARD_DIST: DIST, SEND_GUARD_POLICY: policyFile, SEND_GUARD_DATA: dir, PORT: "0", ...options.env });
  const log = { info: () => undefined, error: () => undefined };
  const services = await createServices(config, log, { database: options.database ?? (await openEmbedded()) });
  const app = buildApp({ distDir: options.files ? DIST : undefined, services });
  const base = options.listen ? await app.listen({ host: "127.0.0.1", port: 0 }) : undefined;
  const api: ReviewServer["api"] = async (method, url, token, body) => {
    const response = await app.inject({
      method: method as "GET",
      url,
      // What a browser on this machine sends; the development sign-in serves only loopback hosts.
      headers: { Host: "127.0.0.1", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      ...(body !== undefined ? { payload: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    let parsed: unknown = response.body;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      // not JSON (CSV, HTML)
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : String(value));
    }
    return { status: response.statusCode, body: parsed, headers };
  };
  return {
    get base() {
      if (base === undefined) throw new Error("this test server was started without `listen: true`");
      return base;
    },
    app,
    services,
    api,
    async signIn(email) {
      const { status, body } = await api("POST", "/api/dev/sign-in", undefined, { email });
      if (status !== 200) throw new Error(`dev sign-in failed: ${status} ${JSON.stringify(body)}`);
      return body.token as string;
    },
    async close() {
      await app.close();
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
