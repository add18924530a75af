import { readConfig } from "../../src/server/config";

describe("server configuration from the environment", () => {
  test("defaults: 127.0.0.1:3000 over HTTP, dist/, embedded database in ./data, development sign-in", () => {
    expect(readConfig({}, "/srv/sg")).toEqual({
      host: "127.0.0.1",
      port: 3000,
      distDir: "/srv/sg/dist",
      dataDir: "/srv/sg/data",
      policyFile: "/srv/sg/dist/policy.json",
      publicUrl: "http://127.0.0.1:3000",
      playground: true,
      https: undefined,
      devCerts: false,
      databaseUrl: undefined,
      devSignIn: true,
      devUsers: [],
      oidc: undefined,
      smtp: undefined,
      expirySweepSeconds: 30,
    });
  });

  test("PostgreSQL, OIDC, SMTP and the public URL", () => {
    const config = readConfig({
      DATABASE_URL: "postgres://sg@db.internal:5432/sendguard",
      OIDC_ISSUER: "https://login.microsoftonline.com/{tenantid}/v2.0",
      OIDC_AUDIENCE: "api://sendguard",
      OIDC_DISCOVERY_URL: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
      OIDC_TENANTS: "t1, t2",
      OIDC_CLIENT_ID: "11111111-1111-1111-1111-111111111111",
      OIDC_SCOPES: "api://sendguard/Reviews.ReadWrite",
      SEND_GUARD_DEV_SIGNIN: "off",
      SMTP_URL: "smtp://mail.internal:25",
      SMTP_FROM: "Send Guard <sendguard@mirai-shoji.co.jp>",
      SEND_GUARD_PUBLIC_URL: "https://sendguard.mirai-shoji.co.jp/",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://sg@db.internal:5432/sendguard",
      devSignIn: false,
      oidc: { audience: "api://sendguard", tenants: ["t1", "t2"], scopes: ["api://sendguard/Reviews.ReadWrite"] },
      smtp: { url: "smtp://mail.internal:25", from: "Send Guard <sendguard@mirai-shoji.co.jp>" },
      publicUrl: "https://sendguard.mirai-shoji.co.jp",
    });
  });

  test.each(["production", "Production", "PRODUCTION", " production ", "production\n"])("NODE_ENV=%j is production: development sign-in off by default, and refused when asked for", (nodeEnv) => {
    expect(readConfig({ NODE_ENV: nodeEnv, OIDC_ISSUER: "https://idp.example.jp", OIDC_AUDIENCE: "sg" }).devSignIn).toBe(false);
    expect(() => readConfig({ NODE_ENV: nodeEnv, SEND_GUARD_DEV_SIGNIN: "on" })).toThrow("development sign-in is refused when NODE_ENV=production");
  });

  test("any other NODE_ENV is not production", () => {
    expect(readConfig({ NODE_ENV: "development" }).devSignIn).toBe(true);
  });

  test.each([
    [{ PORT: "http" }, "PORT:"],
    [{ PORT: "70000" }, "PORT:"],
    [{ SEND_GUARD_PLAYGROUND: "yes" }, "SEND_GUARD_PLAYGROUND:"],
    [{ HOST: "0.0.0.0" }, "HOST: binding to 0.0.0.0 needs HTTPS"],
    [{ SEND_GUARD_TLS_CERT: "cert.pem" }, "SEND_GUARD_TLS_KEY: SEND_GUARD_TLS_CERT and SEND_GUARD_TLS_KEY must be given together"],
    [{ SEND_GUARD_TLS_CERT: "/nonexistent/cert.pem", SEND_GUARD_TLS_KEY: "/nonexistent/key.pem" }, "SEND_GUARD_TLS_CERT: cannot read"],
    [{ HOST: "0.0.0.0", SEND_GUARD_DEV_CERTS: "on" }, "SEND_GUARD_DEV_SIGNIN: development sign-in lets anyone pick any user, so it runs only on 127.0.0.1"],
    [{ NODE_ENV: "production", SEND_GUARD_DEV_SIGNIN: "on" }, "SEND_GUARD_DEV_SIGNIN: development sign-in is refused when NODE_ENV=production"],
    [{ NODE_ENV: "production" }, "OIDC_ISSUER: no sign-in is configured"],
    [{ SEND_GUARD_DEV_SIGNIN: "off" }, "OIDC_ISSUER: no sign-in is configured"],
    [{ OIDC_ISSUER: "https://idp.example.jp" }, "OIDC_AUDIENCE: OIDC_ISSUER and OIDC_AUDIENCE must be given together"],
    [{ OIDC_ISSUER: "not a url", OIDC_AUDIENCE: "x" }, "OIDC_ISSUER: must be an http(s) URL"],
    [{ OIDC_ISSUER: "https://login.microsoftonline.com/{tenantid}/v2.0", OIDC_AUDIENCE: "x", OIDC_TENANTS: "t1" }, "OIDC_DISCOVERY_URL: an OIDC_ISSUER with {tenantid} needs"],
    [
      { OIDC_ISSUER: "https://login.microsoftonline.com/{tenantid}/v2.0", OIDC_AUDIENCE: "x", OIDC_DISCOVERY_URL: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration" },
      "OIDC_TENANTS: an OIDC_ISSUER with {tenantid} accepts every Microsoft Entra tenant",
    ],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [{ SMTP_URL: "smtp://mail:25" }, "SMTP_FROM:"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL: must be an smtp:// or smtps:// URL"],
    [{ SEND_GUARD_EXPIRY_SWEEP_SECONDS: "0" }, "SEND_GUARD_EXPIRY_SWEEP_SECONDS:"],
  ])("%j is refused with a message naming the setting", (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
