/**
 * Approvals when Outlook cannot fetch policy.json at Send (issue 15, item 1). The handler then
 * falls back to the policy built into the add-in; the approval must still be verified, either
 * with the policy the task pane fetched and kept on the item, or with the keys the build carries.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createOnMessageSend } from "../../src/event/on-message-send";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { POLICY_FORMAT, unsealPolicy } from "../../src/policy";
import { APPROVAL_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import { serializeInspectionCache, attachmentKey } from "../../src/attachments/cache";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { approvalClaimsFor } from "../support/approvals";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";

// The build script is plain CommonJS (webpack.config.js loads it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSettings } = require("../../scripts/addin-build.js") as {
  readSettings: (env: NodeJS.ProcessEnv) => { policy: Record<string, unknown>; sealedPolicy: unknown; policyText: string; approvalKeys: string[] };
};

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const serverKey = loadSigningKey(generateSigningKeyPem());
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
/** What the review server serves as /policy.json: the organisation's policy with its key added. */
const SERVED = `${JSON.stringify({ ...ORG_POLICY_FILE, approvalKeys: [serverKey.publicKeyHex] }, null, 2)}\n`;

const guardians: FakeItemSpec = {
  to: people(["jimu@mirai-shoji.co.jp"]),
  cc: people(addresses(12, CARRIER_DOMAINS)),
  subject: "保護者会のお知らせ",
  attachments: [{ name: "案内.pdf", size: 120_000 }],
  sessionData: {
    [INSPECTIONS_SESSION_KEY]: serializeInspectionCache(
      new Map([[attachmentKey({ id: "att-0", name: "案内.pdf", size: 120_000 }), { status: "unscannable", reason: "pdf", contentHash: `sha256:${"1".repeat(64)}` }]]),
    ),
  },
};

const token = () => signApproval(serverKey, approvalClaimsFor(guardians, SERVED));
const offline = () => jest.fn(() => Promise.reject(new TypeError("Failed to fetch")));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { fetch?: unknown }).fetch;
  delete (globalThis as { document?: unknown }).document;
});

/** One Send of the item whose session data is `sessionData`, with policy.json unreachable; returns the completion options. */
async function sendOffline(sessionData: Record<string, string>, embeddedPolicy: unknown) {
  const fetchMock = offline();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  const fake = createFakeOffice({ ...guardians, sessionData });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy, deadlineMs: 1000, policyFetchMs: 50 });
  const { event, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  const options = await first;
  // With no policy on the item the handler tried policy.json and met the outage.
  if (!(POLICY_SESSION_KEY in sessionData)) expect(fetchMock).toHaveBeenCalledWith(`${ORIGIN}/policy.json?format=${POLICY_FORMAT}`, expect.anything());
  return options;
}

/** The task pane opened on the item (where the sender requested the review): it reads the policy as it does on opening. */
async function openPane(): Promise<Map<string, string>> {
  const fake = createFakeOffice(guardians, { runtime: "taskpane" });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  (globalThis as { document?: unknown }).document = { baseURI: `${ORIGIN}/taskpane.html` };
  const fetchMock = jest.fn((url: URL) =>
    Promise.resolve(url.href === `${ORIGIN}/policy.json` ? { ok: true, text: () => Promise.resolve(SERVED) } : { ok: false, text: () => Promise.resolve("") }),
  );
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  const result = await createOfficeHost(ORG_POLICY_FILE).readPolicy();
  expect(result.ok && result.policy.approvalKeys).toEqual([serverKey.publicKeyHex]);
  await new Promise((resolve) => setTimeout(resolve, 10));
  return fake.sim.sessionData;
}

describe("an approved message when policy.json cannot be fetched at Send", () => {
  test("without the served policy or built-in keys, the approval cannot be verified: blocked (what the fix is for)", async () => {
    const options = await sendOffline({ ...guardians.sessionData, [APPROVAL_SESSION_KEY]: token() }, ORG_POLICY_FILE);
    expect(options.allowEvent).toBe(false);
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", approval: "no-key" });
  });

  test("the task pane keeps the policy it fetched on the item, and the handler verifies the approval with it", async () => {
    const itemData = await openPane();
    // Kept sealed (validated once): the handler reads it back without the schemas.
    expect(unsealPolicy(itemData.get(POLICY_SESSION_KEY))?.approvalKeys).toEqual([serverKey.publicKeyHex]);
    const options = await sendOffline({ ...Object.fromEntries(itemData), [APPROVAL_SESSION_KEY]: token() }, ORG_POLICY_FILE);
    expect(options).toEqual({ allowEvent: true });
  });

  test("the pane keeps only a valid served policy; an invalid one is not written for the handler", async () => {
    const fake = createFakeOffice(guardians, { runtime: "taskpane" });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    (globalThis as { document?: unknown }).document = { baseURI: `${ORIGIN}/taskpane.html` };
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.resolve({ ok: true, text: () => Promise.resolve('{"rules":{"external-exposure":"maybe"}}') }));
    const result = await createOfficeHost(ORG_POLICY_FILE).readPolicy();
    expect(result.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.sim.sessionData.has(POLICY_SESSION_KEY)).toBe(false);
  });

  test("a build made with SEND_GUARD_APPROVAL_KEYS verifies it with no policy on the item", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sg-keys-")), "policy.json");
    fs.writeFileSync(file, JSON.stringify(ORG_POLICY_FILE));
    const settings = readSettings({ SEND_GUARD_POLICY: file, SEND_GUARD_APPROVAL_KEYS: serverKey.publicKeyHex });
    expect(settings.approvalKeys).toEqual([serverKey.publicKeyHex]);
    // What the build embeds (webpack.config.js): the policy sealed.
    const options = await sendOffline({ ...guardians.sessionData, [APPROVAL_SESSION_KEY]: token() }, settings.sealedPolicy);
    expect(options).toEqual({ allowEvent: true });
  });

  test("a built-in key does not let a token signed by another key through", async () => {
    const other = loadSigningKey(generateSigningKeyPem());
    const options = await sendOffline(
      { ...guardians.sessionData, [APPROVAL_SESSION_KEY]: signApproval(other, approvalClaimsFor(guardians, SERVED)) },
      { ...ORG_POLICY_FILE, approvalKeys: [serverKey.publicKeyHex] },
    );
    expect(options.allowEvent).toBe(false);
  });
});
