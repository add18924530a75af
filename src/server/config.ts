import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** `NODE_ENV=production` however it is spelt (` Production `, `PRODUCTION`): refusing development sign-in must not hinge on case. */
export function isProduction(nodeEnv: string | undefined): boolean {
  return (nodeEnv ?? "").trim().toLowerCase() === "production";
}

const onOff = z.enum(["on", "off"]);
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((item) => item.trim()).filter(Boolean));
const httpUrl = z.string().refine((value) => /^https?:\/\/[^\s]+$/.test(value), "must be an http(s) URL");

const envSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SEND_GUARD_DIST: z.string().min(1).default("dist"),
    SEND_GUARD_DATA: z.string().min(1).default("data"),
    SEND_GUARD_POLICY: z.string().min(1).optional(),
    SEND_GUARD_PUBLIC_URL: httpUrl.optional(),
    SEND_GUARD_TLS_CERT: z.string().min(1).optional(),
    SEND_GUARD_TLS_KEY: z.string().min(1).optional(),
    SEND_GUARD_DEV_CERTS: onOff.default("off"),
    SEND_GUARD_PLAYGROUND: onOff.default("on"),
    SEND_GUARD_DEV_SIGNIN: onOff.optional(),
    SEND_GUARD_DEV_USERS: list,
    SEND_GUARD_EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    DATABASE_URL: z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL")
      .optional(),
    OIDC_ISSUER: httpUrl.optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    OIDC_TENANTS: list,
    OIDC_JWKS_URI: httpUrl.optional(),
    OIDC_DISCOVERY_URL: httpUrl.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_AUTHORITY: httpUrl.optional(),
    OIDC_SCOPES: list,
    SMTP_URL: z
      .string()
      .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
      .optional(),
    SMTP_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    const production = isProduction(env.NODE_ENV);
    const devSignIn = (env.SEND_GUARD_DEV_SIGNIN ?? (production ? "off" : "on")) === "on";
    const tls = Boolean(env.SEND_GUARD_TLS_CERT) || env.SEND_GUARD_DEV_CERTS === "on";
    if (Boolean(env.SEND_GUARD_TLS_CERT) !== Boolean(env.SEND_GUARD_TLS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["SEND_GUARD_TLS_KEY"], message: "SEND_GUARD_TLS_CERT and SEND_GUARD_TLS_KEY must be given together" });
    }
    if (!LOOPBACK.has(env.HOST) && !tls) {
      ctx.addIssue({ code: "custom", path: ["HOST"], message: `binding to ${env.HOST} needs HTTPS: set SEND_GUARD_TLS_CERT and SEND_GUARD_TLS_KEY` });
    }
    if (devSignIn && !LOOPBACK.has(env.HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["SEND_GUARD_DEV_SIGNIN"],
        message: `development sign-in lets anyone pick any user, so it runs only on 127.0.0.1 / ::1 / localhost, not on ${env.HOST}: set SEND_GUARD_DEV_SIGNIN=off and configure OIDC_ISSUER / OIDC_AUDIENCE`,
      });
    }
    if (devSignIn && production) {
      ctx.addIssue({ code: "custom", path: ["SEND_GUARD_DEV_SIGNIN"], message: "development sign-in is refused when NODE_ENV=production" });
    }
    if (Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_AUDIENCE)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_AUDIENCE"], message: "OIDC_ISSUER and OIDC_AUDIENCE must be given together" });
    }
    if (env.OIDC_ISSUER?.includes("{tenantid}") && !env.OIDC_JWKS_URI && !env.OIDC_DISCOVERY_URL) {
      ctx.addIssue({ code: "custom", path: ["OIDC_DISCOVERY_URL"], message: "an OIDC_ISSUER with {tenantid} needs OIDC_DISCOVERY_URL or OIDC_JWKS_URI" });
    }
    if (env.OIDC_ISSUER?.includes("{tenantid}") && env.OIDC_TENANTS.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_TENANTS"],
        message: "an OIDC_ISSUER with {tenantid} accepts every Microsoft Entra tenant: set OIDC_TENANTS to your tenant id(s), or use your tenant's own issuer URL",
      });
    }
    if (!devSignIn && !env.OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "no sign-in is configured: set OIDC_ISSUER and OIDC_AUDIENCE (or SEND_GUARD_DEV_SIGNIN=on on 127.0.0.1)" });
    }
    if (env.SMTP_URL && !env.SMTP_FROM) {
      ctx.addIssue({ code: "custom", path: ["SMTP_FROM"], message: "SMTP_FROM (the sender address of notifications) is needed with SMTP_URL" });
    }
  });

export interface OidcConfig {
  issuer: string;
  audience: string;
  tenants: string[];
  jwksUri?: string | undefined;
  discoveryUrl?: string | undefined;
  /** For the task pane's Nested App Authentication (public client id, authority, scopes). */
  clientId?: string | undefined;
  authority?: string | undefined;
  scopes: string[];
}

export interface ServerConfig {
  host: string;
  port: number;
  distDir: string;
  /** Where the embedded database and nothing else lives (`./data`). */
  dataDir: string;
  /** The organisation policy file served as /policy.json (default: the built one in dist/). */
  policyFile: string;
  /** Origin used in links (emails): how people reach this server. */
  publicUrl: string;
  /** Serve the playground under /playground/ (static pages; nothing leaves the browser). */
  playground: boolean;
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Use office-addin-dev-certs' localhost certificate (for sideloading into Outlook). */
  devCerts: boolean;
  databaseUrl?: string | undefined;
  devSignIn: boolean;
  devUsers: string[];
  oidc?: OidcConfig | undefined;
  smtp?: { url: string; from: string } | undefined;
  expirySweepSeconds: number;
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
  const distDir = path.resolve(cwd, e.SEND_GUARD_DIST);
  const https = e.SEND_GUARD_TLS_CERT && e.SEND_GUARD_TLS_KEY
    ? { cert: read("SEND_GUARD_TLS_CERT", e.SEND_GUARD_TLS_CERT), key: read("SEND_GUARD_TLS_KEY", e.SEND_GUARD_TLS_KEY) }
    : undefined;
  const devCerts = e.SEND_GUARD_DEV_CERTS === "on";
  const scheme = https || devCerts ? "https" : "http";
  const hostForUrl = e.HOST.includes(":") ? `[${e.HOST}]` : e.HOST;
  return {
    host: e.HOST,
    port: e.PORT,
    distDir,
    dataDir: path.resolve(cwd, e.SEND_GUARD_DATA),
    policyFile: e.SEND_GUARD_POLICY ? path.resolve(cwd, e.SEND_GUARD_POLICY) : path.join(distDir, "policy.json"),
    publicUrl: (e.SEND_GUARD_PUBLIC_URL ?? `${scheme}://${hostForUrl}:${e.PORT}`).replace(/\/+$/, ""),
    playground: e.SEND_GUARD_PLAYGROUND === "on",
    https,
    devCerts,
    databaseUrl: e.DATABASE_URL,
    devSignIn: (e.SEND_GUARD_DEV_SIGNIN ?? (isProduction(e.NODE_ENV) ? "off" : "on")) === "on",
    devUsers: e.SEND_GUARD_DEV_USERS,
    oidc: e.OIDC_ISSUER && e.OIDC_AUDIENCE
      ? {
          issuer: e.OIDC_ISSUER,
          audience: e.OIDC_AUDIENCE,
          tenants: e.OIDC_TENANTS,
          jwksUri: e.OIDC_JWKS_URI,
          discoveryUrl: e.OIDC_DISCOVERY_URL,
          clientId: e.OIDC_CLIENT_ID,
          authority: e.OIDC_AUTHORITY,
          scopes: e.OIDC_SCOPES,
        }
      : undefined,
    smtp: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    expirySweepSeconds: e.SEND_GUARD_EXPIRY_SWEEP_SECONDS,
  };
}
