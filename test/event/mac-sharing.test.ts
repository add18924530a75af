/**
 * Outlook on Mac: the task pane and the event handler share data through localStorage, not the
 * item's sessionData (Microsoft's runtimes page; the simulator's "Mac" platform gives the pane a
 * sessionData of its own). The approval the pane received and the policy it fetched must still
 * reach the send handler (issue 15, item 3).
 */
import { createOnMessageSend } from "../../src/event/on-message-send";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { APPROVAL_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import { attachmentKey, serializeInspectionCache } from "../../src/attachments/cache";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { approvalShareName, POLICY_SHARE_MAX_AGE_MS, shareValue, sharedValue } from "../../src/office/local-share";
import { approvalClaimsFor } from "../support/approvals";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import type { ComposeSim } from "../../src/playground/office-sim/compose-sim";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";
import { createOnAttachmentsChanged } from "../../src/event/on-attachments-changed";
import { peopleRows, xlsx } from "../support/files";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const serverKey = loadSigningKey(generateSigningKeyPem());
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
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

/** The browser runtime's localStorage: one per origin, shared by the pane's and the handler's webviews. */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

const globals = globalThis as { Office?: unknown; fetch?: unknown; document?: unknown; localStorage?: unknown };
beforeEach(() => {
  globals.localStorage = new MemoryStorage();
});
afterEach(() => {
  for (const name of ["Office", "fetch", "document", "localStorage"] as const) delete globals[name];
});

/** The pane on the item (Mac): reads the policy and stores the approval the reviewer gave, as it does when the review is approved. */
async function paneOn(sim: ComposeSim, token: string | undefined): Promise<void> {
  globals.Office = sim.connect("taskpane", "").office;
  globals.document = { baseURI: `${ORIGIN}/taskpane.html` };
  globals.fetch = jest.fn(() => Promise.resolve({ ok: true, text: () => Promise.resolve(SERVED) }));
  const host = createOfficeHost(ORG_POLICY_FILE);
  expect((await host.readPolicy()).ok).toBe(true);
  if (token !== undefined) await host.writeItemValue(APPROVAL_SESSION_KEY, token);
  await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A Send on the same item in the event runtime, with policy.json unreachable. */
async function sendOn(sim: ComposeSim) {
  const runtime = sim.connect("event", "");
  globals.Office = runtime.office;
  globals.fetch = jest.fn(() => Promise.reject(new TypeError("Failed to fetch")));
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 1000, policyFetchMs: 50 });
  const { event, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  return first;
}

function macItem(spec: FakeItemSpec = guardians): ComposeSim {
  return createFakeOffice(spec, { platform: "Mac", runtime: "taskpane" }).sim;
}

describe("Outlook on Mac: what the pane stores reaches the send handler through localStorage", () => {
  test("the simulator's Mac mode keeps the pane's sessionData from the handler (what the documentation describes)", async () => {
    const sim = macItem();
    globals.localStorage = undefined;
    await paneOn(sim, signApproval(serverKey, approvalClaimsFor(guardians, SERVED)));
    expect(sim.paneSessionData.get(APPROVAL_SESSION_KEY)).toBeDefined();
    expect(sim.sessionData.has(APPROVAL_SESSION_KEY)).toBe(false);
    // Without localStorage (classic's JavaScript-only runtime has none) nothing else carries it: blocked.
    const options = await sendOn(sim);
    expect(options.allowEvent).toBe(false);
  });

  test("the approval the pane received lets the approved message go", async () => {
    const sim = macItem();
    const token = signApproval(serverKey, approvalClaimsFor(guardians, SERVED));
    await paneOn(sim, token);
    expect(await sendOn(sim)).toEqual({ allowEvent: true });
  });

  test("the shared approval is of this exact message: after a recipient is added, it is blocked again", async () => {
    const sim = macItem();
    await paneOn(sim, signApproval(serverKey, approvalClaimsFor(guardians, SERVED)));
    sim.mailbox.cc.push({ emailAddress: "new.parent@gmail.com", displayName: "new.parent@gmail.com", recipientType: "externalUser" });
    const options = await sendOn(sim);
    expect(options.allowEvent).toBe(false);
  });

  test("a token signed by another key, shared under this message's fingerprint, is refused", async () => {
    const sim = macItem();
    await paneOn(sim, undefined);
    const forged = signApproval(loadSigningKey(generateSigningKeyPem()), approvalClaimsFor(guardians, SERVED));
    shareValue(approvalShareName(approvalClaimsFor(guardians, SERVED).fp), forged);
    const options = await sendOn(sim);
    expect(options.allowEvent).toBe(false);
    expect(JSON.parse(options.contextData as string)).toMatchObject({ approval: "signature" });
  });

  test("the policy the pane fetched (with the server's key) is used when policy.json cannot be fetched at Send", async () => {
    const sim = macItem();
    await paneOn(sim, undefined);
    expect(sim.sessionData.has(POLICY_SESSION_KEY)).toBe(false);
    expect(sharedValue("policy", POLICY_SHARE_MAX_AGE_MS)).toContain(serverKey.publicKeyHex);
    // The embedded policy has no key: only the shared one can verify this token.
    sim.sessionData.set(APPROVAL_SESSION_KEY, signApproval(serverKey, approvalClaimsFor(guardians, SERVED)));
    expect(await sendOn(sim)).toEqual({ allowEvent: true });
  });

  test("a shared policy older than a day, or not sealed, is not used", async () => {
    const sim = macItem();
    await paneOn(sim, undefined);
    const key = [...Array((globals.localStorage as Storage).length).keys()].map((i) => (globals.localStorage as Storage).key(i)).find((k) => k?.endsWith("policy")) as string;
    const entry = JSON.parse((globals.localStorage as Storage).getItem(key) as string) as { t: number; v: string };
    sim.sessionData.set(APPROVAL_SESSION_KEY, signApproval(serverKey, approvalClaimsFor(guardians, SERVED)));
    (globals.localStorage as Storage).setItem(key, JSON.stringify({ t: Date.now() - POLICY_SHARE_MAX_AGE_MS - 1000, v: entry.v }));
    expect((await sendOn(sim)).allowEvent).toBe(false);
    (globals.localStorage as Storage).setItem(key, JSON.stringify({ t: Date.now(), v: SERVED }));
    expect((await sendOn(sim)).allowEvent).toBe(false);
  });

  test("storage that throws (blocked by the browser) loses nothing else: the Send is decided as without it", async () => {
    const sim = macItem();
    await paneOn(sim, undefined);
    globals.localStorage = {
      get length(): number {
        throw new DOMException("denied", "SecurityError");
      },
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    const options = await sendOn(sim);
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review" });
  });

  test("the inspection cache: the attachments-changed event and the Send share the event runtime's sessionData, so a file read when attached is not read again at Send", async () => {
    const spec: FakeItemSpec = { to: people(["a@gmail.com"]), subject: "名簿", attachments: [{ id: "0", name: "名簿.xlsx", content: xlsx([{ name: "Sheet1", rows: peopleRows(30) }]) }] };
    const sim = createFakeOffice(spec, { platform: "Mac" }).sim;
    globals.Office = sim.connect("event", "").office;
    globals.fetch = jest.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    const changed = createOnAttachmentsChanged({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, policyFetchMs: 50 });
    await new Promise<void>((resolve) => changed({ attachmentStatus: "added", attachmentDetails: { id: "0", name: "名簿.xlsx" }, completed: () => resolve() } as never));
    expect(sim.sessionData.get(INSPECTIONS_SESSION_KEY)).toContain('"addressCount":30');
    sim.calls.length = 0;
    const options = await sendOn(sim);
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", codes: expect.arrayContaining(["attachment-address-list"]) });
    expect(sim.calls).not.toContain("getAttachmentContentAsync");
  });

  test("a file only the pane inspected (its cache does not reach the handler on Mac) is read at Send, not passed unread", async () => {
    const spec: FakeItemSpec = { to: people(["a@gmail.com"]), subject: "名簿", attachments: [{ id: "0", name: "名簿.xlsx", content: xlsx([{ name: "Sheet1", rows: peopleRows(30) }]) }] };
    const sim = createFakeOffice(spec, { platform: "Mac" }).sim;
    sim.paneSessionData.set(INSPECTIONS_SESSION_KEY, serializeInspectionCache(new Map([[attachmentKey({ id: "0", name: "名簿.xlsx", size: sim.mailbox.attachments[0]?.size ?? 0 }), { status: "inspected" as const, counts: {} }]])));
    const options = await sendOn(sim);
    expect(sim.calls).toContain("getAttachmentContentAsync");
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", codes: expect.arrayContaining(["attachment-address-list"]) });
  });
});
