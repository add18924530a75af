/**
 * Development sign-in serves only this machine's own pages: requests naming another host
 * (DNS rebinding) or coming from another site's page are refused.
 */
import * as http from "node:http";
import { startReviewServer, type ReviewServer } from "../support/review-server";

let server: ReviewServer;
beforeAll(async () => {
  server = await startReviewServer({ listen: true });
});
afterAll(() => server.close());

/** A raw request, so that Host and Origin are exactly what a rebinding page's browser would send. */
function request(path: string, headers: Record<string, string>, method = "GET", body?: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers: { ...headers, ...(body ? { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const port = () => new URL(server.base).port;
const signIn = JSON.stringify({ email: "kacho@mirai-shoji.co.jp" });

test.each(["127.0.0.1", "localhost", "[::1]", "LOCALHOST"])("Host %s (this machine) is served", async (host) => {
  expect((await request("/api/dev/sign-in", { Host: `${host}:${port()}` }, "POST", signIn)).status).toBe(200);
});

test.each(["evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "sendguard.mirai-shoji.co.jp"])("Host %j (another name resolving here: DNS rebinding) is refused with 403", async (host) => {
  const response = await request("/api/dev/sign-in", { Host: `${host}:${port()}` }, "POST", signIn);
  expect(response.status).toBe(403);
  expect(JSON.parse(response.body)).toMatchObject({ error: "not-loopback" });
});

test("the static files and policy.json are guarded the same way", async () => {
  expect((await request("/policy.json", { Host: `evil.example:${port()}` })).status).toBe(403);
  expect((await request("/policy.json", { Host: `127.0.0.1:${port()}` })).status).toBe(200);
});

test.each(["https://evil.example", "http://127.0.0.1.evil.example:3000", "null"])("Origin %s (another site's page) is refused", async (origin) => {
  const response = await request("/api/dev/sign-in", { Host: `127.0.0.1:${port()}`, Origin: origin }, "POST", signIn);
  expect(response.status).toBe(403);
});

test.each([`http://127.0.0.1`, `http://localhost:3000`, `https://localhost`])("Origin %s (a page of this machine) is served", async (origin) => {
  expect((await request("/api/dev/sign-in", { Host: `127.0.0.1:${port()}`, Origin: origin }, "POST", signIn)).status).toBe(200);
});

test("the send handler's report keeps its open CORS (the approval token is its proof), but not another Host", async () => {
  const body = JSON.stringify({ token: "sga1.00.00" });
  const fromOutlook = await request("/api/reviews/rv_0123456789abcdef/sent", { Host: `127.0.0.1:${port()}`, Origin: "https://outlook.office.com" }, "POST", body);
  expect(fromOutlook.status).not.toBe(403);
  expect((await request("/api/reviews/rv_0123456789abcdef/sent", { Host: `evil.example:${port()}` }, "POST", body)).status).toBe(403);
});
