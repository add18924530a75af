import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openEmbedded, openPostgres, type Database } from "../../../src/server/storage/database";
import { MIGRATIONS, migrate } from "../../../src/server/storage/migrations";
import { REVIEW_CHANNEL, ReviewStore, type NewReview } from "../../../src/server/storage/review-store";
import type { ReviewEvent } from "../../../src/api/contract";
import { dropSchemas, ENGINES, TEST_DATABASE_URL } from "../../support/databases";

const SENDER = "tanaka@mirai-shoji.co.jp";
const REVIEWER = "kacho@mirai-shoji.co.jp";

function newReview(change: Partial<NewReview> = {}): NewReview {
  return {
    sender: SENDER,
    senderName: "田中 一郎",
    reviewer: REVIEWER,
    reviewerName: "山田 課長",
    fingerprint: `sg1:${"a".repeat(64)}`,
    verdict: "review",
    snapshot: {
      from: SENDER,
      to: [{ address: "jimu@mirai-shoji.co.jp" }],
      cc: [{ address: "hogosha1@docomo.ne.jp", name: "保護者 一" }, { address: "hogosha2@ezweb.ne.jp" }],
      bcc: [],
      subject: "保護者会のお知らせ",
      attachments: [{ name: "名簿.xlsx", size: 20480 }],
    },
    findings: [],
    checks: [{ key: "external-exposure", code: "external-exposure" }],
    note: "至急お願いします",
    language: "ja",
    expiresInSeconds: 86400,
    ...change,
  };
}

afterAll(dropSchemas);

describe.each(ENGINES)("review storage on $name", (engine) => {
  let db: Database;
  let store: ReviewStore;

  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
    store = new ReviewStore(db);
  });
  afterAll(() => db.close());

  test("migrations are recorded and run once", async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>("select version from schema_migrations order by version");
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  test("a request is stored exactly, Japanese text included, and listed for its reviewer and its sender", async () => {
    const created = await store.create(newReview());
    expect(created).toMatchObject({ status: "pending", sender: SENDER, reviewer: REVIEWER, senderName: "田中 一郎", reviewerName: "山田 課長", note: "至急お願いします" });
    expect(created.id).toMatch(/^rv_[A-Za-z0-9_-]{20}$/);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(86_400_000);
    expect(await store.get(created.id)).toEqual(created);
    expect((await store.list("reviewer", REVIEWER, "pending", 50)).map((r) => r.id)).toContain(created.id);
    expect((await store.list("sender", SENDER, undefined, 50)).map((r) => r.id)).toContain(created.id);
    expect(await store.list("reviewer", SENDER, undefined, 50)).toEqual([]);
    expect(await store.get("rv_missing")).toBeUndefined();
  });

  test("only the first decision counts, even when two arrive at once", async () => {
    const { id } = await store.create(newReview());
    const sign = (decidedAt: Date) => ({ token: "sga1.x.y", expiresAt: new Date(decidedAt.getTime() + 3600_000) });
    const results = await Promise.all([
      store.decide({ id, reviewer: REVIEWER, status: "approved", comment: "OK", acknowledged: ["external-exposure"], sign }),
      store.decide({ id, reviewer: REVIEWER, status: "rejected", comment: "NG", acknowledged: [] }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const final = await store.get(id);
    expect(results.map((r) => r.review?.status)).toEqual([final?.status, final?.status]);
    const trail = await store.auditTrail({ reviewId: id, limit: 10 });
    expect(trail.map((r) => r.action)).toEqual([final?.status, "requested"]);
    // Whichever came first, the review holds exactly that decision and nothing of the other.
    const approvedFirst = { status: "approved", approvalToken: "sga1.x.y", acknowledged: ["external-exposure"], comment: "OK", decidedBy: REVIEWER };
    const rejectedFirst = { status: "rejected", approvalToken: undefined, acknowledged: [], comment: "NG", decidedBy: REVIEWER };
    expect(final).toMatchObject(final?.status === "approved" ? approvedFirst : rejectedFirst);
    expect(["approved", "rejected"]).toContain(final?.status);
  });

  test("a decision by someone who is not the request's reviewer changes nothing", async () => {
    const { id } = await store.create(newReview());
    const result = await store.decide({ id, reviewer: "other@mirai-shoji.co.jp", status: "approved", comment: "", acknowledged: [] });
    expect(result).toMatchObject({ changed: false, review: { status: "pending" } });
  });

  test("the sender can cancel a pending request, once, and no one else can", async () => {
    const { id } = await store.create(newReview());
    expect((await store.cancel(id, REVIEWER)).changed).toBe(false);
    expect(await store.cancel(id, SENDER)).toMatchObject({ changed: true, review: { status: "cancelled" } });
    expect((await store.cancel(id, SENDER)).changed).toBe(false);
    expect((await store.decide({ id, reviewer: REVIEWER, status: "approved", comment: "", acknowledged: [] })).changed).toBe(false);
  });

  test("expiry: overdue requests expire once, are audited once, and can no longer be decided", async () => {
    // Due the moment it is stored: no waiting.
    const { id } = await store.create(newReview({ expiresInSeconds: 0 }));
    expect((await store.decide({ id, reviewer: REVIEWER, status: "approved", comment: "", acknowledged: [] })).changed).toBe(false);
    const [first, second] = await Promise.all([store.expireDue(), store.expireDue()]);
    expect([...(first ?? []), ...(second ?? [])].filter((r) => r.id === id)).toHaveLength(1);
    expect((await store.get(id))?.status).toBe("expired");
    expect((await store.auditTrail({ reviewId: id, limit: 10 })).map((r) => r.action)).toEqual(["expired", "requested"]);
  });

  test("'sent' is recorded once, and only for an approved request with the approved fingerprint", async () => {
    const review = await store.create(newReview());
    expect(await store.markSent(review.id, review.fingerprint)).toBeUndefined();
    await store.decide({ id: review.id, reviewer: REVIEWER, status: "approved", comment: "", acknowledged: [] });
    expect(await store.markSent(review.id, `sg1:${"b".repeat(64)}`)).toBeUndefined();
    expect((await store.markSent(review.id, review.fingerprint))?.sentAt).toEqual(expect.any(String));
    expect(await store.markSent(review.id, review.fingerprint)).toBeUndefined();
    const trail = await store.auditTrail({ reviewId: review.id, limit: 10 });
    expect(trail.map((r) => r.action)).toEqual(["sent", "approved", "requested"]);
  });

  test("the audit trail is append-only in the database itself", async () => {
    await store.create(newReview());
    await expect(db.query("update audit_events set actor = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(db.query("truncate audit_events")).rejects.toThrow(/append-only/);
  });

  test("audit queries filter by action, person, time and page backwards", async () => {
    const other = "sato@mirai-shoji.co.jp";
    const mine = await store.create(newReview({ sender: other }));
    const requests = await store.auditTrail({ action: "requested", person: other, limit: 100 });
    expect(requests.map((r) => r.reviewId)).toEqual([mine.id]);
    expect(requests[0]).toMatchObject({ actor: other, sender: other, reviewer: REVIEWER, detail: { subject: "保護者会のお知らせ", attachments: ["名簿.xlsx"] } });
    const all = await store.auditTrail({ limit: 3 });
    expect(all).toHaveLength(3);
    const next = await store.auditTrail({ limit: 3, before: all[2]?.seq });
    expect(Number(next[0]?.seq)).toBeLessThan(Number(all[2]?.seq));
    expect(await store.auditTrail({ from: new Date(Date.now() + 60_000), limit: 10 })).toEqual([]);
  });

  test("changes are announced with NOTIFY after commit", async () => {
    const events: ReviewEvent[] = [];
    let reviewId = "";
    let bothArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (bothArrived = resolve));
    const unlisten = await db.listen(REVIEW_CHANNEL, (payload) => {
      events.push(JSON.parse(payload) as ReviewEvent);
      if (events.filter((e) => e.id === reviewId).length === 2) bothArrived();
    });
    const review = await store.create(newReview());
    reviewId = review.id;
    await store.decide({ id: review.id, reviewer: REVIEWER, status: "rejected", comment: "宛先を確認してください", acknowledged: [] });
    await arrived;
    await unlisten();
    expect(events.filter((e) => e.id === review.id).map((e) => e.status)).toEqual(["pending", "rejected"]);
    expect(events[0]).toMatchObject({ sender: SENDER, reviewer: REVIEWER });
  });

  test("the approval signing key is created once and then always the same", async () => {
    let made = 0;
    const generate = () => ({ pem: `pem-${++made}`, publicKeyHex: "00" });
    const first = await store.signingKeyPem(generate);
    expect(await store.signingKeyPem(generate)).toBe(first);
  });
});

describe("PostgreSQL across instances", () => {
  test("a decision on one instance reaches a listener on another (LISTEN/NOTIFY)", async () => {
    const a = await ENGINES[1]!.open();
    const b = await openPostgres(TEST_DATABASE_URL, { schema: a.schema as string });
    try {
      await Promise.all([migrate(a), migrate(b)]);
      const seen: string[] = [];
      let bothArrived: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (bothArrived = resolve));
      const unlisten = await b.listen(REVIEW_CHANNEL, (payload) => {
        seen.push((JSON.parse(payload) as ReviewEvent).status);
        if (seen.length === 2) bothArrived();
      });
      const store = new ReviewStore(a);
      const review = await store.create(newReview());
      await store.decide({ id: review.id, reviewer: REVIEWER, status: "approved", comment: "", acknowledged: [] });
      await arrived;
      await unlisten();
      expect(seen).toEqual(["pending", "approved"]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("embedded database on disk", () => {
  test("what was written is there after close and reopen", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendguard-pglite-"));
    try {
      const first = await openEmbedded(path.join(dir, "pglite"));
      await migrate(first);
      const created = await new ReviewStore(first).create(newReview());
      await first.close();
      const again = await openEmbedded(path.join(dir, "pglite"));
      expect(await migrate(again)).toEqual([]);
      expect(await new ReviewStore(again).get(created.id)).toEqual(created);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
