import type { ServerResponse } from "node:http";
import type { ReviewEvent } from "../../api/contract";
import type { Database } from "../storage/database";
import { REVIEW_CHANNEL } from "../storage/review-store";

interface Subscriber {
  email: string;
  admin: boolean;
  response: ServerResponse;
}

/**
 * Server-Sent Events for review changes. Every instance LISTENs on the
 * database channel (PostgreSQL LISTEN/NOTIFY, or PGlite's in-process NOTIFY)
 * and forwards each change to its own connected senders, reviewers and admins,
 * so a decision taken on one instance reaches a sender connected to another.
 */
export class ReviewEventHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  async start(db: Database, heartbeatMs = 25_000): Promise<void> {
    this.unlisten = await db.listen(REVIEW_CHANNEL, (payload) => {
      let event: ReviewEvent;
      try {
        event = JSON.parse(payload) as ReviewEvent;
      } catch {
        return;
      }
      this.publish(event);
    });
    // Comments keep proxies from closing idle streams.
    this.heartbeat = setInterval(() => {
      for (const s of this.subscribers) s.response.write(": ping\n\n");
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  private publish(event: ReviewEvent): void {
    const frame = `event: review\nid: ${event.id}:${event.status}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const s of this.subscribers) {
      if (s.admin || s.email === event.sender || s.email === event.reviewer) s.response.write(frame);
    }
  }

  /** Takes over a response as an event stream for `email`; returns when it is registered. */
  attach(response: ServerResponse, email: string, admin: boolean): void {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ email })}\n\n`);
    const subscriber = { email, admin, response };
    this.subscribers.add(subscriber);
    response.on("close", () => this.subscribers.delete(subscriber));
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream (clients reconnect to another instance) and stops listening. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const s of this.subscribers) s.response.end();
    this.subscribers.clear();
    // The app stops the hub before closing, and the services again on their way down: unlisten once.
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
  }
}
