import { createOnMessageSend } from "../../src/event/on-message-send";
import { APPROVAL_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import type { ApprovalClaims } from "../../src/approval/token";
import { evaluate, parsePolicyText } from "../../src/policy";
import { attachmentKey, serializeInspectionCache, type StoredInspection } from "../../src/attachments/cache";
import { approvalClaimsFor, draftOfSpec } from "../support/approvals";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";

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
  return JSON.parse(options.contextData as string) as { verdict: string; fingerprint: string | null; approval?: string };
}

/** The fingerprint of the message the handler reads for `spec` (the test's model of its draft; a token for it lets that message go, below). */
function fingerprintOf(spec: FakeItemSpec): string {
  const policy = parsePolicyText(policyText());
  if (!policy.ok) throw new Error("the test policy is invalid");
  return evaluate(draftOfSpec(spec), policy.policy).fingerprint;
}

const PDF: StoredInspection = { status: "unscannable", reason: "pdf", contentHash: `sha256:${"1".repeat(64)}` };
const pdfCache = (name = "案内.pdf", size = 120_000, stored: StoredInspection = PDF) =>
  serializeInspectionCache(new Map([[attachmentKey({ id: "att-0", name, size }), stored]]));

const guardians: FakeItemSpec = {
  to: people(["jimu@mirai-shoji.co.jp"]),
  cc: people(addresses(12, CARRIER_DOMAINS)),
  subject: "保護者会のお知らせ",
  attachments: [{ name: "案内.pdf", size: 120_000 }],
  // Inspected when it was attached (a PDF: named, not read), as the reviewer was shown.
  sessionData: { [INSPECTIONS_SESSION_KEY]: pdfCache() },
};

function claimsFor(fingerprint: string, change: Partial<ApprovalClaims> = {}, reviewed: FakeItemSpec = guardians): ApprovalClaims {
  return approvalClaimsFor(reviewed, policyText(), { fp: fingerprint, ...change });
}

describe("an approval on the item at Send", () => {
  let fingerprint: string;
  beforeAll(async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new Error("offline")));
    fingerprint = fingerprintOf(guardians);
  });

  test("the alert context carries no fingerprint (the pane computes its own; hashing would cost every stopped Send)", async () => {
    expect(context(await send(guardians, guardians.sessionData ?? {}))).toMatchObject({ verdict: "review", fingerprint: null });
  });

  test("a valid approval for this exact message lets it go and reports the send (best effort)", async () => {
    const token = signApproval(serverKey, claimsFor(fingerprint));
    const options = await send(guardians, { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: token });
    expect(options).toEqual({ allowEvent: true });
    expect(fetchMock).toHaveBeenCalledWith(
      `${ORIGIN}/api/reviews/rv_1/sent`,
      expect.objectContaining({ method: "POST", body: JSON.stringify({ token }) }),
    );
  });

  test("an approval that arrives after the deadline stopped the Send is not reported as used", async () => {
    const token = signApproval(serverKey, claimsFor(fingerprint));
    // Outlook answers after the handler's own deadline: the Send is stopped (timeout), and the
    // late, approved result must neither complete again nor tell the server the message went.
    const fake = createFakeOffice({ ...guardians, sessionData: { [POLICY_SESSION_KEY]: policyText(), ...guardians.sessionData, [APPROVAL_SESSION_KEY]: token } }, { latencyMs: 80 });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 40, policyFetchMs: 10 });
    const { event, completions, first } = createEvent();
    handler(event as unknown as Office.AddinCommands.Event);
    expect((await first).allowEvent).toBe(false);
    expect(context(await first)).toMatchObject({ verdict: "error" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(completions).toHaveLength(1);
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining("/sent"), expect.anything());
  });

  test("the send goes through even when reporting it fails", async () => {
    fetchMock.mockImplementation(() => Promise.reject(new TypeError("Network request failed")));
    const options = await send(guardians, { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) });
    expect(options).toEqual({ allowEvent: true });
  });

  test.each<[string, FakeItemSpec]>([
    ["a recipient was added to CC", { ...guardians, cc: [...(guardians.cc ?? []), { emailAddress: "new@gmail.com" }] }],
    ["a recipient was moved from CC to To", { ...guardians, to: [...(guardians.to ?? []), ...(guardians.cc ?? []).slice(0, 1)], cc: (guardians.cc ?? []).slice(1) }],
    ["an attachment was added", { ...guardians, attachments: [...(guardians.attachments ?? []), { name: "名簿.xlsx", size: 9000 }] }],
    ["the attachment was replaced by one of another size", { ...guardians, attachments: [{ name: "案内.pdf", size: 120_001 }] }],
    ["the subject changed", { ...guardians, subject: "保護者会のお知らせ（訂正）" }],
  ])("void when %s after approval: blocked again, and the pane is told why", async (_name, changed) => {
    const options = await send(changed, { ...changed.sessionData, [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: "fingerprint" });
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining("/sent"), expect.anything());
  });

  test.each<[string, () => string, string]>([
    ["forged (signed by another key)", () => signApproval(attackerKey, claimsFor(fingerprint)), "signature"],
    ["tampered (review id edited, JSON still valid)", () => signApproval(serverKey, claimsFor(fingerprint)).replace(hex("rv_1"), hex("rv_2")), "signature"],
    ["expired", () => signApproval(serverKey, claimsFor(fingerprint, { exp: Math.floor(Date.now() / 1000) - 1 })), "expired"],
    ["for another message", () => signApproval(serverKey, claimsFor(`sg2:${"0".repeat(64)}`)), "fingerprint"],
    ["for another sender", () => signApproval(serverKey, claimsFor(fingerprint, { snd: "suzuki@mirai-shoji.co.jp" })), "sender"],
    ["garbage", () => "approved!", "malformed"],
  ])("refused when %s", async (_name, makeToken, reason) => {
    const options = await send(guardians, { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: makeToken() });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: reason });
  });

  test("a `block` rule cannot be approved", async () => {
    const blocking = policyText({ rules: { "external-exposure": "block" } });
    const fake = createFakeOffice({ ...guardians, sessionData: { [POLICY_SESSION_KEY]: blocking } });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 500 });
    fake.sim.sessionData.set(APPROVAL_SESSION_KEY, signApproval(serverKey, claimsFor(fingerprintOf(guardians))));
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

describe("an approval covers exactly what the reviewer saw", () => {
  let fingerprint: string;
  beforeAll(async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new Error("offline")));
    fingerprint = fingerprintOf(guardians);
  });

  test("Outlook reports at Send as a distribution list an address the reviewer saw as a person: blocked again", async () => {
    const listed: FakeItemSpec = { ...guardians, cc: (guardians.cc ?? []).map((r, i) => (i === 0 ? { ...r, recipientType: "distributionList" } : r)) };
    const options = await send(listed, { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint)) });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: "fingerprint" });
  });

  test("a finding the reviewer was not shown (the snapshot called the file clean) blocks again and names the file", async () => {
    const clean = { ...guardians, sessionData: { [INSPECTIONS_SESSION_KEY]: pdfCache("案内.pdf", 120_000, { status: "inspected", counts: {}, contentHash: PDF.contentHash }) } };
    const personal = { ...guardians, sessionData: { [INSPECTIONS_SESSION_KEY]: pdfCache("案内.pdf", 120_000, { status: "inspected", counts: { phone: 40, "postal-address": 40 }, contentHash: PDF.contentHash }) } };
    const reviewedFp = fingerprintOf(clean);
    // Same bytes (same hash), so the same fingerprint: only the findings differ (the refusal below is "not-covered", not "fingerprint").
    expect(fingerprintOf(personal)).toBe(reviewedFp);
    const token = signApproval(serverKey, claimsFor(reviewedFp, {}, clean));
    const options = await send(personal, { ...personal.sessionData, [APPROVAL_SESSION_KEY]: token });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ verdict: "review", approval: "not-covered", uncovered: ["attachment-personal-data"] });
    const message = options.errorMessage as string;
    expect(message).toContain("山田 課長");
    expect(message).toContain("案内.pdf");
    // What the reviewer did see (the exposure) is not listed again as new.
    expect(message).not.toMatch(/docomo|To\/CC/);
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining("/sent"), expect.anything());
  });

  test("what remains uncovered decides: a new confirm-level finding beside an approved exposure asks to confirm, with Send Anyway", async () => {
    // The reviewer's (server's) policy had no keyword for 案内; the handler's policy has.
    const token = signApproval(serverKey, claimsFor(fingerprint));
    const options = await send(guardians, {
      ...guardians.sessionData,
      [POLICY_SESSION_KEY]: policyText({ attachmentKeywords: ["案内"] }),
      [APPROVAL_SESSION_KEY]: token,
    });
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(context(options)).toMatchObject({ verdict: "confirm", approval: "not-covered", uncovered: ["attachment-name"] });
  });

  test("an approval without coverage (cov empty) lifts nothing", async () => {
    const options = await send(guardians, { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: signApproval(serverKey, claimsFor(fingerprint, { cov: [] })) });
    expect(options.allowEvent).toBe(false);
    expect(context(options)).toMatchObject({ approval: "not-covered", uncovered: ["external-exposure", "attachment-unscannable"] });
  });
});
