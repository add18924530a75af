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
  base: string;
  app: FastifyInstance;
  services: Services;
  /** A development sign-in token for `email`. */
  signIn(email: string): Promise<string>;
  /** JSON request helper; returns status and parsed body (tests read bodies freely). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The real server (services + app) on 127.0.0.1 over real HTTP, on an in-memory embedded database unless one is given. */
export async function startReviewServer(
  options: { env?: Record<string, string>; policy?: unknown; database?: Database } = {},
): Promise<ReviewServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-server-"));
  const policyFile = path.join(dir, "policy.json");
  fs.writeFileSync(policyFile, JSON.stringify(options.policy ?? TEST_POLICY));
  const config = readConfig({ SEND_GUARD_DIST: DIST, SEND_GUARD_POLICY: policyFile, SEND_GUARD_DATA: dir, PORT: "0", ...options.env });
  const log = { info: () => undefined, error: () => undefined };
  const services = await createServices(config, log, { database: options.database ?? (await openEmbedded()) });
  const app = buildApp({ distDir: DIST, services });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const api: ReviewServer["api"] = async (method, url, token, body) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (CSV, HTML)
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    base,
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
