/** Bounds on what one attachment may cost to inspect; exceeding one makes the file `attachment-unscannable`. */
export interface InspectLimits {
  /** Bytes of the attachment itself. */
  maxBytes: number;
  /** Bytes after decompression, summed over every entry read (zip bombs). */
  maxDecompressedBytes: number;
  /** Entries in an archive. */
  maxEntries: number;
  /** Rows (lines) of text considered, per file. */
  maxRows: number;
  /** Wall-clock budget in milliseconds. */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: InspectLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRows: 200_000,
  timeBudgetMs: 2000,
};

export type UnscannableReason =
  | "too-large"
  /** More rows than `maxRows`: the first were read, the rest not (the file is named, not passed). */
  | "too-many-rows"
  | "too-many-entries"
  | "decompressed-too-large"
  | "time-budget"
  | "encrypted-zip"
  | "password-protected-office"
  | "legacy-office-format"
  | "pdf"
  | "unknown-encoding"
  | "no-text-decoder"
  | "corrupt"
  | "unsupported-format"
  | "nested-too-deep";

/** Thrown inside an inspector to stop with a reason; `inspect` turns it into a result, never an exception. */
export class Unscannable extends Error {
  constructor(
    readonly reason: UnscannableReason,
    readonly entry?: string | undefined,
  ) {
    super(reason);
  }
}

/** A clock the inspectors consult between units of work. */
export class Budget {
  private readonly deadline: number;
  decompressed = 0;
  constructor(
    readonly limits: InspectLimits,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.deadline = now() + limits.timeBudgetMs;
  }

  check(): void {
    if (this.now() > this.deadline) throw new Unscannable("time-budget");
  }

  addDecompressed(bytes: number, entry?: string): void {
    this.decompressed += bytes;
    if (this.decompressed > this.limits.maxDecompressedBytes) throw new Unscannable("decompressed-too-large", entry);
  }
}
