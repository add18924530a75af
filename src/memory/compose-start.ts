import { COMPOSE_TYPES, type ComposeStart, type ComposeType } from "../shared/types";
import { parseJsonObject } from "../util/json";

/**
 * The compose-start record on the item (sessionData `sendguard.compose`), as JSON text:
 * `{"v":1,"type":"reply","to":["a@example.jp"],"cc":["b@example.jp"]}`.
 *
 * It can only ever make a verdict milder (outside people who had already seen each other),
 * so anything that is not exactly this shape is ignored and the message is judged on its own.
 */
export const COMPOSE_RECORD_VERSION = 1;

/** A reply-all can carry many participants; beyond this the record is not kept (sessionData is 50,000 characters before Mailbox 1.16). */
export const MAX_RECORDED_ADDRESSES = 500;

const TYPES = new Set<string>(COMPOSE_TYPES);

export function serializeComposeStart(start: ComposeStart): string | undefined {
  if (start.to.length + start.cc.length > MAX_RECORDED_ADDRESSES) return undefined;
  return JSON.stringify({ v: COMPOSE_RECORD_VERSION, type: start.type, to: start.to, cc: start.cc });
}

const addressList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length <= MAX_RECORDED_ADDRESSES && value.every((a) => typeof a === "string" && a.length <= 320) ? (value as string[]) : undefined;

/** The record, or undefined when there is none or it is not one of ours. */
export function parseComposeStart(text: string | undefined): ComposeStart | undefined {
  if (!text) return undefined;
  const v = parseJsonObject(text);
  if (!v) return undefined;
  if (v.v !== COMPOSE_RECORD_VERSION || typeof v.type !== "string" || !TYPES.has(v.type)) return undefined;
  const to = addressList(v.to);
  const cc = addressList(v.cc);
  if (!to || !cc || to.length + cc.length > MAX_RECORDED_ADDRESSES) return undefined;
  return { type: v.type as ComposeType, to, cc };
}
