import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import { createCA, createCert } from "mkcert";
import { buildApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";
import { resolveHttps } from "../../src/server/https";
import { DIST } from "../support/dist";

function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("HTTPS with a given certificate", () => {
  test("SEND_GUARD_TLS_CERT / SEND_GUARD_TLS_KEY: the add-in is served over TLS with that certificate", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-tls-"));
    try {
      const ca = await createCA({ organization: "Send Guard test CA", countryCode: "JP", state: "Tokyo", locality: "Chiyoda", validity: 1 });
      const cert = await createCert({ domains: ["127.0.0.1", "localhost"], validity: 1, ca });
      fs.writeFileSync(path.join(dir, "cert.pem"), cert.cert);
      fs.writeFileSync(path.join(dir, "key.pem"), cert.key);
      const config = readConfig({
        SEND_GUARD_DIST: DIST,
        SEND_GUARD_TLS_CERT: path.join(dir, "cert.pem"),
        SEND_GUARD_TLS_KEY: path.join(dir, "key.pem"),
      });
      expect(config.publicUrl).toBe("https://127.0.0.1:3000");
      const app = buildApp({ distDir: DIST, https: config.https });
      const base = await app.listen({ host: "127.0.0.1", port: 0 });
      try {
        expect(base.startsWith("https://")).toBe(true);
        const manifest = await get(`${base}/manifest.xml`, ca.cert);
        expect(manifest.status).toBe(200);
        expect(manifest.body).toContain("<OfficeApp");
        // A client that does not trust the CA is refused: the certificate really is the one given.
        await expect(get(`${base}/manifest.xml`, "")).rejects.toThrow();
      } finally {
        await app.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a public address is allowed with HTTPS when development sign-in is off and a provider is set", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-tls-"));
    try {
      fs.writeFileSync(path.join(dir, "c.pem"), "x");
      const config = readConfig({
        HOST: "0.0.0.0",
        SEND_GUARD_TLS_CERT: path.join(dir, "c.pem"),
        SEND_GUARD_TLS_KEY: path.join(dir, "c.pem"),
        SEND_GUARD_DEV_SIGNIN: "off",
        OIDC_ISSUER: "https://login.microsoftonline.com/0f5a1c3e-0000-4000-8000-00000000abcd/v2.0",
        OIDC_AUDIENCE: "api://sendguard",
      });
      expect(config).toMatchObject({ host: "0.0.0.0", devSignIn: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SEND_GUARD_DEV_CERTS=on", () => {
  const given = { cert: Buffer.from("given-cert"), key: Buffer.from("given-key") };

  test("uses office-addin-dev-certs' localhost certificate (the package's getHttpsServerOptions)", async () => {
    const load = jest.fn(async () => ({ getHttpsServerOptions: async () => ({ cert: "dev-cert", key: Buffer.from("dev-key") }) }));
    await expect(resolveHttps({ devCerts: true, https: undefined }, load)).resolves.toEqual({ cert: Buffer.from("dev-cert"), key: Buffer.from("dev-key") });
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a given certificate wins, and without either the server speaks plain HTTP", async () => {
    const load = jest.fn();
    await expect(resolveHttps({ devCerts: true, https: given }, load)).resolves.toBe(given);
    await expect(resolveHttps({ devCerts: false, https: undefined }, load)).resolves.toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  test("a missing package is a clear error", async () => {
    await expect(resolveHttps({ devCerts: true, https: undefined }, async () => Promise.reject(new Error("Cannot find module")))).rejects.toThrow(
      "SEND_GUARD_DEV_CERTS=on needs the office-addin-dev-certs package",
    );
  });
});
