/**
 * The send handler fails closed on every answer Office documents never to give: for each
 * Office call the handler makes, and each odd answer (a "succeeded" result with no value,
 * with null, with a value of the wrong type, an array with a broken element, a callback
 * with no result at all, "failed" with no error, a failure, an exception, no callback),
 * a message that is allowed when the call answers properly is NOT allowed. Each message is
 * chosen so that taking the odd answer as "empty" would let it go.
 */
import { createOnMessageSend } from "../../src/event/on-message-send";
import { FAULTS, type Fault } from "../../src/playground/office-sim";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import { APPROVAL_SESSION_KEY, POLICY_SESSION_KEY } from "../../src/shared/session-keys";
import { approvalClaimsFor } from "../support/approvals";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec } from "../support/fake-office";
import { peopleRows, xlsx } from "../support/files";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const DEADLINE_MS = 300;
const key = loadSigningKey(generateSigningKeyPem());
const POLICY = JSON.stringify({ ...ORG_POLICY_FILE, approvalKeys: [key.publicKeyHex] });
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
const residents = xlsx([{ name: "Sheet1", rows: peopleRows(50) }]);
// A CSV: an empty answer taken as an empty CSV would be a clean file.
const residentsCsv = new TextEncoder().encode(peopleRows(50).map((row) => row.join(",")).join("\r\n"));

/** One customer, nothing else: allowed. */
const ORDINARY: FakeItemSpec = { to: people(["yamada@acme.co.jp"]), subject: "お見積り" };

/** Per call: a message whose risk the call alone reveals (taking its answer as empty would allow it), and the item's session data. */
const CASES: Record<string, { spec: FakeItemSpec; allowedWhenAnswered: boolean }> = {
  "to.getAsync": { spec: { to: people(addresses(12, CARRIER_DOMAINS)), subject: "ご案内" }, allowedWhenAnswered: false },
  "cc.getAsync": { spec: { to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(12, CARRIER_DOMAINS)), subject: "ご案内" }, allowedWhenAnswered: false },
  "bcc.getAsync": { spec: { to: people(["yamada@acme.co.jp"]), bcc: people(["sato@beta.co.jp"]), subject: "ご案内" }, allowedWhenAnswered: false },
  "from.getAsync": { spec: ORDINARY, allowedWhenAnswered: true },
  "subject.getAsync": { spec: ORDINARY, allowedWhenAnswered: true },
  getAttachmentsAsync: { spec: { ...ORDINARY, attachments: [{ id: "0", name: "資料.xlsx", content: residents }] }, allowedWhenAnswered: false },
  getAttachmentContentAsync: { spec: { ...ORDINARY, attachments: [{ id: "0", name: "資料.csv", content: residentsCsv }] }, allowedWhenAnswered: false },
  "sessionData.getAsync": { spec: { to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(12, CARRIER_DOMAINS)), subject: "保護者会" }, allowedWhenAnswered: true },
};

beforeEach(() => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** The item's session data: the policy, and for the sessionData case an approval of exactly this message. */
function sessionFor(call: string, spec: FakeItemSpec): Record<string, string> {
  if (call !== "sessionData.getAsync") return { [POLICY_SESSION_KEY]: POLICY };
  return { [POLICY_SESSION_KEY]: POLICY, [APPROVAL_SESSION_KEY]: signApproval(key, approvalClaimsFor(spec, POLICY)) };
}

async function send(call: string, fault: Fault | undefined) {
  const { spec } = CASES[call]!;
  const fake = createFakeOffice({ ...spec, sessionData: sessionFor(call, spec) }, { behaviour: fault ? { [call]: fault } : {} });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const handler = createOnMessageSend({ origin: ORIGIN, embeddedPolicy: { ...ORG_POLICY_FILE, approvalKeys: [key.publicKeyHex] }, deadlineMs: DEADLINE_MS, policyFetchMs: 20 });
  const { event, completions, first } = createEvent();
  const started = Date.now();
  handler(event as unknown as Office.AddinCommands.Event);
  const options = await first;
  const elapsed = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, DEADLINE_MS + 30));
  return { options, completions, elapsed, calls: fake.calls };
}

describe("the baseline: each message is judged as expected when every call answers properly", () => {
  test.each(Object.keys(CASES))("%s", async (call) => {
    const { options, calls } = await send(call, undefined);
    expect(calls).toContain(call);
    expect(options.allowEvent).toBe(CASES[call]!.allowedWhenAnswered);
  });
});

const table = Object.keys(CASES).flatMap((call) => FAULTS.map((fault) => [call, fault] as const));

describe("every odd answer to every call: never allowed, completed exactly once, within the deadline", () => {
  test.each(table)("%s answers %s", async (call, fault) => {
    const { options, completions, elapsed } = await send(call, fault);
    expect(options.allowEvent).toBe(false);
    expect(completions).toHaveLength(1);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 200);
    expect(typeof options.errorMessage).toBe("string");
  });
});

describe("what the sender is told", () => {
  test.each(["to.getAsync", "getAttachmentsAsync", "subject.getAsync", "from.getAsync"])("%s succeeding with no value: the check could not be completed (not 'nothing found')", async (call) => {
    const { options } = await send(call, "no-value");
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "error", error: "office-error" });
    expect(options.errorMessage).toContain("could not finish checking");
  });

  test("a file whose content comes back empty-handed is named as not handed over, not judged as an empty file", async () => {
    const { options } = await send("getAttachmentContentAsync", "no-value");
    expect(JSON.parse(options.contextData as string)).toMatchObject({ verdict: "confirm", codes: ["attachment-unscannable"] });
    expect(options.errorMessage).toContain("資料.csv");
  });

  test("session data that is not text fails the check; session data that is missing only means no approval", async () => {
    expect(JSON.parse((await send("sessionData.getAsync", "wrong-type")).options.contextData as string)).toMatchObject({ verdict: "error" });
    expect(JSON.parse((await send("sessionData.getAsync", "no-value")).options.contextData as string)).toMatchObject({ verdict: "review" });
  });
});
