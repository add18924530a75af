import type { Database } from "./database";

/**
 * Schema changes, in order; each runs once, inside one transaction, on either
 * engine. Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "reviews, audit trail, signing keys",
    sql: `
create table reviews (
  id text primary key,
  sender text not null,
  sender_name text,
  reviewer text not null,
  status text not null check (status in ('pending', 'approved', 'rejected', 'cancelled', 'expired')),
  fingerprint text not null,
  verdict text not null,
  snapshot jsonb not null,
  findings jsonb not null,
  note text not null default '',
  language text not null default 'ja',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  decided_at timestamptz,
  decided_by text,
  decision_comment text,
  acknowledged jsonb,
  approval_token text,
  approval_expires_at timestamptz,
  sent_at timestamptz,
  check (sender <> reviewer)
);
create index reviews_by_reviewer on reviews (reviewer, created_at desc);
create index reviews_by_sender on reviews (sender, created_at desc);
create index reviews_pending_expiry on reviews (expires_at) where status = 'pending';

create table audit_events (
  seq bigserial primary key,
  at timestamptz not null default clock_timestamp(),
  action text not null check (action in ('requested', 'approved', 'rejected', 'cancelled', 'expired', 'sent')),
  review_id text,
  actor text,
  sender text,
  reviewer text,
  detail jsonb not null default '{}'
);
create index audit_events_at on audit_events (at);
create index audit_events_review on audit_events (review_id);

-- The audit trail is append-only: updates, deletes and truncation are refused by the database itself.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end $$;
create trigger audit_events_no_change before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();

create table signing_keys (
  id text primary key,
  private_key_pem text not null,
  public_key_hex text not null,
  created_at timestamptz not null default now()
);
`,
  },
  {
    version: 2,
    name: "correspondence memory per person",
    sql: `
-- The correspondence memory of each signed-in person (salted hashes only, src/memory/correspondence.ts),
-- so that a new device or a cleared mailbox does not start cold.
create table memories (
  owner text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
`,
  },
];

/** An arbitrary constant: the advisory lock that lets one instance migrate while others wait. */
const MIGRATION_LOCK = 710_425_001;

/** Applies every migration not yet applied; safe when several instances start at once. Returns the versions applied. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Lock first: two instances creating the bookkeeping table at once would collide.
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    // Created only when missing: a server running as an application role (deploy/postgres-roles.sql) may not create tables.
    const [bookkeeping] = await tx.query<{ name: string | null }>("select to_regclass('schema_migrations')::text as name");
    if (!bookkeeping?.name) {
      await tx.exec(`create table schema_migrations (
        version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    }
    const done = new Set((await tx.query<{ version: number }>("select version from schema_migrations")).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
