import { coverageOf } from "../../src/approval/coverage";
import { verifyApprovalToken } from "../../src/approval/token";
import { fingerprint, parsePolicyText, POLICY_FORMAT, resolvePolicy, unsealPolicy } from "../../src/policy";
import { policyUrl } from "../../src/event/policy-source";
import { draftSnapshot } from "../../src/approval/snapshot";
import { DevIssuer } from "../../src/server/auth/dev-issuer";
import type { CreateReviewRequest, Review } from "../../src/api/contract";
import { addresses, CARRIER_DOMAINS, draftOf, type DraftSpec } from "../support/drafts";
import { readEvents } from "../support/sse";
import { startReviewServer, TEST_POLICY, type ReviewServer } from "../support/review-server";

const TANAKA = "tanaka@mirai-shoji.co.jp";
const KACHO = "kacho@mirai-shoji.co.jp";
const SATO = "sato@mirai-shoji.co.jp";
const ADMIN = "it@mirai-shoji.co.jp";

/** The Asunaro case: guardians on carrier domains in CC, a flagged attachment. */
const GUARDIANS: DraftSpec = {
  from: TANAKA,
  to: ["jimu@mirai-shoji.co.jp"],
  cc: addresses(12, CARRIER_DOMAINS),
  subject: "保護者会のお知らせ",
  attachments: [{ name: "保護者名簿.xlsx", size: 20480 }],
};

function requestFor(spec: DraftSpec, change: Partial<CreateReviewRequest> = {}): CreateReviewRequest {
  const draft = draftOf(spec);
  return { snapshot: draftSnapshot(draft, spec.from ?? TANAKA), fingerprint: fingerprint(draft), reviewer: KACHO, note: "至急", language: "ja", ...change };
}

let server: ReviewServer;
let tanaka: string;
let kacho: string;
let sato: string;
let admin: string;

beforeAll(async () => {
  server = await startReviewServer({ policy: { ...TEST_POLICY, rules: { "distribution-list": "block" } }, listen: true });
  tanaka = await server.signIn(TANAKA);
  kacho = await server.signIn(KACHO);
  sato = await server.signIn(SATO);
  admin = await server.signIn(ADMIN);
});
afterAll(() => server.close());

async function create(spec: DraftSpec = GUARDIANS, token = tanaka, change: Partial<CreateReviewRequest> = {}): Promise<Review> {
  const { status, body } = await server.api("POST", "/api/reviews", token, requestFor(spec, change));
  expect(status).toBe(201);
  return body as Review;
}

const ACK_ALL = (review: Review) => review.checks.map((c) => c.key);

describe("policy.json and sign-in", () => {
  test("policy.json publishes the server's approval key, cross-origin and uncached", async () => {
    const response = await fetch(`${server.base}/policy.json`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const policy = (await response.json()) as { approvalKeys: string[]; internalDomains: string[] };
    expect(policy.approvalKeys).toEqual([server.services.signingKey.publicKeyHex]);
    expect(policy.internalDomains).toEqual(["mirai-shoji.co.jp"]);
  });

  test("a launch event asking for its sealed format gets the policy this server validated, sealed; any other request the file", async () => {
    const file = await (await fetch(`${server.base}/policy.json`)).text();
    const validated = parsePolicyText(file);
    if (!validated.ok) throw new Error("the served file is invalid");

    const response = await fetch(policyUrl(server.base));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const sealed = await response.text();
    expect(unsealPolicy(sealed)).toEqual(validated.policy);
    expect(unsealPolicy(sealed)?.approvalKeys).toEqual([server.services.signingKey.publicKeyHex]);

    // An add-in of another format (older or newer than this server), a repeated or empty format: the file as written.
    for (const query of ["?format=sgp0-000000000000", `?format=${POLICY_FORMAT}&format=${POLICY_FORMAT}`, "?format=", ""]) {
      expect(await (await fetch(`${server.base}/policy.json${query}`)).text()).toBe(file);
    }

    // The handler's way to the policy takes the sealed answer as it is: the schemas are never run, and the item keeps it.
    const parseText = jest.fn(parsePolicyText);
    const written: string[] = [];
    const result = await resolvePolicy(
      {
        readCached: () => Promise.resolve(undefined),
        fetchPublished: () => fetch(policyUrl(server.base)).then((r) => r.text()),
        writeCached: (text) => written.push(text),
        parseText,
      },
      () => ({ ok: false, errors: [] }),
    );
    expect(result).toEqual({ ok: true, policy: validated.policy });
    expect(parseText).not.toHaveBeenCalled();
    expect(written).toEqual([sealed]);
  });

  test("the session says which sign-in is offered and who is signed in", async () => {
    expect((await server.api("GET", "/api/session")).body).toEqual({ signIn: { dev: true } });
    expect((await server.api("GET", "/api/session", admin)).body.user).toMatchObject({ email: ADMIN, admin: true });
    expect((await server.api("GET", "/api/session", tanaka)).body.user).toMatchObject({ email: TANAKA, admin: false });
  });

  test("demo users come from the policy; outside addresses cannot sign in", async () => {
    const { body } = await server.api("GET", "/api/dev/users");
    expect(body.users).toEqual(expect.arrayContaining([{ address: KACHO, name: "山田 課長" }, { address: ADMIN }]));
    const refused = await server.api("POST", "/api/dev/sign-in", undefined, { email: "attacker@gmail.com" });
    expect(refused).toMatchObject({ status: 403, body: { error: "not-a-demo-user" } });
  });

  test.each([
    ["no token", undefined, "missing-token"],
    ["garbage", "abc", "invalid-token"],
  ])("401 with %s", async (_name, token, code) => {
    const { status, body, headers } = await server.api("GET", "/api/reviews", token);
    expect(status).toBe(401);
    expect(body.error).toBe(code);
    expect(headers.get("www-authenticate")).toContain("Bearer");
  });

  test("401 for a token from another server's development issuer (forged)", async () => {
    const forged = await (await DevIssuer.create()).issue(KACHO, "山田 課長");
    expect((await server.api("GET", "/api/reviews", forged)).status).toBe(401);
  });

  test("the reviewer picker lists whom the policy allows, never the sender", async () => {
    expect((await server.api("GET", "/api/reviewers", tanaka)).body.reviewers).toEqual([{ address: KACHO, name: "山田 課長" }]);
    expect((await server.api("GET", "/api/reviewers", sato)).body.reviewers).toEqual([
      { address: KACHO, name: "山田 課長" },
      { address: TANAKA, name: "田中 一郎" },
    ]);
  });
});

describe("requesting a review", () => {
  test("the server recomputes findings and checks from the snapshot and names the reviewer", async () => {
    const review = await create();
    expect(review).toMatchObject({ status: "pending", sender: TANAKA, reviewer: KACHO, reviewerName: "山田 課長", verdict: "review", note: "至急" });
    expect(review.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["external-exposure", "attachment-name"]));
    expect(review.checks.map((c) => c.key)).toEqual(expect.arrayContaining(["external-exposure", "attachment-name:保護者名簿.xlsx"]));
    expect(review.approvalToken).toBeUndefined();
  });

  test.each<[string, () => Promise<{ token: string; body: unknown }>, number, string]>([
    ["the snapshot is from an address outside the organisation", async () => ({ token: sato, body: requestFor({ ...GUARDIANS, from: "tanaka@gmail.com" }) }), 403, "sender-mismatch"],
    ["the snapshot is from a look-alike of an internal domain", async () => ({ token: sato, body: requestFor({ ...GUARDIANS, from: "info@mirai-shoji.co.jp.example.com" }) }), 403, "sender-mismatch"],
    ["the sender picks themself", async () => ({ token: tanaka, body: requestFor(GUARDIANS, { reviewer: TANAKA }) }), 403, "self-review"],
    ["the reviewer is not allowed for this sender", async () => ({ token: tanaka, body: requestFor(GUARDIANS, { reviewer: SATO }) }), 403, "reviewer-not-allowed"],
    ["no reviewer is configured for the sender", async () => ({ token: kacho, body: requestFor({ ...GUARDIANS, from: KACHO }, { reviewer: TANAKA }) }), 422, "no-reviewer-configured"],
    ["the fingerprint does not match the snapshot", async () => ({ token: tanaka, body: { ...requestFor(GUARDIANS), fingerprint: fingerprint(draftOf({ ...GUARDIANS, subject: "別件" })) } }), 422, "fingerprint-mismatch"],
    ["the message needs no review", async () => ({ token: tanaka, body: requestFor({ from: TANAKA, to: ["sato@mirai-shoji.co.jp"], subject: "定例" }) }), 422, "nothing-to-review"],
    ["a block rule applies", async () => ({ token: tanaka, body: requestFor({ ...GUARDIANS, to: ["dl:all-parents@lists.example.jp"] }) }), 422, "approval-not-possible"],
    ["a field is missing", async () => ({ token: tanaka, body: { fingerprint: "x" } }), 400, "invalid-request"],
    ["an unknown field is sent", async () => ({ token: tanaka, body: { ...requestFor(GUARDIANS), extra: 1 } }), 400, "invalid-request"],
    ["the reviewer is not an address", async () => ({ token: tanaka, body: requestFor(GUARDIANS, { reviewer: "kacho@" }) }), 400, "invalid-request"],
    ["a field has more than 1,000 recipients", async () => ({ token: tanaka, body: requestFor({ ...GUARDIANS, cc: addresses(1001, CARRIER_DOMAINS) }) }), 400, "invalid-request"],
    ["the body is not JSON", async () => ({ token: tanaka, body: "{ snapshot: " }), 400, "bad-request"],
  ])("refused when %s", async (_name, make, status, code) => {
    const { token, body } = await make();
    const response = await server.api("POST", "/api/reviews", token, body);
    expect(response.status).toBe(status);
    expect(response.body.error).toBe(code);
    expect(typeof response.body.message).toBe("string");
  });

  test("validation errors name the bad field", async () => {
    const { body } = await server.api("POST", "/api/reviews", tanaka, requestFor(GUARDIANS, { reviewer: "kacho@" }));
    expect(body.details).toEqual([{ path: "reviewer", message: "is not a valid email address" }]);
  });

  test("a body over 2 MiB is refused with 413 and nothing is stored", async () => {
    const before = (await server.api("GET", "/api/reviews?role=sender&limit=200", tanaka)).body.reviews.length;
    const huge = { ...requestFor(GUARDIANS), note: "x".repeat(3 * 1024 * 1024) };
    expect((await server.api("POST", "/api/reviews", tanaka, huge)).status).toBe(413);
    expect((await server.api("GET", "/api/reviews?role=sender&limit=200", tanaka)).body.reviews.length).toBe(before);
  });

  test("attachment inspection travels as counts: the server's findings and checks name the file; raw addresses are refused", async () => {
    const spec: DraftSpec = { from: TANAKA, to: ["client@acme.co.jp"], subject: "会員向け資料", attachments: [{ name: "会員.csv", size: 9000 }] };
    const draft = draftOf(spec);
    const inspected = {
      ...draft,
      attachments: [{ name: "会員.csv", size: 9000, inspection: { status: "inspected" as const, counts: { email: 40 }, addresses: Array.from({ length: 40 }, (_, i) => `m${i}@example.jp`) } }],
    };
    const snapshot = draftSnapshot(inspected, TANAKA);
    expect(snapshot.attachments[0]?.inspection).toEqual({ status: "inspected", counts: { email: 40 }, addressCount: 40, notRecipientCount: 40 });
    const { status, body } = await server.api("POST", "/api/reviews", tanaka, { snapshot, fingerprint: fingerprint(draft), reviewer: KACHO });
    expect(status).toBe(201);
    expect((body as Review).findings.map((f) => f.code)).toContain("attachment-address-list");
    expect((body as Review).checks.map((c) => c.key)).toContain("attachment-address-list:会員.csv");

    const leaking = { ...snapshot, attachments: [{ ...snapshot.attachments[0], inspection: { status: "inspected", addresses: ["m1@example.jp"] } }] };
    const refused = await server.api("POST", "/api/reviews", tanaka, { snapshot: leaking, fingerprint: fingerprint(draft), reviewer: KACHO });
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid-request" } });
  });

  test("a field Outlook returned only up to its limit is part of the request: the reviewer sees it and acknowledges it", async () => {
    const draft = { ...draftOf({ ...GUARDIANS, cc: addresses(500, CARRIER_DOMAINS) }), truncatedFields: ["cc" as const] };
    const snapshot = draftSnapshot(draft, TANAKA);
    expect(snapshot.truncatedFields).toEqual(["cc"]);
    const { status, body } = await server.api("POST", "/api/reviews", tanaka, { snapshot, fingerprint: fingerprint(draft), reviewer: KACHO });
    expect(status).toBe(201);
    expect((body as Review).checks.map((c) => c.key)).toContain("unresolved-recipient");
  });

  test("more flagged items than one approval can carry is refused with what to do", async () => {
    const files = Array.from({ length: 201 }, (_, i) => ({ name: `名簿${i}.xlsx`, size: 100 + i }));
    const { status, body } = await server.api("POST", "/api/reviews", tanaka, requestFor({ ...GUARDIANS, attachments: files }));
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: "too-many-items" });
    expect(body.message).toContain("split the message");
  });

  test("a full 1,000-recipient CC list is accepted", async () => {
    const review = await create({ ...GUARDIANS, cc: addresses(1000, CARRIER_DOMAINS) });
    expect(review.snapshot.cc).toHaveLength(1000);
  });
});

describe("shared mailboxes and delegates: the message is from a mailbox that is not the signed-in person's", () => {
  const SHARED = "info@mirai-shoji.co.jp";
  const fromShared: DraftSpec = { ...GUARDIANS, from: SHARED, subject: "保護者会のお知らせ（共有メールボックス）" };

  test("the reviewers are those of the mailbox sent from, never the person asking", async () => {
    expect((await server.api("GET", `/api/reviewers?from=${encodeURIComponent(SHARED)}`, tanaka)).body.reviewers).toEqual([{ address: KACHO, name: "山田 課長" }]);
    // kacho sends as sato's delegate: sato's mail is reviewed by kacho (the domain) and tanaka (named for sato) — kacho is the one asking.
    expect((await server.api("GET", `/api/reviewers?from=${encodeURIComponent(SATO)}`, kacho)).body.reviewers).toEqual([{ address: TANAKA, name: "田中 一郎" }]);
    expect((await server.api("GET", "/api/reviewers", kacho)).body.reviewers).toEqual([]);
    expect(await server.api("GET", "/api/reviewers?from=info%40gmail.com", tanaka)).toMatchObject({ status: 403, body: { error: "sender-mismatch" } });
    expect(await server.api("GET", "/api/reviewers?from=not-an-address", tanaka)).toMatchObject({ status: 400 });
  });

  test("the request is the asker's (they read and cancel it); the approval names the shared mailbox, which Send compares with From", async () => {
    const review = await create(fromShared, tanaka);
    expect(review).toMatchObject({ sender: TANAKA, reviewer: KACHO, snapshot: { from: SHARED } });
    const decided = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", comment: "", acknowledged: ACK_ALL(review) });
    expect(decided.status).toBe(200);
    const token = (await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body.approvalToken as string;
    const keys = [server.services.signingKey.publicKeyHex];
    const check = (sender: string) => verifyApprovalToken(token, { publicKeys: keys, fingerprint: review.fingerprint, sender, nowMs: Date.now() });
    expect(check(SHARED)).toMatchObject({ ok: true, claims: { snd: SHARED } });
    expect(check(TANAKA)).toEqual({ ok: false, reason: "sender" });
  });

  test("a delegate cannot pick themself, nor a reviewer the mailbox's policy does not name", async () => {
    expect(await server.api("POST", "/api/reviews", kacho, requestFor({ ...fromShared, from: SATO }, { reviewer: KACHO }))).toMatchObject({ status: 403, body: { error: "self-review" } });
    expect(await server.api("POST", "/api/reviews", tanaka, requestFor(fromShared, { reviewer: SATO }))).toMatchObject({ status: 403, body: { error: "reviewer-not-allowed" } });
  });
});

describe("a new request for the same message replaces the sender's older pending one", () => {
  const status = async (id: string) => (await server.api("GET", `/api/reviews/${id}`, tanaka)).body.status as string;
  const supersededRecords = async (id: string) => (await server.api("GET", `/api/audit?review=${id}&action=cancelled`, admin)).body.records;

  test("the same message asked for again: the first request is cancelled, audited as superseded by the second", async () => {
    const spec = { ...GUARDIANS, subject: "保護者会（二度目の依頼）" };
    const first = await create(spec);
    const second = await create(spec);
    expect(await status(first.id)).toBe("cancelled");
    expect(await status(second.id)).toBe("pending");
    expect(await supersededRecords(first.id)).toEqual([expect.objectContaining({ actor: TANAKA, detail: { reason: "superseded", supersededBy: second.id } })]);
    const queue = (await server.api("GET", "/api/reviews?role=reviewer&status=pending", kacho)).body.reviews as Review[];
    expect(queue.filter((r) => r.snapshot.subject === spec.subject).map((r) => r.id)).toEqual([second.id]);
  });

  test("a changed message replaces the request the pane names (replaces), even with another fingerprint", async () => {
    const first = await create({ ...GUARDIANS, subject: "保護者会（変更前）" });
    const second = await create({ ...GUARDIANS, subject: "保護者会（変更後）" }, tanaka, { replaces: first.id });
    expect(await status(first.id)).toBe("cancelled");
    expect(await status(second.id)).toBe("pending");
  });

  test("a request of another sender is never replaced, and a decided one stays decided", async () => {
    const satoReview = (await server.api("POST", "/api/reviews", sato, requestFor({ ...GUARDIANS, from: SATO, subject: "佐藤さんの依頼" }, { reviewer: KACHO }))).body as Review;
    const rejected = await create({ ...GUARDIANS, subject: "却下済み" });
    await server.api("POST", `/api/reviews/${rejected.id}/decision`, kacho, { decision: "reject", comment: "NG" });
    await create({ ...GUARDIANS, subject: "田中さんの依頼" }, tanaka, { replaces: satoReview.id });
    await create({ ...GUARDIANS, subject: "却下済み" }, tanaka, { replaces: rejected.id });
    expect((await server.api("GET", `/api/reviews/${satoReview.id}`, sato)).body.status).toBe("pending");
    expect(await status(rejected.id)).toBe("rejected");
  });
});

describe("reading and deciding", () => {
  test("the sender, the reviewer and an admin can read a request; anyone else gets 404", async () => {
    const review = await create();
    for (const token of [tanaka, kacho, admin]) expect((await server.api("GET", `/api/reviews/${review.id}`, token)).status).toBe(200);
    expect((await server.api("GET", `/api/reviews/${review.id}`, sato)).status).toBe(404);
    expect((await server.api("GET", "/api/reviews/rv_doesnotexist000", kacho)).status).toBe(404);
    expect((await server.api("GET", "/api/reviews/not-an-id", kacho)).status).toBe(400);
  });

  test("the reviewer's queue lists pending requests", async () => {
    const review = await create();
    const { body } = await server.api("GET", "/api/reviews?role=reviewer&status=pending", kacho);
    expect(body.reviews.map((r: Review) => r.id)).toContain(review.id);
  });

  test("the sender cannot approve their own request", async () => {
    const review = await create();
    const response = await server.api("POST", `/api/reviews/${review.id}/decision`, tanaka, { decision: "approve", acknowledged: ACK_ALL(review) });
    expect(response).toMatchObject({ status: 403, body: { error: "self-review" } });
  });

  test("an admin who is not the chosen reviewer cannot decide", async () => {
    const review = await create();
    const response = await server.api("POST", `/api/reviews/${review.id}/decision`, admin, { decision: "approve", acknowledged: ACK_ALL(review) });
    expect(response).toMatchObject({ status: 403, body: { error: "not-reviewer" } });
  });

  test("approval needs every flagged item acknowledged; the answer lists what is missing", async () => {
    const review = await create();
    const response = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", acknowledged: ["external-exposure"] });
    expect(response).toMatchObject({ status: 422, body: { error: "unacknowledged", details: { missing: ["attachment-name:保護者名簿.xlsx"] } } });
    expect((await server.api("GET", `/api/reviews/${review.id}`, kacho)).body.status).toBe("pending");
  });

  test("approve: the sender receives a token that verifies offline for exactly this message; repeats are idempotent, a change of mind is refused", async () => {
    const review = await create();
    const decision = { decision: "approve", comment: "確認しました", acknowledged: ACK_ALL(review) };
    const approved = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, decision);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", decidedBy: KACHO, comment: "確認しました" });
    expect(approved.body.approvalToken).toBeUndefined();

    const seenBySender = (await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body as Review;
    const keys = ((await (await fetch(`${server.base}/policy.json`)).json()) as { approvalKeys: string[] }).approvalKeys;
    const check = verifyApprovalToken(seenBySender.approvalToken as string, { publicKeys: keys, fingerprint: review.fingerprint, sender: TANAKA, nowMs: Date.now() });
    expect(check).toMatchObject({ ok: true, claims: { rid: review.id, rev: KACHO, rvn: "山田 課長" } });
    // The token covers exactly the findings the reviewer was shown, one digest per acknowledged item.
    expect(check.ok && check.claims.cov).toEqual(coverageOf(review.findings));
    expect(check.ok && check.claims.cov).toHaveLength(review.checks.length);
    const changed = fingerprint(draftOf({ ...GUARDIANS, cc: [...(GUARDIANS.cc ?? []), "extra@gmail.com"] }));
    expect(verifyApprovalToken(seenBySender.approvalToken as string, { publicKeys: keys, fingerprint: changed, sender: TANAKA, nowMs: Date.now() }).ok).toBe(false);

    const again = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, decision);
    expect(again).toMatchObject({ status: 200, body: { status: "approved", decidedAt: approved.body.decidedAt } });
    const reject = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "reject", comment: "やはりNG" });
    expect(reject).toMatchObject({ status: 409, body: { error: "already-decided" } });
  });

  test("reject: the comment reaches the sender and no token exists", async () => {
    const review = await create();
    const response = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "reject", comment: "保護者はBCCにしてください" });
    expect(response.body).toMatchObject({ status: "rejected", comment: "保護者はBCCにしてください" });
    const seen = (await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body as Review;
    expect(seen).toMatchObject({ status: "rejected", comment: "保護者はBCCにしてください" });
    expect(seen.approvalToken).toBeUndefined();
  });

  test("cancel: only the sender, idempotently, and a cancelled request cannot be approved", async () => {
    const review = await create();
    expect((await server.api("POST", `/api/reviews/${review.id}/cancel`, kacho)).body.error).toBe("not-sender");
    expect((await server.api("POST", `/api/reviews/${review.id}/cancel`, tanaka)).body.status).toBe("cancelled");
    expect((await server.api("POST", `/api/reviews/${review.id}/cancel`, tanaka)).status).toBe(200);
    const late = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", acknowledged: ACK_ALL(review) });
    expect(late).toMatchObject({ status: 409, body: { error: "already-decided" } });
  });

  test("expiry: an overdue request cannot be approved, expires once, and the sender is told live", async () => {
    const review = await create();
    const events = readEvents(server.base, tanaka);
    await events.ready;
    await server.services.db.query("update reviews set expires_at = now() - interval '1 second' where id = $1", [review.id]);
    const late = await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", acknowledged: ACK_ALL(review) });
    expect(late).toMatchObject({ status: 410, body: { error: "expired" } });
    const expired = await server.services.service.expireDue();
    expect(expired.map((r) => r.id)).toEqual([review.id]);
    const event = await events.next((e) => e.id === review.id && e.status === "expired");
    expect(event).toMatchObject({ sender: TANAKA, reviewer: KACHO });
    events.close();
    expect((await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body.status).toBe("expired");
  });
});

describe("live updates", () => {
  test("the waiting sender's stream gets the decision; the reviewer's queue gets new requests; others get nothing", async () => {
    const senderEvents = readEvents(server.base, tanaka);
    const reviewerEvents = readEvents(server.base, kacho);
    const otherEvents = readEvents(server.base, sato);
    await Promise.all([senderEvents.ready, reviewerEvents.ready, otherEvents.ready]);
    const review = await create();
    await reviewerEvents.next((e) => e.id === review.id && e.status === "pending");
    await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", acknowledged: ACK_ALL(review) });
    await senderEvents.next((e) => e.id === review.id && e.status === "approved");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(otherEvents.received.filter((e) => e.id === review.id)).toEqual([]);
    for (const s of [senderEvents, reviewerEvents, otherEvents]) s.close();
  });

  test("the event stream needs a valid token", async () => {
    expect((await server.api("GET", "/api/events", "nope")).status).toBe(401);
  });
});

describe("'approved message was sent' and the audit trail", () => {
  test("the handler's report with the approval token is recorded once; a wrong token is refused", async () => {
    const review = await create();
    await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "approve", acknowledged: ACK_ALL(review) });
    const token = ((await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body as Review).approvalToken as string;
    const preflight = await fetch(`${server.base}/api/reviews/${review.id}/sent`, { method: "OPTIONS" });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(await server.api("POST", `/api/reviews/${review.id}/sent`, undefined, { token })).toMatchObject({ status: 200, body: { recorded: true } });
    expect(await server.api("POST", `/api/reviews/${review.id}/sent`, undefined, { token })).toMatchObject({ status: 200, body: { recorded: false } });
    const other = await create();
    expect((await server.api("POST", `/api/reviews/${other.id}/sent`, undefined, { token })).status).toBe(400);
    expect((await server.api("GET", `/api/reviews/${review.id}`, tanaka)).body.sentAt).toEqual(expect.any(String));
  });

  test("only admins read the audit trail; it filters and exports CSV safely", async () => {
    const review = await create(GUARDIANS, tanaka, { note: "=HYPERLINK(\"http://evil\")" });
    await server.api("POST", `/api/reviews/${review.id}/decision`, kacho, { decision: "reject", comment: "NG" });
    expect((await server.api("GET", "/api/audit", tanaka)).status).toBe(403);
    const { body } = await server.api("GET", `/api/audit?review=${review.id}`, admin);
    expect(body.records.map((r: { action: string }) => r.action)).toEqual(["rejected", "requested"]);
    expect(body.records[1]).toMatchObject({ actor: TANAKA, sender: TANAKA, reviewer: KACHO, detail: { subject: "保護者会のお知らせ" } });
    const rejections = await server.api("GET", "/api/audit?action=rejected&person=KACHO@mirai-shoji.co.jp", admin);
    expect(rejections.body.records.every((r: { action: string; actor: string }) => r.action === "rejected" && r.actor === KACHO)).toBe(true);
    expect((await server.api("GET", "/api/audit?action=deleted", admin)).status).toBe(400);

    const csv = await server.api("GET", `/api/audit?review=${review.id}&format=csv`, admin);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await (await fetch(`${server.base}/api/audit?review=${review.id}&format=csv`, { headers: { Authorization: `Bearer ${admin}` } })).arrayBuffer());
    // A UTF-8 byte-order mark first, so that Excel opens the Japanese text correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("seq,at,action,review_id,actor,sender,reviewer,detail\r\n")).toBe(true);
    expect(text).toContain("保護者会のお知らせ");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    // The note is inside the JSON detail column, which starts with `{`: nothing in the file starts a cell with `=`.
    expect(text).not.toMatch(/(^|,)=/m);
  });
});
