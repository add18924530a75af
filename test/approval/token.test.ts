import { decodeApprovalToken, verifyApprovalToken, type ApprovalClaims, type ApprovalExpectation } from "../../src/approval/token";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";

const key = loadSigningKey(generateSigningKeyPem());
const otherKey = loadSigningKey(generateSigningKeyPem());
const NOW = Date.parse("2026-11-21T10:00:00Z");
const FP = `sg2:${"ab".repeat(32)}`;

const claims: ApprovalClaims = {
  rid: "r_01",
  fp: FP,
  snd: "tanaka@mirai-shoji.co.jp",
  rev: "yamada@mirai-shoji.co.jp",
  rvn: "山田 花子",
  iat: NOW / 1000 - 60,
  exp: NOW / 1000 + 3600,
  cov: ["0123456789abcdef", "fedcba9876543210"],
};
const expected: ApprovalExpectation = { publicKeys: [key.publicKeyHex], fingerprint: FP, sender: "Tanaka@Mirai-Shoji.co.jp", nowMs: NOW };

function flipHexAt(token: string, index: number): string {
  const c = token[index] === "0" ? "1" : "0";
  return token.slice(0, index) + c + token.slice(index + 1);
}

describe("approval tokens", () => {
  const token = signApproval(key, claims);

  test("a token signed by the server verifies and keeps every claim, including a Japanese name", () => {
    expect(token).toMatch(/^sga1\.[0-9a-f]+\.[0-9a-f]{128}$/);
    expect(verifyApprovalToken(token, expected)).toEqual({ ok: true, claims });
  });

  test("the public key is 32 bytes of hex, as the policy publishes it", () => {
    expect(key.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(key.publicKeyHex).not.toBe(otherKey.publicKeyHex);
  });

  test.each<[string, Partial<ApprovalExpectation>, string]>([
    ["another message (different fingerprint)", { fingerprint: `sg2:${"cd".repeat(32)}` }, "fingerprint"],
    ["another sender", { sender: "suzuki@mirai-shoji.co.jp" }, "sender"],
    ["no sender known", { sender: undefined }, "sender"],
    ["expired (at the expiry second)", { nowMs: claims.exp * 1000 }, "expired"],
    ["a key that did not sign it", { publicKeys: [otherKey.publicKeyHex] }, "signature"],
    ["no published key", { publicKeys: [] }, "no-key"],
    ["only malformed keys", { publicKeys: ["xyz", "AB".repeat(32)] }, "no-key"],
  ])("refused: %s", (_name, change, reason) => {
    expect(verifyApprovalToken(token, { ...expected, ...change })).toEqual({ ok: false, reason });
  });

  test("key rotation: a token signed by an older key still verifies while that key is published", () => {
    expect(verifyApprovalToken(token, { ...expected, publicKeys: [otherKey.publicKeyHex, key.publicKeyHex] }).ok).toBe(true);
  });

  test("forged: claims re-signed by another key are refused", () => {
    const forged = signApproval(otherKey, { ...claims, rev: "tanaka@mirai-shoji.co.jp" });
    expect(verifyApprovalToken(forged, expected)).toEqual({ ok: false, reason: "signature" });
  });

  test("tampered: any changed payload or signature character is refused", () => {
    const [, payload = ""] = token.split(".");
    const payloadStart = 5;
    for (const index of [payloadStart, payloadStart + Math.floor(payload.length / 2), token.length - 1]) {
      const changed = flipHexAt(token, index);
      expect(verifyApprovalToken(changed, expected).ok).toBe(false);
    }
  });

  test("tampered: a later expiry copied into the payload breaks the signature", () => {
    const [, , signature] = token.split(".");
    const longer = signApproval(otherKey, { ...claims, exp: claims.exp + 86400 }).split(".")[1];
    expect(verifyApprovalToken(`sga1.${longer}.${signature}`, expected)).toEqual({ ok: false, reason: "signature" });
  });

  test.each([
    ["empty", ""],
    ["wrong version", token.replace(/^sga1/, "sga2")],
    ["two parts", token.split(".").slice(0, 2).join(".")],
    ["non-hex payload", "sga1.zz." + "0".repeat(128)],
    ["short signature", token.slice(0, -2)],
    ["payload not JSON", `sga1.${Buffer.from("not json").toString("hex")}.${"0".repeat(128)}`],
    ["payload missing claims", `sga1.${Buffer.from('{"rid":"x"}').toString("hex")}.${"0".repeat(128)}`],
    ["non-ASCII payload bytes", `sga1.${Buffer.from('{"rid":"é"}').toString("hex")}.${"0".repeat(128)}`],
    ["huge", "sga1." + "0".repeat(20000) + "." + "0".repeat(128)],
  ])("malformed: %s", (_name, text) => {
    expect(verifyApprovalToken(text, expected)).toEqual({ ok: false, reason: "malformed" });
    expect(decodeApprovalToken(text).ok).toBe(false);
  });

  test("a non-string token is malformed, not an exception", () => {
    expect(verifyApprovalToken(undefined as unknown as string, expected)).toEqual({ ok: false, reason: "malformed" });
  });
});
