import * as fs from "node:fs";
import * as path from "node:path";
import { lockDataFolder, type DataLockOptions } from "./data-lock";

/**
 * One SQL dialect (PostgreSQL) for both engines: the embedded PGlite (PostgreSQL
 * compiled to WebAssembly, on disk under ./data) and a real PostgreSQL server.
 * Every query, the migrations and LISTEN/NOTIFY run unchanged on either.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "embedded" | "postgres";
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
}

/**
 * Opens (creating on first use) the embedded database in `dataDir`; undefined dataDir keeps
 * it in memory. On disk, the folder is locked first (./data-lock): one server per folder.
 */
export async function openEmbedded(dataDir?: string, lock?: DataLockOptions): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const release = dataDir ? await lockDataFolder(dataDir, lock ?? { onLost: (error) => { throw error; } }) : async () => undefined;
  const db = await PGlite.create(dataDir ? { dataDir: path.resolve(dataDir) } : {}).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  let closed = false;
  return {
    kind: "embedded",
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<R>(sql, params as unknown[])).rows;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async listen(channel, onPayload) {
      checkChannel(channel);
      const unsubscribe = await db.listen(channel, onPayload);
      return async () => {
        if (!closed) await unsubscribe();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}

export interface PostgresOptions {
  /** Use (and create) this schema instead of `public`: how tests share one database. */
  schema?: string;
  poolSize?: number;
  onError?: (error: Error) => void;
  /** The embedded database's folder lock: told when waiting for it and when it is lost. */
  lock?: DataLockOptions;
}

/** Connects to PostgreSQL (`postgres://…`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pg = await import("pg");
  const { schema } = options;
  if (schema !== undefined && !CHANNEL.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const connection = { connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  const report = options.onError ?? (() => undefined);
  pool.on("error", report);
  await pool.query("select 1");

  // One dedicated connection carries every LISTEN; it reconnects after a failure.
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let listener: InstanceType<typeof pg.Client> | undefined;
  let connecting: Promise<InstanceType<typeof pg.Client>> | undefined;
  let closed = false;
  const connectListener = (): Promise<InstanceType<typeof pg.Client>> => {
    if (listener) return Promise.resolve(listener);
    connecting ??= (async () => {
      const client = new pg.Client(connection);
      client.on("notification", (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
      });
      client.on("error", (error) => {
        report(error);
        listener = undefined;
        client.end().catch(() => undefined);
        if (!closed) setTimeout(() => void connectListener().catch(report), 1000).unref();
      });
      await client.connect();
      for (const channel of handlers.keys()) await client.query(`listen ${channel}`);
      listener = client;
      return client;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    kind: "postgres",
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as R[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as R[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async listen(channel, onPayload) {
      checkChannel(channel);
      let set = handlers.get(channel);
      const first = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(onPayload);
      const client = await connectListener();
      if (first && client === listener) await client.query(`listen ${channel}`).catch(() => undefined);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0) {
          handlers.delete(channel);
          await listener?.query(`unlisten ${channel}`).catch(() => undefined);
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/** `DATABASE_URL` when given (PostgreSQL), else the embedded database under `dataDir`. */
export function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string }, options: PostgresOptions = {}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, options) : openEmbedded(path.join(config.dataDir, "pglite"), options.lock);
}
