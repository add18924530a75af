import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { parseAddress } from "../../policy/address";
import { isStorableText } from "../storable-text";

/** Who is calling, from a validated bearer token. */
export interface Identity {
  /** Address key (lower-case, punycode domain): how reviews name people. */
  email: string;
  name?: string | undefined;
  subject: string;
  tenant?: string | undefined;
  issuer: string;
}

export class AuthError extends Error {
  constructor(
    readonly code: "missing-token" | "invalid-token" | "expired-token" | "wrong-tenant" | "no-email" | "unknown-issuer",
    message: string,
  ) {
    super(message);
  }
}

export interface IssuerSettings {
  /** Expected `iss`. May contain `{tenantid}` (Microsoft Entra ID multi-tenant), filled from the token's `tid`. */
  issuer: string;
  audience: string;
  /** Tenant ids (`tid`) allowed to call; empty allows any tenant the issuer signs for. */
  tenants: readonly string[];
  keys: JWTVerifyGetKey;
  /** Accepted signature algorithms: never `none`, never a symmetric one for a public issuer. */
  algorithms: string[];
}

export const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

const TENANT_PLACEHOLDER = "{tenantid}";

function issuerMatches(template: string, iss: string | undefined, tid: string | undefined): boolean {
  if (!iss) return false;
  if (!template.includes(TENANT_PLACEHOLDER)) return iss === template;
  return tid !== undefined && /^[0-9a-zA-Z-]{1,64}$/.test(tid) && iss === template.replace(TENANT_PLACEHOLDER, tid);
}

/**
 * The address that names the person, from claims the provider vouches for:
 * - `preferred_username`, then `upn`: in Microsoft Entra ID the user principal name, set by
 *   the tenant's administrators and only at domains the tenant has verified;
 * - `email` only with `email_verified: true` (OpenID Connect Core, section 5.1). Entra's
 *   `email` claim is not verified: a user or the administrator of another tenant can put any
 *   address there (the "nOAuth" class of account takeovers), so without that flag it is
 *   never used to decide who someone is.
 */
export const ADDRESS_CLAIMS = ["preferred_username", "upn", "email (with email_verified)"] as const;

function emailOf(payload: JWTPayload): string | undefined {
  const candidates = [payload.preferred_username, payload.upn, payload.email_verified === true ? payload.email : undefined];
  for (const value of candidates) {
    if (typeof value !== "string") continue;
    const parsed = parseAddress(value);
    if (parsed.ok) return parsed.key;
  }
  return undefined;
}

/**
 * Validates bearer tokens from one or more issuers: signature against the
 * issuer's keys (JWKS), `iss`, `aud`, `exp`/`nbf` (60 s clock tolerance),
 * the tenant, and an email-like claim naming the person.
 */
export class TokenVerifier {
  constructor(private readonly issuers: readonly IssuerSettings[]) {}

  private issuerFor(payload: JWTPayload): IssuerSettings | undefined {
    const tid = typeof payload.tid === "string" ? payload.tid : undefined;
    return this.issuers.find((settings) => issuerMatches(settings.issuer, payload.iss, tid));
  }

  async verify(token: string | undefined): Promise<Identity> {
    if (!token) throw new AuthError("missing-token", "sign in first: this request needs a bearer token");
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new AuthError("invalid-token", "the bearer token is not a JWT");
    }
    const settings = this.issuerFor(unverified);
    if (!settings) throw new AuthError("unknown-issuer", "the token was issued by an issuer this server does not trust");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, settings.keys, {
        audience: settings.audience,
        algorithms: settings.algorithms,
        clockTolerance: 60,
        requiredClaims: ["exp", "iss", "sub"],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthError("expired-token", "the token has expired: sign in again");
      throw new AuthError("invalid-token", `the token was refused: ${(error as Error).message}`);
    }
    const tid = typeof payload.tid === "string" ? payload.tid : undefined;
    // Checked again on the verified payload: the unverified one only chose the keys.
    if (!issuerMatches(settings.issuer, payload.iss, tid)) throw new AuthError("unknown-issuer", "the token's issuer does not match");
    if (settings.tenants.length > 0 && (!tid || !settings.tenants.includes(tid))) {
      throw new AuthError("wrong-tenant", "the token comes from a tenant this server does not serve");
    }
    const email = emailOf(payload);
    if (!email) throw new AuthError("no-email", "the token names no address this server trusts (preferred_username, upn, or email with email_verified)");
    const name = typeof payload.name === "string" && payload.name.trim() ? payload.name.trim() : undefined;
    // Names are stored with every request and decision: a name the database cannot hold is refused here, not as a 500 later.
    if (name !== undefined && !isStorableText(name)) throw new AuthError("invalid-token", "the token's name claim contains characters that cannot be stored");
    return {
      email,
      name,
      subject: String(payload.sub),
      tenant: tid,
      issuer: String(payload.iss),
    };
  }
}

export interface OidcSettings {
  issuer: string;
  audience: string;
  tenants: readonly string[];
  /** Where the JWKS is; discovered from the issuer's (or `discoveryUrl`'s) openid-configuration when absent. */
  jwksUri?: string | undefined;
  discoveryUrl?: string | undefined;
  /** How long an unknown `kid` waits before the JWKS is fetched again (key rotation); default 30 s. */
  cooldownMs?: number | undefined;
}

async function discoverJwksUri(settings: OidcSettings): Promise<string> {
  const url = settings.discoveryUrl ?? `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  if (url.includes(TENANT_PLACEHOLDER)) throw new Error("OIDC_DISCOVERY_URL or OIDC_JWKS_URI is needed when OIDC_ISSUER contains {tenantid}");
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OpenID configuration ${url} answered ${response.status}`);
  const body = (await response.json()) as { jwks_uri?: unknown };
  if (typeof body.jwks_uri !== "string") throw new Error(`OpenID configuration ${url} has no jwks_uri`);
  return body.jwks_uri;
}

/** Issuer settings for an OpenID Connect provider; its JWKS is fetched lazily, cached and re-fetched on rotation. */
export function oidcIssuer(settings: OidcSettings): IssuerSettings {
  let remote: Promise<JWTVerifyGetKey> | undefined;
  const load = () => {
    remote ??= (settings.jwksUri ? Promise.resolve(settings.jwksUri) : discoverJwksUri(settings)).then((uri) =>
      createRemoteJWKSet(new URL(uri), { cooldownDuration: settings.cooldownMs ?? 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 }),
    );
    // A failed discovery is retried on the next request instead of being cached.
    remote.catch(() => {
      remote = undefined;
    });
    return remote;
  };
  return {
    issuer: settings.issuer,
    audience: settings.audience,
    tenants: settings.tenants,
    algorithms: ASYMMETRIC_ALGORITHMS,
    keys: async (header, token) => (await load())(header, token),
  };
}

/** Issuer settings for a fixed set of public keys (the development issuer). */
export function localIssuer(issuer: string, audience: string, keys: JWK[]): IssuerSettings {
  return { issuer, audience, tenants: [], algorithms: ASYMMETRIC_ALGORITHMS, keys: createLocalJWKSet({ keys }) };
}
