import type { ReviewEvent } from "../../src/api/contract";
import { ReviewApi } from "../../src/ui/review-api";

export interface EventReader {
  /** Resolves when the server has registered the stream (its `ready` event). */
  ready: Promise<void>;
  received: ReviewEvent[];
  /** The first event (already received or still to come) matching `predicate`; rejects after `timeoutMs`. */
  next(predicate: (event: ReviewEvent) => boolean, timeoutMs?: number): Promise<ReviewEvent>;
  close(): void;
}

/** Follows /api/events with a bearer token through the panes' own client (ReviewApi.subscribe). */
export function readEvents(base: string, token: string): EventReader {
  const received: ReviewEvent[] = [];
  const waiters: { predicate: (event: ReviewEvent) => boolean; resolve: (event: ReviewEvent) => void }[] = [];
  let opened: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  const stop = new ReviewApi(base, token).subscribe(
    (event) => {
      received.push(event);
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(event)) waiter.resolve(event);
        else waiters.push(waiter);
      }
    },
    opened,
    (message) => failed(new Error(`event stream failed: ${message}`)),
  );
  return {
    ready,
    received,
    next(predicate, timeoutMs = 2000) {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    close: stop,
  };
}
