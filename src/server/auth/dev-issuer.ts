import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { localIssuer, type IssuerSettings } from "./verifier";

export const DEV_ISSUER = "urn:send-guard:dev-sign-in";
export const DEV_AUDIENCE = "send-guard";

/**
 * Development sign-in: a token issuer inside the server whose key pair lives
 * only in memory. Its tokens go through the same validation as the real
 * provider's. The server offers it only on a loopback address and never in
 * production mode (see config.ts).
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    return new DevIssuer(privateKey, { ...(await exportJWK(publicKey)), kid: "dev-1", alg: "EdDSA" });
  }

  settings(): IssuerSettings {
    return localIssuer(DEV_ISSUER, DEV_AUDIENCE, [this.publicJwk]);
  }

  issue(email: string, name: string | undefined, lifetimeSeconds = 8 * 3600): Promise<string> {
    return new SignJWT({ preferred_username: email, ...(name ? { name } : {}) })
      .setProtectedHeader({ alg: "EdDSA", kid: "dev-1" })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(`dev:${email}`)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}
