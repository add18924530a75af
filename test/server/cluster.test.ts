import { fingerprint } from "../../src/policy";
import { draftSnapshot } from "../../src/approval/snapshot";
import { openPostgres } from "../../src/server/storage/database";
import type { Review } from "../../src/api/contract";
import { dropSchemas, ENGINES, TEST_DATABASE_URL } from "../support/databases";
import { addresses, CARRIER_DOMAINS, draftOf } from "../support/drafts";
import { startReviewServer, type ReviewServer } from "../support/review-server";
import { readEvents } from "../support/sse";

afterAll(dropSchemas);

describe("two server instances on one PostgreSQL", () => {
  let a: ReviewServer;
  let b: ReviewServer;

  beforeAll(async () => {
    // A fresh schema for this test; both instances use it, as two processes behind a load balancer would.
    const first = await ENGINES[1]!.open();
    const schema = first.schema as string;
    a = await startReviewServer({ database: first, listen: true });
    b = await startReviewServer({ database: await openPostgres(TEST_DATABASE_URL, { schema }), listen: true });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  test("they share one approval key, created once", async () => {
    const keys = async (server: ReviewServer) => ((await (await fetch(`${server.base}/policy.json`)).json()) as { approvalKeys: string[] }).approvalKeys;
    expect(await keys(a)).toEqual(await keys(b));
  });

  test("a sender waiting on instance B hears the decision taken on instance A; the token from B verifies with A's key", async () => {
    const draft = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(12, CARRIER_DOMAINS), subject: "保護者会（2台構成）" });
    // Development tokens are per instance (in-memory keys): each person signs in where they connect.
    const tanakaOnB = await b.signIn("tanaka@mirai-shoji.co.jp");
    const kachoOnA = await a.signIn("kacho@mirai-shoji.co.jp");
    const events = readEvents(b.base, tanakaOnB);
    await events.ready;
    const created = await b.api("POST", "/api/reviews", tanakaOnB, {
      snapshot: draftSnapshot(draft, "tanaka@mirai-shoji.co.jp"),
      fingerprint: fingerprint(draft),
      reviewer: "kacho@mirai-shoji.co.jp",
    });
    expect(created.status).toBe(201);
    const review = created.body as Review;
    const decided = await a.api("POST", `/api/reviews/${review.id}/decision`, kachoOnA, { decision: "approve", acknowledged: review.checks.map((c) => c.key) });
    expect(decided.status).toBe(200);
    await events.next((e) => e.id === review.id && e.status === "approved", 2000);
    events.close();
    const seen = (await b.api("GET", `/api/reviews/${review.id}`, tanakaOnB)).body as Review;
    expect(seen.approvalToken).toMatch(/^sga1\./);
    // The same decision again, now through the other instance: idempotent, not a second audit record.
    const kachoOnB = await b.signIn("kacho@mirai-shoji.co.jp");
    expect((await b.api("POST", `/api/reviews/${review.id}/decision`, kachoOnB, { decision: "approve", acknowledged: review.checks.map((c) => c.key) })).status).toBe(200);
    const admin = await a.signIn("it@mirai-shoji.co.jp");
    const trail = (await a.api("GET", `/api/audit?review=${review.id}`, admin)).body.records as { action: string }[];
    expect(trail.map((r) => r.action)).toEqual(["approved", "requested"]);
  });
});
