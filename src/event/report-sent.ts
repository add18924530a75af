/**
 * Tells the review server that an approved message is being sent, for the
 * audit trail. Best effort and never awaited: Send must not wait for the
 * network. The approval token is the proof; no user token is needed.
 */
export function reportApprovedSend(origin: string, reviewId: string, token: string | undefined): void {
  if (typeof fetch !== "function" || token === undefined) return;
  try {
    // Classic Outlook's JavaScript-only runtime supports only absolute URLs.
    fetch(`${origin.replace(/\/+$/, "")}/api/reviews/${encodeURIComponent(reviewId)}/sent`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token }),
      credentials: "omit",
      keepalive: true,
    }).catch(() => undefined);
  } catch {
    // A runtime without a working fetch loses only the audit line, never the send.
  }
}
