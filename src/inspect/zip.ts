import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { unzipRaw } from "unzipit";
import { Unscannable, type Budget } from "./limits";

export interface ZipContents {
  /** Every entry name, in archive order. */
  names: string[];
  /** The entries that were asked for and read. */
  files: Map<string, Uint8Array>;
  /** Entries that could not be read: encrypted (PPAP), or damaged. */
  failed: Map<string, "encrypted" | "corrupt">;
}

/**
 * Reads a ZIP archive in two steps, each with a library made for it: unzipit
 * reads the central directory (names, declared sizes, the "encrypted" flag of
 * ZipCrypto and AES entries alike); fflate's streaming inflater then inflates
 * only the wanted, unencrypted entries, counting every byte against the budget
 * as it comes out, so a zip bomb stops at the limit whatever sizes it declares.
 */
export async function readZip(bytes: Uint8Array, budget: Budget, want: (name: string) => boolean): Promise<ZipContents> {
  let directory: Awaited<ReturnType<typeof unzipRaw>>;
  try {
    directory = await unzipRaw(bytes.slice().buffer);
  } catch {
    throw new Unscannable("corrupt");
  }
  const entries = directory.entries.filter((entry) => !entry.isDirectory);
  if (entries.length > budget.limits.maxEntries) throw new Unscannable("too-many-entries");
  const names = entries.map((entry) => entry.name);
  const failed = new Map<string, "encrypted" | "corrupt">();
  const wanted = new Set<string>();
  for (const entry of entries) {
    if (!want(entry.name)) continue;
    if (entry.encrypted) failed.set(entry.name, "encrypted");
    else wanted.add(entry.name);
  }
  const declared = entries.filter((e) => wanted.has(e.name)).reduce((sum, e) => sum + e.size, 0);
  if (declared > budget.limits.maxDecompressedBytes - budget.decompressed) throw new Unscannable("decompressed-too-large");

  const files = new Map<string, Uint8Array>();
  let stop: Unscannable | undefined;
  const unzip = new Unzip((file) => {
    if (stop || !wanted.has(file.name) || files.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (stop || failed.has(file.name)) return;
      if (error) {
        failed.set(file.name, "corrupt");
        return;
      }
      try {
        budget.addDecompressed(chunk.length, file.name);
        budget.check();
      } catch (limit) {
        stop = limit as Unscannable;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      if (!final) return;
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      files.set(file.name, out);
    };
    try {
      file.start();
    } catch {
      failed.set(file.name, "corrupt");
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof Unscannable) throw error;
    if (!stop) for (const name of wanted) if (!files.has(name) && !failed.has(name)) failed.set(name, "corrupt");
  }
  if (stop) throw stop;
  for (const name of wanted) if (!files.has(name) && !failed.has(name)) failed.set(name, "corrupt");
  return { names, files, failed };
}
