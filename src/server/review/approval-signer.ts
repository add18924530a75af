import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { approvalSigningInput, assembleApprovalToken, type ApprovalClaims } from "../../approval/token";

export interface SigningKey {
  /** Ed25519 public key, 64 hex characters: what the policy's `approvalKeys` publishes. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

function publicHexOf(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url").toString("hex");
}

/** A new Ed25519 key pair, the private half as PKCS#8 PEM (how it is stored). */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export function loadSigningKey(privateKeyPem: string): SigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("the approval signing key must be Ed25519");
  return { privateKey, publicKeyHex: publicHexOf(privateKey) };
}

/** Signs approval claims with Node's Ed25519; the add-in verifies with StableLib's pure-JS Ed25519. */
export function signApproval(key: SigningKey, claims: ApprovalClaims): string {
  const { payload, input } = approvalSigningInput(claims);
  return assembleApprovalToken(payload, new Uint8Array(sign(null, input, key.privateKey)));
}
