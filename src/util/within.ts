export class DeadlineReached extends Error {}

/**
 * The promise's value, or a DeadlineReached rejection when `ms` pass first (a callback that
 * never comes, a server or chunk that never answers). Without timers, the promise as it is.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms) || typeof setTimeout !== "function") return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineReached()), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
