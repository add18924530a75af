import { EventSource } from "eventsource";
import type { ReviewEvent } from "../../src/shared/review";

export interface EventReader {
  /** Resolves when the server has registered the stream (its `ready` event). */
  ready: Promise<void>;
  received: ReviewEvent[];
  /** The first event (already received or still to come) matching `predicate`; rejects after `timeoutMs`. */
  next(predicate: (event: ReviewEvent) => boolean, timeoutMs?: number): Promise<ReviewEvent>;
  close(): void;
}

/** Subscribes to /api/events with a bearer token, as the task pane and the reviewer page do. */
export function readEvents(url: string, token: string): EventReader {
  const received: ReviewEvent[] = [];
  const waiters: { predicate: (event: ReviewEvent) => boolean; resolve: (event: ReviewEvent) => void }[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${token}` } }),
  });
  const ready = new Promise<void>((resolve, reject) => {
    source.addEventListener("ready", () => resolve());
    source.addEventListener("error", (error) => reject(new Error(`event stream failed: ${error.message ?? "error"}`)), { once: true });
  });
  source.addEventListener("review", (message) => {
    const event = JSON.parse(message.data) as ReviewEvent;
    received.push(event);
    for (const waiter of waiters.splice(0)) {
      if (waiter.predicate(event)) waiter.resolve(event);
      else waiters.push(waiter);
    }
  });
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
    close: () => source.close(),
  };
}
