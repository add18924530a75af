import type { FastifyInstance } from "fastify";

/** Host names that are this machine. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The host part of a Host header (`127.0.0.1:3000`, `[::1]:3000`, `localhost`), lower-case. */
function hostOf(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  const colon = value.lastIndexOf(":");
  return colon >= 0 ? value.slice(0, colon) : value;
}

export function isLoopbackHost(header: string | undefined): boolean {
  return header !== undefined && LOOPBACK_HOSTS.has(hostOf(header));
}

export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Routes any origin may call (CORS open): the send handler's report, whose proof is the approval token. */
const OPEN_ROUTES = /^\/api\/reviews\/[^/]+\/sent(\?|$)/;

/**
 * With development sign-in on, anyone who can reach the server can be anyone, so it must
 * serve only this machine's own pages. Binding to 127.0.0.1 is not enough: a web page on
 * another site can make its own name resolve to 127.0.0.1 (DNS rebinding) and then call
 * the API as a same-origin page. Such requests carry that site's name in `Host`, and
 * cross-site calls carry it in `Origin`; both are refused with 403. The send handler's
 * report (`/api/reviews/:id/sent`, open to any origin, the approval token is its proof) is
 * exempt from the Origin check only.
 */
export function guardLoopback(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    const host = request.headers.host;
    const origin = request.headers.origin;
    let refused: string | undefined;
    if (!isLoopbackHost(host)) refused = `Host ${host ?? "(none)"}`;
    else if (origin !== undefined && !isLoopbackOrigin(origin) && !OPEN_ROUTES.test(request.url)) refused = `Origin ${origin}`;
    if (refused === undefined) return;
    await reply.code(403).send({
      error: "not-loopback",
      message: `development sign-in serves only pages of this machine (127.0.0.1, localhost, ::1); a request with ${refused} is refused`,
    });
  });
}
