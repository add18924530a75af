import { decode as hexToBytes } from "@stablelib/hex";
import { verify as verifyEd25519 } from "@stablelib/ed25519";
import { sameAddress } from "../policy/address";
import { bytesToHex } from "../policy/fingerprint";
import { MAX_TOKEN_LENGTH } from "../api/contract";

/**
 * Approval tokens: `sga1.<payload hex>.<signature hex>`.
 *
 * The payload is ASCII-only JSON (non-ASCII escaped as \uXXXX) naming the review,
 * the message fingerprint, sender, reviewer and expiry; the signature is Ed25519
 * over `sga1.<payload hex>`. The server signs; the send handler verifies offline
 * in classic Outlook's JavaScript-only runtime, which promises neither WebCrypto,
 * TextEncoder, atob nor BigInt: hence hex, ASCII JSON and StableLib's pure-JS
 * Ed25519 (typed-array arithmetic, no BigInt; only `verify` is bundled, about 6 KB gzip).
 */
export const APPROVAL_TOKEN_VERSION = "sga1";

export interface ApprovalClaims {
  /** Review id. */
  rid: string;
  /** Fingerprint of the approved message (`sg2:<hex>`). */
  fp: string;
  /** Sender address (lower-case key). */
  snd: string;
  /** Reviewer address (lower-case key). */
  rev: string;
  /** Reviewer display name, when known. */
  rvn?: string | undefined;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
  /**
   * What the reviewer saw and acknowledged: one digest per flagged item (./coverage).
   * A finding at Send whose digest is not here is not lifted by this approval.
   */
  cov: string[];
}

export type ApprovalFailure = "malformed" | "no-key" | "signature" | "fingerprint" | "expired" | "sender";

export type ApprovalCheck = { ok: true; claims: ApprovalClaims } | { ok: false; reason: ApprovalFailure };

export interface ApprovalExpectation {
  /** Ed25519 public keys (64 hex characters each) from the policy's `approvalKeys`. */
  publicKeys: readonly string[];
  /** The current message's fingerprint. */
  fingerprint: string;
  /** The current sender's address. */
  sender: string | undefined;
  nowMs: number;
}

const HEX = /^(?:[0-9a-f]{2})+$/;
const DIGEST = /^[0-9a-f]{16}$/;
/** At most this many flagged items can be approved in one review (the token must fit the item's sessionData). */
export const MAX_APPROVAL_ITEMS = 200;
export { MAX_TOKEN_LENGTH };

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  return bytes;
}

function asciiText(bytes: Uint8Array): string | undefined {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte > 0x7e || byte < 0x20) return undefined;
    out += String.fromCharCode(byte);
  }
  return out;
}

/** The payload part and the exact bytes that are signed. */
export function approvalSigningInput(claims: ApprovalClaims): { payload: string; input: Uint8Array } {
  const payload = bytesToHex(asciiBytes(asciiJson(claims)));
  return { payload, input: asciiBytes(`${APPROVAL_TOKEN_VERSION}.${payload}`) };
}

export function assembleApprovalToken(payload: string, signature: Uint8Array): string {
  return `${APPROVAL_TOKEN_VERSION}.${payload}.${bytesToHex(signature)}`;
}

function isClaims(value: unknown): value is ApprovalClaims {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => typeof x === "string" && x.length > 0 && x.length <= 400;
  return (
    text(v.rid) && text(v.fp) && text(v.snd) && text(v.rev) &&
    (v.rvn === undefined || typeof v.rvn === "string") &&
    typeof v.iat === "number" && Number.isFinite(v.iat) &&
    typeof v.exp === "number" && Number.isFinite(v.exp) &&
    Array.isArray(v.cov) && v.cov.length <= MAX_APPROVAL_ITEMS && v.cov.every((d) => typeof d === "string" && DIGEST.test(d))
  );
}

/** Splits and decodes a token without checking its signature. */
export function decodeApprovalToken(
  token: string,
): { ok: true; claims: ApprovalClaims; input: Uint8Array; signature: Uint8Array } | { ok: false } {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false };
  const parts = token.trim().split(".");
  if (parts.length !== 3 || parts[0] !== APPROVAL_TOKEN_VERSION) return { ok: false };
  const [, payload = "", signatureHex = ""] = parts;
  if (!HEX.test(payload) || !HEX.test(signatureHex) || signatureHex.length !== 128) return { ok: false };
  const json = asciiText(hexToBytes(payload));
  if (json === undefined) return { ok: false };
  let claims: unknown;
  try {
    claims = JSON.parse(json);
  } catch {
    return { ok: false };
  }
  if (!isClaims(claims)) return { ok: false };
  return { ok: true, claims, input: asciiBytes(`${APPROVAL_TOKEN_VERSION}.${payload}`), signature: hexToBytes(signatureHex) };
}

/**
 * Verifies an approval token against the current message: a valid Ed25519
 * signature by one of the published keys, the same fingerprint, the same
 * sender, and not expired. Never throws.
 */
export function verifyApprovalToken(token: string, expected: ApprovalExpectation): ApprovalCheck {
  const decoded = decodeApprovalToken(token);
  if (!decoded.ok) return { ok: false, reason: "malformed" };
  const keys = expected.publicKeys.filter((key) => HEX.test(key) && key.length === 64);
  if (keys.length === 0) return { ok: false, reason: "no-key" };
  const signed = keys.some((key) => {
    try {
      return verifyEd25519(hexToBytes(key), decoded.input, decoded.signature);
    } catch {
      return false;
    }
  });
  if (!signed) return { ok: false, reason: "signature" };
  const { claims } = decoded;
  if (claims.fp !== expected.fingerprint) return { ok: false, reason: "fingerprint" };
  if (!sameAddress(claims.snd, expected.sender)) return { ok: false, reason: "sender" };
  if (claims.exp * 1000 <= expected.nowMs) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
