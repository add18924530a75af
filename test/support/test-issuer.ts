import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

/**
 * A local OpenID Connect issuer for tests: discovery document and JWKS over
 * real HTTP on 127.0.0.1, RS256 keys generated here, rotation on demand.
 */
export class TestIssuer {
  jwksRequests = 0;
  private keys: { kid: string; privateKey: CryptoKey; publicJwk: JWK }[] = [];
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const holder: { issuer?: TestIssuer } = {};
    const server = http.createServer((request, response) => {
      const issuer = holder.issuer;
      if (!issuer) {
        response.end();
        return;
      }
      if (request.url === "/.well-known/openid-configuration") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ issuer: issuer.url, jwks_uri: `${issuer.url}/keys` }));
      } else if (request.url === "/keys") {
        issuer.jwksRequests++;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ keys: issuer.keys.map((k) => k.publicJwk) }));
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const issuer = new TestIssuer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    holder.issuer = issuer;
    await issuer.rotate();
    return issuer;
  }

  /** Publishes a new signing key; `keepOld` keeps the previous one in the JWKS too. */
  async rotate(keepOld = false): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const kid = `key-${this.keys.length + 1}-${Date.now()}`;
    const entry = { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
    this.keys = keepOld ? [...this.keys, entry] : [entry];
    return kid;
  }

  get currentKid(): string {
    return (this.keys[this.keys.length - 1] as { kid: string }).kid;
  }

  /** A signed token; claims default to a valid one for `audience`. */
  async token(claims: JWTPayload & { aud?: string }, options: { kid?: string; privateKey?: CryptoKey; expiresIn?: string | number } = {}) {
    const key = this.keys.find((k) => k.kid === (options.kid ?? this.currentKid));
    const jwt = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "RS256", kid: options.kid ?? this.currentKid })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "1h");
    if (!("iss" in claims)) jwt.setIssuer(this.url);
    return jwt.sign(options.privateKey ?? (key as { privateKey: CryptoKey }).privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
