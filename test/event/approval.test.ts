import { createOnMessageSend } from "../../src/event/on-message-send";
import { APPROVAL_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import type { ApprovalClaims } from "../../src/approval/token";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, SENDER, type FakeItemSpec } from "../support/fake-office";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const serverKey = loadSigningKey(generateSigningKeyPem());
const attackerKey = loadSigningKey(generateSigningKeyPem());
const hex = (text: string) => Buffer.from(text).toString("hex");
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

const policyText = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...ORG_POLICY_FILE, approvalKeys: [serverKey.publicKeyHex], ...extra });

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(() => Promise.resolve({ ok: true, text: () => Promise.resolve("") }));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** One Send of `spec`, with the given session data on the item; returns the completion options. */
async function send(spec: FakeItemSpec, sessionData: Record<string, string>) {
  const fake = createFakeOffice({ ...spec, sessionData: { [POLICY_SESSION_KEY]: policyText(), ...sessionData } });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 500, policyFetchMs: 50 });
  const { event, completions, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  const options = await first;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(completions).toHaveLength(1);
  return options;
}

function context(options: Record<string, unknown>) {
  return JSON.parse(options.contextData as string) as { verdict: string; fingerprint: string; approval?: string };
}

const guardians: FakeItemSpec = {
  to: people(["jimu@mirai-shoji.co.jp"]),
  cc: people(addresses(12, CARRIER_DOMAINS)),
  subject: "保護者会のお知らせ",
  attachments: [{ name: "案内.pdf", size: 120_000 }],
};

function claimsFor(fingerprint: string, change: Partial<ApprovalClaims> = {}): ApprovalClaims {
  const now = Math.floor(Date.now() / 1000);
  return { rid: "rv_1", fp: fingerprint, snd: SENDER, rev: "kacho@mirai-shoji.co.jp", rvn: "山田 課長", iat: now, exp: now + 3600, ...change };
}

describe("an approval on the item at Send", () => {
  let fingerprint: string;
  beforeAll(async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new Error("offline")));
    fingerprint = context(await send(guardians, {})).fingerprint;
  });

  test("a valid approval for this exact message lets it go and reports the send (best effort)", async () => {
    const token = signApproval(serverKey, claimsFor(fingerprint));
    const options = await send(guardians, { [APPROVAL_SESSION_KEY]: token });
    expect(options).toEqual({ allowEvent: true });
    expect(fetchMock).toHaveBeenCalledWith(
      `${ORIGIN}/api/reviews/rv_1/sent`,
      expect.objectContaining({ method: "POST", body: JSON.stringify({ token }) }),
    );
  });

  test("the send goes through even when reporting it fails", async () => {
    fetchMock.mockImplementation(() => Promise.reject(new TypeError("Network request failed")));
    const options = await send(guardians, { [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) });
    expect(options).toEqual({ allowEvent: true });
  });

  test.each<[string, FakeItemSpec]>([
    ["a recipient was added to CC", { ...guardians, cc: [...(guardians.cc ?? []), { emailAddress: "new@gmail.com" }] }],
    ["a recipient was moved from CC to To", { ...guardians, to: [...(guardians.to ?? []), ...(guardians.cc ?? []).slice(0, 1)], cc: (guardians.cc ?? []).slice(1) }],
    ["an attachment was added", { ...guardians, attachments: [...(guardians.attachments ?? []), { name: "名簿.xlsx", size: 9000 }] }],
    ["the attachment was replaced by one of another size", { ...guardians, attachments: [{ name: "案内.pdf", size: 120_001 }] }],
    ["the subject changed", { ...guardians, subject: "保護者会のお知らせ（訂正）" }],
  ])("void when %s after approval: blocked again, and the pane is told why", async (_name, changed) => {
    const options = await send(changed, { [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: "fingerprint" });
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining("/sent"), expect.anything());
  });

  test.each<[string, () => string, string]>([
    ["forged (signed by another key)", () => signApproval(attackerKey, claimsFor(fingerprint)), "signature"],
    ["tampered (review id edited, JSON still valid)", () => signApproval(serverKey, claimsFor(fingerprint)).replace(hex("rv_1"), hex("rv_2")), "signature"],
    ["expired", () => signApproval(serverKey, claimsFor(fingerprint, { exp: Math.floor(Date.now() / 1000) - 1 })), "expired"],
    ["for another message", () => signApproval(serverKey, claimsFor(`sg1:${"0".repeat(64)}`)), "fingerprint"],
    ["for another sender", () => signApproval(serverKey, claimsFor(fingerprint, { snd: "suzuki@mirai-shoji.co.jp" })), "sender"],
    ["garbage", () => "approved!", "malformed"],
  ])("refused when %s", async (_name, makeToken, reason) => {
    const options = await send(guardians, { [APPROVAL_SESSION_KEY]: makeToken() });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: reason });
  });

  test("a `block` rule cannot be approved", async () => {
    const blocking = policyText({ rules: { "external-exposure": "block" } });
    const fake = createFakeOffice({ ...guardians, sessionData: { [POLICY_SESSION_KEY]: blocking } });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 500 });
    const blockedFp = await (async () => {
      const { event, first } = createEvent();
      handler(event as unknown as Office.AddinCommands.Event);
      return context(await first).fingerprint;
    })();
    fake.sim.sessionData.set(APPROVAL_SESSION_KEY, signApproval(serverKey, claimsFor(blockedFp)));
    const { event, first } = createEvent();
    handler(event as unknown as Office.AddinCommands.Event);
    const options = await first;
    expect(options.allowEvent).toBe(false);
    expect(context(options).verdict).toBe("block");
  });

  test("without a published key nothing can be approved", async () => {
    const fake = createFakeOffice({
      ...guardians,
      sessionData: { [POLICY_SESSION_KEY]: JSON.stringify(ORG_POLICY_FILE), [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) },
    });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const { event, first } = createEvent();
    createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 500 })(event as unknown as Office.AddinCommands.Event);
    expect(context(await first)).toMatchObject({ verdict: "review", approval: "no-key" });
  });
});
