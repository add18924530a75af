import type { AddressInfo } from "node:net";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { fingerprint } from "../../src/policy";
import { draftSnapshot } from "../../src/approval/snapshot";
import { addresses, CARRIER_DOMAINS, draftOf } from "../support/drafts";
import { startReviewServer, type ReviewServer } from "../support/review-server";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A local SMTP server (smtp-server, the library behind Nodemailer's own tests) that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    received,
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}

async function until(check: () => boolean, ms = 3000) {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("email notifications through SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: ReviewServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startReviewServer({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: "sendguard@mirai-shoji.co.jp", SEND_GUARD_PUBLIC_URL: "https://sendguard.mirai-shoji.co.jp" },
    });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  test("the reviewer gets a mail with a link to the request, in Japanese and English, without the recipients' addresses", async () => {
    const tanaka = await server.signIn("tanaka@mirai-shoji.co.jp");
    const draft = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(12, CARRIER_DOMAINS), subject: "保護者会のお知らせ" });
    const { status, body } = await server.api("POST", "/api/reviews", tanaka, {
      snapshot: draftSnapshot(draft, "tanaka@mirai-shoji.co.jp"),
      fingerprint: fingerprint(draft),
      reviewer: "kacho@mirai-shoji.co.jp",
    });
    expect(status).toBe(201);
    await until(() => smtp.received.length > 0);
    const mail = smtp.received[0] as Received;
    expect(mail.to).toEqual(["kacho@mirai-shoji.co.jp"]);
    expect(mail.from).toBe("sendguard@mirai-shoji.co.jp");
    const decoded = await textOf(mail.data);
    expect(decoded).toContain(`https://sendguard.mirai-shoji.co.jp/review/#/requests/${body.id}`);
    expect(decoded).toContain("送信前の確認依頼");
    expect(decoded).toContain("asks you to check a message");
    expect(decoded).not.toContain("docomo.ne.jp");
  });

  test("the sender is told by mail when a request expires", async () => {
    const sato = await server.signIn("sato@mirai-shoji.co.jp");
    const draft = draftOf({ from: "sato@mirai-shoji.co.jp", to: ["a@acme.co.jp", "b@globex.co.jp"], subject: "見積" });
    const created = await server.api("POST", "/api/reviews", sato, {
      snapshot: draftSnapshot(draft, "sato@mirai-shoji.co.jp"),
      fingerprint: fingerprint(draft),
      reviewer: "kacho@mirai-shoji.co.jp",
    });
    await server.services.db.query("update reviews set expires_at = now() where id = $1", [created.body.id]);
    await server.services.service.expireDue();
    await until(() => smtp.received.some((m) => m.to.includes("sato@mirai-shoji.co.jp")));
    expect(await textOf((smtp.received.find((m) => m.to.includes("sato@mirai-shoji.co.jp")) as Received).data)).toContain("expired before anyone decided");
  });

  test("an unreachable SMTP server does not fail the request", async () => {
    const offline = await startReviewServer({ env: { SMTP_URL: "smtp://127.0.0.1:9", SMTP_FROM: "sendguard@mirai-shoji.co.jp" } });
    try {
      const tanaka = await offline.signIn("tanaka@mirai-shoji.co.jp");
      const draft = draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"] });
      const { status } = await offline.api("POST", "/api/reviews", tanaka, {
        snapshot: draftSnapshot(draft, "tanaka@mirai-shoji.co.jp"),
        fingerprint: fingerprint(draft),
        reviewer: "kacho@mirai-shoji.co.jp",
      });
      expect(status).toBe(201);
    } finally {
      await offline.close();
    }
  });
});

/** The text body of a received message, decoded by postal-mime (the MIME parser the CLI uses). */
async function textOf(raw: string): Promise<string> {
  return (await PostalMime.parse(raw)).text ?? "";
}
