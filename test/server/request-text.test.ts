/**
 * Text PostgreSQL cannot store gets a 400 naming where it is, never a 500, on both engines
 * (embedded PGlite and PostgreSQL): the NUL character and unpaired surrogates. Every other
 * character is stored and read back exactly as sent.
 */
import { fingerprint } from "../../src/policy";
import { draftSnapshot } from "../../src/approval/snapshot";
import type { CreateReviewRequest, Review } from "../../src/api/contract";
import { dropSchemas, ENGINES } from "../support/databases";
import { draftOf } from "../support/drafts";
import { startReviewServer, type ReviewServer } from "../support/review-server";

const TANAKA = "tanaka@mirai-shoji.co.jp";
const KACHO = "kacho@mirai-shoji.co.jp";
const ADMIN = "it@mirai-shoji.co.jp";

/** What PostgreSQL refuses (or the driver would silently change). */
const REFUSED = {
  "NUL (U+0000)": "\u0000",
  "an unpaired high surrogate (U+D800)": "\ud800",
  "an unpaired low surrogate (U+DC00)": "\udc00",
  "a low surrogate before its high one": "\udc00\ud800",
} as const;

/** Unusual but storable: kept exactly. */
const STORED = ["\u0001", "\u001f", "\u007f", "\ufeff", "\ufffe", "\uffff", "\u2028", "😀", "𠮷野家", "\u200b"];

afterAll(dropSchemas);

function request(change: { subject?: string; name?: string; file?: string; sample?: string } = {}, extra: Partial<CreateReviewRequest> = {}): CreateReviewRequest {
  const draft = draftOf({ to: ["a@acme.co.jp"], cc: [change.name ? `${change.name} <b@globex.co.jp>` : "b@globex.co.jp"], subject: change.subject ?? "見積のご案内" });
  if (change.file !== undefined || change.sample !== undefined) {
    draft.attachments = [{ name: change.file ?? "見積.xlsx", size: 100, inspection: { status: "inspected", counts: { phone: 9 }, samples: [{ kind: "phone", where: "Sheet1", masked: change.sample ?? "***-1234" }] } }];
  }
  return { snapshot: draftSnapshot(draft, TANAKA), fingerprint: fingerprint(draft), reviewer: KACHO, ...extra };
}

describe.each(ENGINES.map((engine) => [engine.name, engine] as const))("%s", (_name, engine) => {
  let server: ReviewServer;
  let tanaka: string;
  let kacho: string;
  let admin: string;
  const count = async () => ((await server.api("GET", "/api/reviews?role=sender&limit=200", tanaka)).body.reviews as Review[]).length;

  beforeAll(async () => {
    server = await startReviewServer({ database: await engine.open() });
    tanaka = await server.signIn(TANAKA);
    kacho = await server.signIn(KACHO);
    admin = await server.signIn(ADMIN);
  });
  afterAll(() => server.close());

  const createCases = Object.entries(REFUSED).flatMap(([what, char]) => [
    [what, "the subject", () => request({ subject: `見積${char}のご案内` }), "snapshot.subject"],
    [what, "the note", () => request({}, { note: `至急${char}` }), "note"],
    [what, "a recipient's display name", () => request({ name: `佐藤${char}` }), "snapshot.cc.0.name"],
    [what, "an attachment's name", () => request({ file: `名簿${char}.xlsx` }), "snapshot.attachments.0.name"],
    [what, "a masked sample", () => request({ sample: `***${char}` }), "snapshot.attachments.0.inspection.samples.0.masked"],
  ] as const);

  test.each(createCases)("creating a request with %s in %s: 400 naming the field, nothing stored", async (_what, _field, make, path) => {
    const before = await count();
    const { status, body } = await server.api("POST", "/api/reviews", tanaka, make());
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid-characters", details: [expect.objectContaining({ path })] });
    expect(await count()).toBe(before);
  });

  test.each(Object.entries(REFUSED))("a decision comment with %s: 400, the request stays pending", async (_what, char) => {
    const created = (await server.api("POST", "/api/reviews", tanaka, request())).body as Review;
    const { status, body } = await server.api("POST", `/api/reviews/${created.id}/decision`, kacho, { decision: "reject", comment: `NG${char}` });
    expect(status).toBe(400);
    expect(body.details).toEqual([expect.objectContaining({ path: "comment" })]);
    expect((await server.api("GET", `/api/reviews/${created.id}`, kacho)).body.status).toBe("pending");
  });

  test.each([
    ["person", "%00x"],
    ["person", "x%00"],
    ["review", "rv_%00"],
  ])("an audit filter %s=%s: 400, not 500", async (name, value) => {
    const { status, body } = await server.api("GET", `/api/audit?${name}=${value}`, admin);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid-characters", details: [expect.objectContaining({ path: name })] });
  });

  test("a development sign-in name with NUL: 400", async () => {
    const { status, body } = await server.api("POST", "/api/dev/sign-in", undefined, { email: TANAKA, name: "田中\u0000" });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid-characters");
  });

  test("an object key with NUL is refused too", async () => {
    const { status } = await server.api("POST", "/api/reviews", tanaka, { ...request(), "x\u0000": 1 });
    expect(status).toBe(400);
  });

  test("every other character is stored and read back exactly", async () => {
    const text = STORED.join("|");
    const created = await server.api("POST", "/api/reviews", tanaka, request({ subject: `件名${text}`, name: `名前${text}`, file: `資料${text}.xlsx` }, { note: `メモ${text}` }));
    expect(created.status).toBe(201);
    const read = (await server.api("GET", `/api/reviews/${(created.body as Review).id}`, tanaka)).body as Review;
    expect(read.snapshot.subject).toBe(`件名${text}`);
    expect(read.note).toBe(`メモ${text}`);
    expect(read.snapshot.cc[0]?.name).toBe(`名前${text}`);
    expect(read.snapshot.attachments[0]?.name).toBe(`資料${text}.xlsx`);
    const rejected = await server.api("POST", `/api/reviews/${read.id}/decision`, kacho, { decision: "reject", comment: `理由${text}` });
    expect(rejected.body.comment).toBe(`理由${text}`);
  });
});
