import { generateKeyPair, SignJWT } from "jose";
import { DevIssuer, DEV_AUDIENCE, DEV_ISSUER } from "../../../src/server/auth/dev-issuer";
import { AuthError, oidcIssuer, TokenVerifier } from "../../../src/server/auth/verifier";
import { TestIssuer } from "../../support/test-issuer";

const AUDIENCE = "api://send-guard";
const TENANT = "0f5a1c3e-0000-4000-8000-00000000abcd";
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await TestIssuer.start();
});
afterAll(() => issuer.close());

const valid = () => ({ aud: AUDIENCE, sub: "user-1", tid: TENANT, preferred_username: "Yamada@Mirai-Shoji.co.jp", name: "山田 花子" });

function verifier(change: Partial<Parameters<typeof oidcIssuer>[0]> = {}) {
  return new TokenVerifier([oidcIssuer({ issuer: issuer.url, audience: AUDIENCE, tenants: [TENANT], cooldownMs: 0, ...change })]);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
  throw new Error("the token was accepted");
}

describe("bearer tokens from an OpenID Connect provider", () => {
  test("a valid token names the person by a normalised address, with name, subject and tenant", async () => {
    await expect(verifier().verify(await issuer.token(valid()))).resolves.toEqual({
      email: "yamada@mirai-shoji.co.jp",
      name: "山田 花子",
      subject: "user-1",
      tenant: TENANT,
      issuer: issuer.url,
    });
  });

  test("the person is named by the verified claims: preferred_username, then upn, and never an unverified email", async () => {
    const v = verifier();
    const named = async (claims: Record<string, unknown>) => (await v.verify(await issuer.token({ aud: AUDIENCE, sub: "u", tid: TENANT, ...claims }))).email;
    expect(await named({ preferred_username: "yamada@mirai-shoji.co.jp", email: "kacho@mirai-shoji.co.jp" })).toBe("yamada@mirai-shoji.co.jp");
    expect(await named({ upn: "yamada@mirai-shoji.co.jp", email: "kacho@mirai-shoji.co.jp" })).toBe("yamada@mirai-shoji.co.jp");
    expect(await named({ preferred_username: "yamada", upn: "yamada@mirai-shoji.co.jp" })).toBe("yamada@mirai-shoji.co.jp");
    // A provider that vouches for the address (OpenID Connect email_verified):
    expect(await named({ email: "Sato@Mirai-Shoji.co.jp", email_verified: true })).toBe("sato@mirai-shoji.co.jp");
  });

  test("the JWKS is discovered once and cached across requests", async () => {
    const v = verifier();
    const before = issuer.jwksRequests;
    for (let i = 0; i < 5; i++) await v.verify(await issuer.token(valid()));
    expect(issuer.jwksRequests - before).toBe(1);
  });

  test("key rotation: a token signed with a newly published key is accepted without a restart", async () => {
    const v = verifier();
    await v.verify(await issuer.token(valid()));
    await issuer.rotate();
    await expect(v.verify(await issuer.token(valid()))).resolves.toMatchObject({ email: "yamada@mirai-shoji.co.jp" });
  });

  test.each<[string, () => Promise<string>, string]>([
    ["no token", async () => "", "missing-token"],
    ["not a JWT", async () => "abc.def", "invalid-token"],
    ["another audience", () => issuer.token({ ...valid(), aud: "api://other" }), "invalid-token"],
    ["another issuer", () => issuer.token({ ...valid(), iss: "https://evil.example" }), "unknown-issuer"],
    ["expired", () => issuer.token(valid(), { expiresIn: Math.floor(Date.now() / 1000) - 120 }), "expired-token"],
    ["a tenant not allowed", () => issuer.token({ ...valid(), tid: "11111111-2222-3333-4444-555555555555" }), "wrong-tenant"],
    ["no tenant", () => issuer.token({ aud: AUDIENCE, sub: "u", preferred_username: "a@mirai-shoji.co.jp" }), "wrong-tenant"],
    ["no address claim", () => issuer.token({ aud: AUDIENCE, sub: "u", tid: TENANT, name: "名前だけ" }), "no-email"],
    ["an address claim that is not an address", () => issuer.token({ ...valid(), preferred_username: "yamada" }), "no-email"],
    ["only an email claim, not verified (Entra's email is not: nOAuth)", () => issuer.token({ aud: AUDIENCE, sub: "u", tid: TENANT, email: "kacho@mirai-shoji.co.jp" }), "no-email"],
    ["an email claim with email_verified false", () => issuer.token({ aud: AUDIENCE, sub: "u", tid: TENANT, email: "kacho@mirai-shoji.co.jp", email_verified: false }), "no-email"],
    ["a name the database cannot store (NUL)", () => issuer.token({ ...valid(), name: "山田\u0000" }), "invalid-token"],
  ])("refused: %s", async (_name, makeToken, code) => {
    expect(await refusal(verifier().verify(await makeToken()))).toBe(code);
  });

  test("refused: signed by a key the issuer never published (forged)", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await issuer.token(valid(), { privateKey });
    expect(await refusal(verifier().verify(forged))).toBe("invalid-token");
  });

  test("refused: payload edited after signing", async () => {
    const [header, , signature] = (await issuer.token(valid())).split(".");
    const payload = Buffer.from(JSON.stringify({ ...valid(), preferred_username: "boss@mirai-shoji.co.jp", iss: issuer.url, exp: 9999999999 })).toString("base64url");
    expect(await refusal(verifier().verify(`${header}.${payload}.${signature}`))).toBe("invalid-token");
  });

  test("refused: alg none, and HS256 keyed with public material (algorithm confusion)", async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = { ...valid(), iss: issuer.url, exp: Math.floor(Date.now() / 1000) + 600 };
    expect(await refusal(verifier().verify(`${b64({ alg: "none" })}.${b64(claims)}.`))).toBe("invalid-token");
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: issuer.currentKid }).sign(new TextEncoder().encode("public"));
    expect(await refusal(verifier().verify(hs))).toBe("invalid-token");
  });

  test("Entra-style multi-tenant issuer: {tenantid} is filled from the token and the tenant list applies", async () => {
    const template = `${issuer.url}/{tenantid}/v2.0`;
    const v = verifier({ issuer: template, jwksUri: `${issuer.url}/keys` });
    const token = await issuer.token({ ...valid(), iss: `${issuer.url}/${TENANT}/v2.0` });
    await expect(v.verify(token)).resolves.toMatchObject({ tenant: TENANT });
    const otherTenant = "22222222-2222-4222-8222-222222222222";
    expect(await refusal(v.verify(await issuer.token({ ...valid(), tid: otherTenant, iss: `${issuer.url}/${otherTenant}/v2.0` })))).toBe("wrong-tenant");
    expect(await refusal(v.verify(await issuer.token({ ...valid(), iss: `${issuer.url}/${otherTenant}/v2.0` })))).toBe("unknown-issuer");
  });

  test("an unreachable provider refuses the token and is asked again next time", async () => {
    const v = new TokenVerifier([oidcIssuer({ issuer: issuer.url, audience: AUDIENCE, tenants: [], discoveryUrl: "http://127.0.0.1:9/none" })]);
    expect(await refusal(v.verify(await issuer.token(valid())))).toBe("invalid-token");
  });
});

describe("development sign-in tokens", () => {
  test("go through the same validation and name the chosen demo user", async () => {
    const dev = await DevIssuer.create();
    const v = new TokenVerifier([dev.settings()]);
    await expect(v.verify(await dev.issue("kacho@mirai-shoji.co.jp", "山田 課長"))).resolves.toMatchObject({
      email: "kacho@mirai-shoji.co.jp",
      name: "山田 課長",
      issuer: DEV_ISSUER,
    });
  });

  test("a token from another server's development issuer is refused", async () => {
    const mine = await DevIssuer.create();
    const theirs = await DevIssuer.create();
    expect(await refusal(new TokenVerifier([mine.settings()]).verify(await theirs.issue("a@mirai-shoji.co.jp", undefined)))).toBe("invalid-token");
    expect(DEV_AUDIENCE).toBe("send-guard");
  });
});
