/**
 * `npm ci` installs exactly package-lock.json and refuses a lockfile that lacks a package some
 * platform needs: every optional dependency (the per-platform native builds of @swc/core,
 * @parcel/watcher, @unrs/resolver-binding, ...) must be listed, not only this machine's.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

const ROOT = path.resolve(__dirname, "../..");
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** Where npm would resolve `name` from the package at `from` (node_modules lookup, innermost first). */
function resolveFrom(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  test("is a v3 lockfile whose root lists exactly package.json's dependencies", () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[""] as LockEntry & { devDependencies?: Record<string, string> };
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  });

  test("every optional dependency of every package is listed, for every platform (npm ci refuses the lockfile otherwise)", () => {
    const missing: string[] = [];
    let optional = 0;
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        optional += 1;
        if (!resolveFrom(at, name)) missing.push(`${at || "(root)"} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // The native builds for other systems are there, not only Linux x64.
    const platforms = Object.values(lock.packages).flatMap((e) => e.os ?? []);
    expect(platforms).toEqual(expect.arrayContaining(["darwin", "win32", "linux"]));
    expect(optional).toBeGreaterThan(20);
  });

  test("every regular dependency resolves to a listed package", () => {
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.dependencies ?? {})) if (!resolveFrom(at, name)) missing.push(`${at || "(root)"} -> ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
