import { randomBytes } from "node:crypto";
import { openEmbedded, openPostgres, type Database } from "../../src/server/storage/database";

/** The real PostgreSQL of the test machine (trust auth). Override with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface EngineUnderTest {
  name: "embedded" | "postgres";
  /** A fresh, empty database: in-memory PGlite, or a new schema in the PostgreSQL `test` database. */
  open(): Promise<Database & { schema?: string }>;
}

/** Creates schemas with a random name; `dropSchemas` removes the ones this process made. */
const schemas: string[] = [];

export const ENGINES: EngineUnderTest[] = [
  { name: "embedded", open: () => openEmbedded() },
  {
    name: "postgres",
    open: async () => {
      const schema = `sg_test_${randomBytes(6).toString("hex")}`;
      schemas.push(schema);
      const db = await openPostgres(TEST_DATABASE_URL, { schema, poolSize: 4 });
      return Object.assign(db, { schema });
    },
  },
];

export async function dropSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const db = await openPostgres(TEST_DATABASE_URL, { poolSize: 1 });
  try {
    for (const schema of schemas.splice(0)) await db.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await db.close();
  }
}
