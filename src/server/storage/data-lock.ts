import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as lockfile from "proper-lockfile";

/**
 * One server per embedded database. PGlite keeps its data in a folder and, unlike a
 * PostgreSQL server, takes no lock on it: two processes on the same folder both start,
 * both acknowledge writes, and overwrite each other's files. So the server takes a lock
 * first: `proper-lockfile` creates `<folder>.lock` as a directory (atomic), refreshes its
 * modification time every few seconds while the server runs, and removes it on exit. A lock
 * whose time has not moved for STALE_MS belongs to a process that died without releasing it
 * (killed, power loss): it is taken over, so a restart after a crash waits a few seconds
 * and then starts. A second server on a folder in use waits the same time, then refuses to
 * start and names the process that holds it.
 */
export const STALE_MS = 10_000;
/** How long a starting server waits for a lock held by another process to become free or stale. */
export const WAIT_MS = STALE_MS + 3_000;
const POLL_MS = 500;

/** Another live process holds the lock. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | undefined,
  ) {
    const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : "another process";
    super(
      `the embedded database in ${folder} is in use by another Send Guard server (${who}). ` +
        "Two servers on one embedded database would overwrite each other's data: stop that server first, " +
        "give this one its own folder (SEND_GUARD_DATA), or use PostgreSQL (DATABASE_URL) to run several servers on one database.",
    );
    this.name = "DataFolderInUseError";
  }
}

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

function ownerFile(folder: string): string {
  return `${folder}.owner.json`;
}

function readOwner(folder: string): LockOwner | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(ownerFile(folder), "utf8")) as Partial<LockOwner>;
    return typeof value.pid === "number" && typeof value.host === "string" && typeof value.started === "string" ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

export interface DataLockOptions {
  waitMs?: number;
  /** Told once when the folder is locked by someone else and the server starts waiting. */
  onWait?: (owner: LockOwner | undefined) => void;
  /** The lock could not be kept (its folder vanished, or it was not refreshed in time): stop writing. */
  onLost: (error: Error) => void;
}

/**
 * Takes the lock on `folder` (the embedded database's folder), waiting up to `waitMs` for a
 * lock left by a process that died to go stale. Resolves to the release function.
 */
export async function lockDataFolder(folder: string, options: DataLockOptions): Promise<() => Promise<void>> {
  const target = path.resolve(folder);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: `${target}.lock`,
        stale: STALE_MS,
        retries: 0,
        onCompromised: options.onLost,
      });
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
      fs.writeFileSync(ownerFile(target), `${JSON.stringify(owner)}\n`);
      return async () => {
        fs.rmSync(ownerFile(target), { force: true });
        await release().catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      if (Date.now() >= deadline) throw new DataFolderInUseError(target, readOwner(target));
      if (!told) {
        told = true;
        options.onWait?.(readOwner(target));
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
