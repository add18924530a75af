/**
 * Sending from a shared mailbox (or as a delegate): From is the mailbox, the signed-in user is a
 * person. The Send is judged as any other, and an approval counts only for the mailbox it names
 * (issue 15, item 2).
 */
import { createOnMessageSend } from "../../src/event/on-message-send";
import { readDraft } from "../../src/office/draft";
import { userEmail } from "../../src/office/host";
import { APPROVAL_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import { attachmentKey, serializeInspectionCache } from "../../src/attachments/cache";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { approvalClaimsFor } from "../support/approvals";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, SENDER, type FakeItemSpec } from "../support/fake-office";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const SHARED = "info@mirai-shoji.co.jp";
const key = loadSigningKey(generateSigningKeyPem());
const POLICY = JSON.stringify({ ...ORG_POLICY_FILE, approvalKeys: [key.publicKeyHex] });
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

const fromShared: FakeItemSpec = {
  from: SHARED,
  to: people(["jimu@mirai-shoji.co.jp"]),
  cc: people(addresses(12, CARRIER_DOMAINS)),
  subject: "保護者会のお知らせ",
  attachments: [{ name: "案内.pdf", size: 120_000 }],
  sessionData: {
    [POLICY_SESSION_KEY]: POLICY,
    [INSPECTIONS_SESSION_KEY]: serializeInspectionCache(
      new Map([[attachmentKey({ id: "att-0", name: "案内.pdf", size: 120_000 }), { status: "unscannable", reason: "pdf", contentHash: `sha256:${"1".repeat(64)}` }]]),
    ),
  },
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

async function send(token: string | undefined) {
  const sessionData = { ...fromShared.sessionData, ...(token ? { [APPROVAL_SESSION_KEY]: token } : {}) };
  const fake = createFakeOffice({ ...fromShared, sessionData }, { userEmail: SENDER });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, deadlineMs: 1000, policyFetchMs: 50 });
  const { event, first } = createEvent();
  handler(event as unknown as Office.AddinCommands.Event);
  return first;
}

describe("a message from a shared mailbox", () => {
  test("the simulator reports From as the shared mailbox and the user as the person signed in", async () => {
    (globalThis as { Office?: unknown }).Office = createFakeOffice(fromShared, { userEmail: SENDER }).Office;
    expect((await readDraft()).from).toBe(SHARED);
    expect(userEmail()).toBe(SENDER);
  });

  test("is judged like any other: guardians in CC stop it", async () => {
    const options = await send(undefined);
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review" });
  });

  test("an approval naming the shared mailbox lets it go", async () => {
    expect(await send(signApproval(key, approvalClaimsFor(fromShared, POLICY, { snd: SHARED })))).toEqual({ allowEvent: true });
  });

  test("an approval naming the person (their own mail) does not", async () => {
    const options = await send(signApproval(key, approvalClaimsFor(fromShared, POLICY, { snd: SENDER })));
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "review", approval: "sender" });
  });
});
