/**
 * Outlook on Android and iOS: Smart Alerts do not run, so nothing stops a message at Send. What
 * the mobile event model allows (OnNewMessageCompose, OnMessageRecipientsChanged, the item's
 * notification bar) warns while composing. The simulator in its mobile mode follows the
 * documented contract: Mailbox 1.5 plus the APIs enabled for event-based add-ins, no attachment
 * reading, notification messages of at most 150 characters.
 */
import { createOnNewMessageCompose } from "../../src/event/on-new-message-compose";
import { createOnRecipientsChanged } from "../../src/event/on-recipients-changed";
import { composeFailureText, composeWarningText, MAX_NOTIFICATION } from "../../src/i18n";
import { WARNING_KEY } from "../../src/office/notifications";
import { evaluate } from "../../src/policy";
import { addresses, CARRIER_DOMAINS, draftOf, ORG_POLICY_FILE, policyOf } from "../support/drafts";
import { createEvent, createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "../support/fake-office";

const ORIGIN = "https://sendguard.mirai-shoji.co.jp";
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

beforeEach(() => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("Network request failed")));
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

function phone(spec: FakeItemSpec, options: FakeOfficeOptions = {}) {
  const fake = createFakeOffice(spec, { platform: "Android", mailbox: "1.5", ...options });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return fake;
}

async function recipientsChanged(config: Partial<Parameters<typeof createOnRecipientsChanged>[0]> = {}): Promise<number> {
  const handler = createOnRecipientsChanged({ origin: ORIGIN, embeddedPolicy: ORG_POLICY_FILE, policyFetchMs: 20, ...config });
  const { event, completions, first } = createEvent();
  handler(event);
  await first;
  await new Promise((resolve) => setTimeout(resolve, 20));
  return completions.length;
}

const warning = (fake: ReturnType<typeof phone>) => fake.sim.notifications.get(WARNING_KEY);

test("88 parents in CC, typed on a phone: the compose window says what every recipient would see, in Japanese", async () => {
  const cc = addresses(88, CARRIER_DOMAINS);
  const fake = phone({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(cc), subject: "運動会" }, { displayLanguage: "ja-JP" });
  expect(await recipientsChanged()).toBe(1);
  const shown = warning(fake);
  expect(shown).toMatchObject({ type: "informationalMessage", persistent: true, icon: "Icon.16x16" });
  const message = shown?.message as string;
  expect(message.length).toBeLessThanOrEqual(MAX_NOTIFICATION);
  expect(message).toMatch(/^Send Guard：このメールは送信前に確認が必要です。.*社外アドレス88件が受信者全員に見えます/);
  expect(message).toBe(composeWarningText(evaluate(draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc, subject: "運動会" }), policyOf()), "ja"));
  // Files are not read on a phone: Outlook mobile has no attachment API for add-ins.
  expect(fake.calls).not.toContain("getAttachmentsAsync");
});

test("the sender moves them to BCC: the warning goes away", async () => {
  const fake = phone({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(20, CARRIER_DOMAINS)) });
  await recipientsChanged();
  expect(warning(fake)).toBeDefined();
  fake.sim.setRecipients("bcc", fake.sim.mailbox.cc);
  fake.sim.setRecipients("cc", []);
  await recipientsChanged();
  expect(warning(fake)).toBeUndefined();
});

test("a slip of gmail.com: named, with what was probably meant", async () => {
  const fake = phone({ to: people(["hogosha@gmial.com"]) });
  await recipientsChanged();
  expect(warning(fake)?.message).toBe("Send Guard: check before sending. hogosha@gmial.com looks like a slip of gmail.com (a well-known mail service). Did you mean hogosha@gmail.com?");
});

test("inside the company only: nothing is shown, and removing a warning that is not there is no error", async () => {
  const fake = phone({ to: people(["sato@mirai-shoji.co.jp"]) });
  expect(await recipientsChanged()).toBe(1);
  expect(fake.sim.notifications.size).toBe(0);
  expect(fake.calls).toContain("notificationMessages.removeAsync");
});

test("a reply-all among the same people (compose start recorded on the phone) is not warned about", async () => {
  const thread = { composeType: "reply" as const, to: people(["a@acme.co.jp"]), cc: people(["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"]) };
  const fake = phone(thread);
  const compose = createOnNewMessageCompose({ embeddedPolicy: ORG_POLICY_FILE });
  const started = createEvent();
  compose(started.event);
  await started.first;
  await recipientsChanged();
  expect(warning(fake)).toBeUndefined();
  // A company added to the thread: warned.
  fake.sim.setRecipients("cc", [...fake.sim.mailbox.cc, { emailAddress: "e@hooli.co.jp", displayName: "e", recipientType: "externalUser" }]);
  await recipientsChanged();
  expect(warning(fake)?.message).toMatch(/^Send Guard: this message needs a review before it goes out\. 5 outside addresses in To\/CC can be read by every recipient/);
});

test.each([
  ["an Office read fails", { behaviour: { "to.getAsync": "fail" as const } }, {}],
  ["an Office read never answers", { behaviour: { "cc.getAsync": "never" as const } }, { deadlineMs: 100 }],
  ["the built-in policy is invalid", {}, { embeddedPolicy: { internalDomains: "not a list" } }],
])("%s: the warning says the check could not be done (never silent), and the event completes once", async (_name, options, config) => {
  const fake = phone({ to: people(["a@acme.co.jp"]) }, options);
  expect(await recipientsChanged(config)).toBe(1);
  expect(warning(fake)?.message).toBe(composeFailureText("en"));
});

test("the notification bar refuses: the event still completes", async () => {
  const fake = phone({ to: people(["hogosha@gmial.com"]) }, { behaviour: { "notificationMessages.replaceAsync": "fail" } });
  expect(await recipientsChanged()).toBe(1);
  expect(warning(fake)).toBeUndefined();
});

test.each(["ja", "en"] as const)("%s: every verdict's warning fits 150 characters, even with everything found at once", (language) => {
  const everything = draftOf({ to: addresses(300, CARRIER_DOMAINS).map((a) => `${"x".repeat(40)}${a}`), cc: ["dl:all@mirai-shoji.co.jp", "not an address"] });
  const evaluation = evaluate(everything, policyOf());
  for (const verdict of ["confirm", "review", "block"] as const) {
    const text = composeWarningText({ ...evaluation, verdict }, language);
    expect(text.length).toBeLessThanOrEqual(MAX_NOTIFICATION);
    expect(text).not.toMatch(/Send Anyway|このまま送信|stopped|止めました/);
  }
  expect(composeFailureText(language).length).toBeLessThanOrEqual(MAX_NOTIFICATION);
});
