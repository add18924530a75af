import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fingerprint } from "../../src/policy";
import { draftSnapshot } from "../../src/approval/snapshot";
import { draftOf } from "../support/drafts";

const MAIN = path.resolve(__dirname, "../../build/server/main.js");
const ROOT = path.resolve(__dirname, "../..");

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `node build/server/main.js` (what `npm start` runs after building) and waits for it to listen.
 * A first start on a new data folder creates the embedded database: about 9 s on an idle 2-core
 * machine, three times that while the browser tests run beside it; the bounds below allow for that.
 */
function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", PORT: "0", ...env } });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), timeoutMs);
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] as string, output: () => output, exited });
      }
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}

function runToExit(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", PORT: "0", ...env } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("the server process", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-data-"));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test.each([
    [{ HOST: "0.0.0.0", SEND_GUARD_DEV_CERTS: "on" }, "SEND_GUARD_DEV_SIGNIN: development sign-in lets anyone pick any user"],
    [{ NODE_ENV: "production", SEND_GUARD_DEV_SIGNIN: "on" }, "development sign-in is refused when NODE_ENV=production"],
    [{ SEND_GUARD_POLICY: "test/fixtures/no-such-policy.json" }, "SEND_GUARD_POLICY: cannot read"],
  ])("refuses to start with %j and says why (exit 2)", async (env, message) => {
    const { code, output } = await runToExit({ SEND_GUARD_DATA: dataDir, ...env });
    expect(code).toBe(2);
    expect(output).toContain(message);
  });

  test("an invalid policy file stops the start with the bad key named", async () => {
    const file = path.join(dataDir, "policy.json");
    fs.writeFileSync(file, JSON.stringify({ internalDomains: ["mirai-shoji.co.jp"], review: { expiryHours: 0 } }));
    const { code, output } = await runToExit({ SEND_GUARD_DATA: dataDir, SEND_GUARD_POLICY: file });
    expect(code).toBe(2);
    expect(output).toContain("review.expiryHours must be at least 1");
  });

  test("--approval-key prints the public key the server signs approvals with: created once, then the same, and the one policy.json serves", async () => {
    const first = await runToExit({ SEND_GUARD_DATA: dataDir }, ["--approval-key"]);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await runToExit({ SEND_GUARD_DATA: dataDir }, ["--approval-key"])).toEqual(first);
    const server = await startServer({ SEND_GUARD_DATA: dataDir });
    try {
      const served = (await (await fetch(`${server.base}/policy.json`)).json()) as { approvalKeys: string[] };
      expect(served.approvalKeys).toContain(first.output.trim());
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 150_000);

  test("SIGTERM finishes a write in flight, exits 0, and the embedded database keeps it across a restart (which does not wait: the lock was released)", async () => {
    const first = await startServer({ SEND_GUARD_DATA: dataDir });
    const token = await signIn(first.base);
    const draft = draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"], subject: "見積のご案内" });
    const body = Buffer.from(JSON.stringify({ snapshot: draftSnapshot(draft, "tanaka@mirai-shoji.co.jp"), fingerprint: fingerprint(draft), reviewer: "kacho@mirai-shoji.co.jp" }));
    // The request is sent in two halves with the signal in between: the server has accepted it when SIGTERM arrives.
    let sendRest: () => void = () => undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.subarray(0, 100));
        sendRest = () => {
          controller.enqueue(body.subarray(100));
          controller.close();
        };
      },
    });
    const pending = fetch(`${first.base}/api/reviews`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(body.length), Authorization: `Bearer ${token}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    // The server has the request (its log says so), then the signal, then (once it says it is stopping) the rest of the body.
    await untilOutput(first, /"url":"\/api\/reviews".*incoming request|incoming request.*"url":"\/api\/reviews"/);
    first.child.kill("SIGTERM");
    await untilOutput(first, /SIGTERM: finishing requests in flight/);
    sendRest();
    const response = await pending;
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("SIGTERM");
    // The lock is released on the way out, so the next start has nothing to wait for.
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    const second = await startServer({ SEND_GUARD_DATA: dataDir });
    try {
      expect(second.output()).not.toContain("waiting for it to be released");
      const list = (await (await fetch(`${second.base}/api/reviews?role=sender`, { headers: { Authorization: `Bearer ${await signIn(second.base)}` } })).json()) as { reviews: { id: string }[] };
      // Acknowledged before the shutdown: it is there.
      expect(list.reviews.map((r) => r.id)).toContain(created.id);
      // The approval key is kept: the same public key after a restart.
      const keys = async (base: string) => ((await (await fetch(`${base}/policy.json`)).json()) as { approvalKeys: string[] }).approvalKeys;
      expect(await keys(second.base)).toHaveLength(1);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  }, 150_000);

  test("one embedded database, one server: a second server on the same folder refuses to start and names the first", async () => {
    const first = await startServer({ SEND_GUARD_DATA: dataDir });
    try {
      const second = await runToExit({ SEND_GUARD_DATA: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain("is in use by another Send Guard server");
      expect(second.output).toContain(`process ${first.child.pid}`);
      expect(second.output).toMatch(/SEND_GUARD_DATA.*DATABASE_URL/s);
      // The first goes on serving and writing.
      expect((await fetch(`${first.base}/api/reviews?role=sender`, { headers: { Authorization: `Bearer ${await signIn(first.base)}` } })).status).toBe(200);
    } finally {
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
    }
  }, 120_000);

  test("a lock left by a killed server does not block a restart: the new server waits for it to go stale, then starts", async () => {
    const first = await startServer({ SEND_GUARD_DATA: dataDir });
    first.child.kill("SIGKILL");
    await first.exited;
    const lock = path.join(dataDir, "pglite.lock");
    expect(fs.existsSync(lock)).toBe(true);
    // The killed server refreshed its lock every few seconds; make it as fresh as just before the
    // kill, so that a slow start of the next process (a loaded CI machine) cannot find it stale already.
    const now = new Date();
    fs.utimesSync(lock, now, now);
    // It waits about STALE_MS before it starts; on a loaded machine starting takes seconds more.
    const second = await startServer({ SEND_GUARD_DATA: dataDir }, 90_000);
    try {
      expect(second.output()).toContain("waiting for it to be released");
      expect((await fetch(`${second.base}/api/session`)).status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  }, 150_000);
});

/** Resolves once the server has written a line matching `pattern` (its log is the event to wait for). */
async function untilOutput(server: Running, pattern: RegExp, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!pattern.test(server.output())) {
    if (Date.now() - started > ms) throw new Error(`the server did not log ${pattern}: ${server.output()}`);
    // The next output, or a short while (output may have come between the check and this wait).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 100);
      server.child.stdout?.once("data", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/dev/sign-in`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "tanaka@mirai-shoji.co.jp" }) });
  return ((await response.json()) as { token: string }).token;
}
