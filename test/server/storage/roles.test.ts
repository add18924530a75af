/**
 * The role setup in deploy/postgres-roles.sql, run against the real PostgreSQL: the server's
 * application role can do its work, and cannot change the audit trail in any way, including
 * by disabling or dropping the triggers that guard it (which the tables' owner could).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { openPostgres, type Database } from "../../../src/server/storage/database";
import { migrate } from "../../../src/server/storage/migrations";
import { ReviewStore } from "../../../src/server/storage/review-store";
import { TEST_DATABASE_URL } from "../../support/databases";

const suffix = randomBytes(4).toString("hex");
const OWNER = `sg_owner_${suffix}`;
const APP = `sg_app_${suffix}`;
const DATABASE = `sg_roles_${suffix}`;
const urlAs = (role: string) => {
  const url = new URL(TEST_DATABASE_URL);
  url.username = role;
  url.password = "";
  url.pathname = `/${DATABASE}`;
  return url.toString();
};

let admin: Database;
let owner: Database;
let app: Database;

beforeAll(async () => {
  admin = await openPostgres(TEST_DATABASE_URL, { poolSize: 1 });
  await admin.exec(`create role ${OWNER} login; create role ${APP} login;`);
  await admin.exec(`create database ${DATABASE} owner ${OWNER}`);
  owner = await openPostgres(urlAs(OWNER), { poolSize: 2 });
  await migrate(owner);
  const script = fs.readFileSync(path.resolve(__dirname, "../../../deploy/postgres-roles.sql"), "utf8").replaceAll("sendguard_app", APP);
  await owner.exec(script);
  app = await openPostgres(urlAs(APP), { poolSize: 2 });
});

afterAll(async () => {
  await app?.close();
  await owner?.close();
  await admin.exec(`drop database if exists ${DATABASE} with (force)`);
  await admin.exec(`drop role if exists ${APP}; drop role if exists ${OWNER};`);
  await admin.close();
});

test("the application role starts the server (migrations already applied) and does its work", async () => {
  await expect(migrate(app)).resolves.toEqual([]);
  const store = new ReviewStore(app);
  await store.signingKeyPem(() => ({ pem: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n", publicKeyHex: "ab".repeat(32) }));
  const review = await store.create({
    sender: "tanaka@mirai-shoji.co.jp",
    reviewer: "kacho@mirai-shoji.co.jp",
    fingerprint: `sg2:${"a".repeat(64)}`,
    verdict: "review",
    snapshot: { from: "tanaka@mirai-shoji.co.jp", to: [], cc: [], bcc: [], subject: "s", attachments: [] },
    findings: [],
    checks: [],
    note: "",
    language: "ja",
    expiresInSeconds: 3600,
  });
  const decided = await store.decide({ id: review.id, reviewer: "kacho@mirai-shoji.co.jp", status: "rejected", comment: "NG", acknowledged: [] });
  expect(decided.changed).toBe(true);
  expect((await store.auditTrail({ limit: 10 })).map((r) => r.action)).toEqual(["rejected", "requested"]);
});

test.each([
  ["update a record", "update audit_events set actor = 'someone-else'", /permission denied|append-only/],
  ["delete a record", "delete from audit_events", /permission denied|append-only/],
  ["truncate the trail", "truncate audit_events", /permission denied|append-only/],
  ["disable the triggers", "alter table audit_events disable trigger all", /must be owner/],
  ["drop the update trigger", "drop trigger audit_events_no_change on audit_events", /must be owner/],
  ["replace the trigger function", "create or replace function audit_events_append_only() returns trigger language plpgsql as $$ begin return new; end $$", /must be owner|permission denied/],
  ["drop the table", "drop table audit_events", /must be owner/],
])("the application role cannot %s", async (_what, sql, error) => {
  await expect(app.exec(sql)).rejects.toThrow(error);
  expect(Number((await owner.query<{ n: string }>("select count(*) as n from audit_events"))[0]?.n)).toBeGreaterThan(0);
});

test("…which the owner could: the reason the server must not run as the owner", async () => {
  await owner.exec("alter table audit_events disable trigger audit_events_no_change");
  await owner.exec("alter table audit_events enable trigger audit_events_no_change");
});
