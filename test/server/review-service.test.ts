/**
 * The review rules that depend on the policy in force at the moment of the decision,
 * not at the moment of the request: the service reads the policy on every call.
 */
import { fingerprint, parsePolicy, type Policy } from "../../src/policy";
import { draftSnapshot } from "../../src/approval/snapshot";
import type { Identity } from "../../src/server/auth/verifier";
import { generateSigningKeyPem, loadSigningKey } from "../../src/server/review/approval-signer";
import { NO_EMAIL } from "../../src/server/review/mailer";
import { ApiError } from "../../src/api/error";
import { ReviewService } from "../../src/server/review/service";
import { openEmbedded, type Database } from "../../src/server/storage/database";
import { migrate } from "../../src/server/storage/migrations";
import { ReviewStore } from "../../src/server/storage/review-store";
import { addresses, CARRIER_DOMAINS, draftOf } from "../support/drafts";

const TANAKA: Identity = { email: "tanaka@mirai-shoji.co.jp", subject: "t", issuer: "test" };
const KACHO: Identity = { email: "kacho@mirai-shoji.co.jp", name: "山田 課長", subject: "k", issuer: "test" };

function policyWith(reviews: string[]): Policy {
  const result = parsePolicy({
    internalDomains: ["mirai-shoji.co.jp"],
    review: { reviewers: [{ address: "kacho@mirai-shoji.co.jp", name: "山田 課長", reviews }], admins: [] },
  });
  if (!result.ok) throw new Error("policy");
  return result.policy;
}

let db: Database;
let policy: Policy;
let service: ReviewService;

beforeAll(async () => {
  db = await openEmbedded();
  await migrate(db);
  service = new ReviewService({ store: new ReviewStore(db), policy: () => policy, signingKey: loadSigningKey(generateSigningKeyPem()), notifier: NO_EMAIL });
});
afterAll(() => db.close());

async function request() {
  policy = policyWith(["@mirai-shoji.co.jp"]);
  const draft = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(5, CARRIER_DOMAINS), subject: `保護者会 ${Math.random()}` });
  return service.create(TANAKA, { snapshot: draftSnapshot(draft, TANAKA.email), fingerprint: fingerprint(draft), reviewer: KACHO.email });
}

test("the reviewer the policy allowed when the request was made approves while the policy still allows it", async () => {
  const review = await request();
  const decided = await service.decide(KACHO, review.id, { decision: "approve", acknowledged: review.checks.map((c) => c.key) });
  expect(decided.status).toBe("approved");
});

test("an approval is refused once the policy no longer lets that reviewer review the sender (changed after the request)", async () => {
  const review = await request();
  policy = policyWith(["@other-department.mirai-shoji.co.jp"]);
  const refused = await service.decide(KACHO, review.id, { decision: "approve", acknowledged: review.checks.map((c) => c.key) }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect(refused).toMatchObject({ status: 403, code: "reviewer-not-allowed" });
  expect((await service.read(TANAKA, review.id)).status).toBe("pending");
});

test("the same holds for a reviewer removed from the policy altogether", async () => {
  const review = await request();
  const result = parsePolicy({ internalDomains: ["mirai-shoji.co.jp"], review: { reviewers: [], admins: [] } });
  if (!result.ok) throw new Error("policy");
  policy = result.policy;
  await expect(service.decide(KACHO, review.id, { decision: "reject", comment: "x", acknowledged: [] })).rejects.toMatchObject({ code: "reviewer-not-allowed" });
});

describe("a reply is judged by the server as the pane and Send judge it", () => {
  const start = { type: "reply" as const, to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] };
  const reply = (cc: string[]) => draftOf({ to: ["a@acme.co.jp"], cc, subject: `RE: 打ち合わせ ${Math.random()}` });

  test("a reply-all that adds a company: the request's exposure is what is new, and the thread's participants are marked", async () => {
    policy = policyWith(["@mirai-shoji.co.jp"]);
    const draft = reply(["b@globex.co.jp", "d@umbrella.co.jp"]);
    const review = await service.create(TANAKA, { snapshot: draftSnapshot(draft, TANAKA.email, { composeStart: start }), fingerprint: fingerprint(draft), reviewer: KACHO.email });
    const exposure = review.findings.find((f) => f.code === "external-exposure");
    expect(exposure?.evidence).toMatchObject({ newcomers: ["d@umbrella.co.jp"], alreadyShared: 0 });
    expect(review.snapshot.composeStart).toEqual(start);
  });

  test("a reply-all among the same people needs no review: the server says so instead of asking someone", async () => {
    policy = policyWith(["@mirai-shoji.co.jp"]);
    const draft = reply(["b@globex.co.jp"]);
    const refused = await service.create(TANAKA, { snapshot: draftSnapshot(draft, TANAKA.email, { composeStart: start }), fingerprint: fingerprint(draft), reviewer: KACHO.email }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, code: "nothing-to-review" });
  });
});
