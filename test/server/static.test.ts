import type { FastifyInstance } from "fastify";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildApp } from "../../src/server/app";
import { readConfig } from "../../src/server/config";
import { DIST } from "../support/dist";
import { policyUrl } from "../../src/event/policy-source";

describe("serving the built add-in over real HTTP", () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = buildApp({ distDir: DIST });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => app.close());

  test.each([
    ["manifest.xml", "application/xml"],
    ["launchevent.js", "application/javascript"],
    ["commands.js", "application/javascript"],
    ["commands.html", "text/html"],
    ["taskpane.html", "text/html"],
    ["help.html", "text/html"],
    ["policy.json", "application/json"],
    [".well-known/microsoft-officeaddins-allowed.json", "application/json"],
    ["assets/icon-80.png", "image/png"],
    ["playground/index.html", "text/html"],
    ["playground/runtime.html", "text/html"],
    ["playground/taskpane.html", "text/html"],
  ])("/%s", async (file, type) => {
    const response = await fetch(`${base}/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(type);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(fs.readFileSync(path.join(DIST, file)));
  });

  test("policy.json may be fetched cross-origin by the send handler and is not cached stale", async () => {
    const response = await fetch(`${base}/policy.json`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  test("without the review service, the handler's request for the policy sealed gets the file as built (it validates it)", async () => {
    const response = await fetch(policyUrl(base));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(fs.readFileSync(path.join(DIST, "policy.json"), "utf8"));
  });

  test("nothing outside dist, and no other dot-files, is served", async () => {
    expect((await fetch(`${base}/../package.json`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${base}/%2e%2e/package.json`)).status).toBeGreaterThanOrEqual(400);
    fs.writeFileSync(path.join(DIST, ".secret"), "x");
    expect((await fetch(`${base}/.secret`)).status).toBe(404);
    fs.rmSync(path.join(DIST, ".secret"));
  });
});

describe("the playground switch", () => {
  test("SEND_GUARD_PLAYGROUND=off answers 404 under /playground/ and still serves the add-in", async () => {
    const app = buildApp({ distDir: DIST, playground: false });
    const base = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      for (const url of ["/playground/", "/playground/index.html", "/playground"]) {
        expect((await fetch(`${base}${url}`)).status).toBe(404);
      }
      expect((await fetch(`${base}/taskpane.html`)).status).toBe(200);
    } finally {
      await app.close();
    }
    expect(readConfig({ SEND_GUARD_PLAYGROUND: "off" }).playground).toBe(false);
  });
});

describe("the app without the review service", () => {
  test("an unbuilt dist is refused", () => {
    expect(() => buildApp({ distDir: "/nonexistent" })).toThrow("run `npm run build`");
  });
});

describe("the app without the add-in build", () => {
  test("builds with no dist folder: health answers, no file is served, and errors keep the API's shape", async () => {
    const app = buildApp({});
    // The one error handler answers for every route, including ones added after the app is built.
    app.get("/boom", async () => {
      throw new Error("secret detail");
    });
    try {
      expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ ok: true });
      for (const url of ["/taskpane.html", "/launchevent.js", "/playground/"]) {
        expect((await app.inject({ method: "GET", url })).statusCode).toBe(404);
      }
      const failed = await app.inject({ method: "GET", url: "/boom" });
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toEqual({ error: "internal", message: expect.stringContaining("nothing was changed") });
      expect(failed.body).not.toContain("secret detail");
    } finally {
      await app.close();
    }
  });
});
