import type { FastifyInstance } from "fastify";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import * as zlib from "node:zlib";
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

  /** A GET with exactly these request headers, the body as sent (fetch would decode it). */
  function rawGet(file: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = http.get(`${base}/${file}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });
  }

  describe("scripts and pages compressed at build time", () => {
    test.each(["launchevent.js", "commands.js", "help.html"])("%s: Brotli to a client that accepts it, else gzip, else the file; the same bytes once decoded", async (file) => {
      const original = fs.readFileSync(path.join(DIST, file));
      const type = file.endsWith(".js") ? "application/javascript" : "text/html";

      const br = await rawGet(file, { "Accept-Encoding": "gzip, deflate, br" });
      expect(br.status).toBe(200);
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers["content-type"]).toContain(type);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

      const gzip = await rawGet(file, { "Accept-Encoding": "gzip" });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(zlib.gunzipSync(gzip.body).equals(original)).toBe(true);

      const plain = await rawGet(file, {});
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    });

    test("the handler bundle classic Outlook downloads is a third of its size on the wire", async () => {
      const size = fs.statSync(path.join(DIST, "launchevent.js")).size;
      const br = await rawGet("launchevent.js", { "Accept-Encoding": "br" });
      expect(br.body.length).toBeLessThan(size / 3);
    });

    test("a compressed page keeps its headers: no-cache for pages that change without a new name", async () => {
      const page = await rawGet("help.html", { "Accept-Encoding": "br" });
      expect(page.headers["content-encoding"]).toBe("br");
      expect(page.headers["cache-control"]).toBe("no-cache");
    });

    test("a page under 1 KB has no compressed copy and goes as it is, still marked as varying", async () => {
      const page = await rawGet("taskpane.html", { "Accept-Encoding": "br, gzip" });
      expect(page.headers["content-encoding"]).toBeUndefined();
      expect(page.headers.vary).toMatch(/accept-encoding/i);
      expect(page.body.equals(fs.readFileSync(path.join(DIST, "taskpane.html")))).toBe(true);
    });

    test("the compressed copies are not a second way past the served files' rules", async () => {
      // A dot-file with a compressed copy beside it is still refused.
      fs.writeFileSync(path.join(DIST, ".secret.js"), "x".repeat(4096));
      fs.writeFileSync(path.join(DIST, ".secret.js.br"), zlib.brotliCompressSync("x".repeat(4096)));
      try {
        expect((await rawGet(".secret.js", { "Accept-Encoding": "br" })).status).toBe(404);
      } finally {
        fs.rmSync(path.join(DIST, ".secret.js"));
        fs.rmSync(path.join(DIST, ".secret.js.br"));
      }
    });

    test("every script and page the build writes has both copies, each decoding to it", () => {
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (/\.(js|html)$/.test(entry.name) && fs.statSync(full).size > 2048) files.push(full);
        }
      };
      walk(DIST);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const original = fs.readFileSync(file);
        expect([file, zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).equals(original)]).toEqual([file, true]);
        expect([file, zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).equals(original)]).toEqual([file, true]);
      }
    });
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
