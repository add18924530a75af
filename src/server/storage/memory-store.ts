import type { StoredMemory } from "../../memory/correspondence";
import type { Queryable } from "./database";

/** The correspondence memory of each signed-in person (hashes only), one row per person. */
export class MemoryStore {
  constructor(private readonly db: Queryable) {}

  async get(owner: string): Promise<{ memory: StoredMemory; updatedAt: string } | undefined> {
    const rows = await this.db.query<{ value: StoredMemory; updated_at: Date | string }>("select value, updated_at from memories where owner = $1", [owner]);
    const row = rows[0];
    return row ? { memory: row.value, updatedAt: new Date(row.updated_at).toISOString() } : undefined;
  }

  async put(owner: string, memory: StoredMemory): Promise<void> {
    await this.db.query(
      "insert into memories (owner, value, updated_at) values ($1, $2, now()) on conflict (owner) do update set value = excluded.value, updated_at = now()",
      [owner, JSON.stringify(memory)],
    );
  }

  async remove(owner: string): Promise<void> {
    await this.db.query("delete from memories where owner = $1", [owner]);
  }
}
