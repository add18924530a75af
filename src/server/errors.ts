import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../api/error";
import type { ApiErrorBody } from "../api/contract";
import { AuthError } from "./auth/verifier";

function send(reply: FastifyReply, status: number, body: ApiErrorBody): FastifyReply {
  return reply.code(status).send(body);
}

/**
 * Every error the app answers, as `{ error, message, details? }`: refusals the API raised
 * (ApiError) with their status, bad tokens as 401 with a WWW-Authenticate header, fastify's
 * own 4xx (a body too large, not JSON) as themselves, and anything else as a 500 that says
 * nothing was changed — logged, never shown.
 */
export function answerError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return send(reply, error.status, { error: error.code, message: error.message, details: error.details });
  if (error instanceof AuthError) {
    reply.header("WWW-Authenticate", `Bearer error="invalid_token", error_description="${error.code}"`);
    return send(reply, 401, { error: error.code, message: error.message });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) return send(reply, 413, { error: "too-large", message: "the request body is too large" });
  if (status && status >= 400 && status < 500) return send(reply, status, { error: "bad-request", message: error.message });
  request.log.error(error);
  return send(reply, 500, { error: "internal", message: "the server failed; nothing was changed by this request unless it said so" });
}
