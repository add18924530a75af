/**
 * The sender's pane as a whole, on the pane's real Office host over the Outlook simulator
 * (the documented contract: asynchronous calls, item events, sessionData), with the review
 * service in memory.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CATALOGS, CONFIRM_BUTTON, PANE_TEXT, REVIEW_TEXT, RIBBON_BUTTON } from "../../src/i18n";
import { createOnMessageSend } from "../../src/event/on-message-send";
import { APPROVAL_SESSION_KEY, COMPOSE_SESSION_KEY, CONFIRMATION_SESSION_KEY, REVIEW_SESSION_KEY } from "../../src/shared/session-keys";
import { createOfficeHost } from "../../src/taskpane/office-host";
import { SenderPane } from "../../src/taskpane/SenderPane";
import { addresses, CARRIER_DOMAINS, ORG_POLICY_FILE } from "../support/drafts";
import { FakeReviewApi } from "../support/fake-review-api";
import { createEvent, createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "../support/fake-office";
import { CorrespondenceMemory, MEMORY_SETTING_KEY } from "../../src/memory/correspondence";
import { SimRoamingStore } from "../../src/playground/office-sim";
import { renderUi } from "../support/render";

const en = PANE_TEXT.en;
const ja = PANE_TEXT.ja;
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));
const POLICY = {
  ...ORG_POLICY_FILE,
  review: { reviewers: [{ address: "kacho@mirai-shoji.co.jp", name: "山田 課長", reviews: ["@mirai-shoji.co.jp"] }] },
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

function open(spec: FakeItemSpec, options: FakeOfficeOptions = {}, language: "ja" | "en" = "en", api = new FakeReviewApi()) {
  const fake = createFakeOffice(spec, { runtime: "taskpane", mailbox: "1.15", ...options });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  renderUi(<SenderPane host={createOfficeHost(POLICY)} api={api} language={language} />);
  return { fake, api };
}

const verdict = () => screen.findByTestId("verdict");
const asunaroSpec = (): FakeItemSpec => ({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(88, CARRIER_DOMAINS)), subject: "運動会" });

test("a message only inside the company: allowed, nothing to fix, no review offered", async () => {
  open({ to: people(["jimu@mirai-shoji.co.jp"]), subject: "会議室" });
  expect(await verdict()).toHaveAttribute("data-verdict", "allow");
  expect(screen.getByTestId("no-findings")).toHaveTextContent(en.noFindings);
  expect(screen.queryByTestId("request-review")).not.toBeInTheDocument();
});

test("while the first read runs, the pane says it is checking", async () => {
  open({ to: people(["jimu@mirai-shoji.co.jp"]) }, { latencyMs: 50 });
  expect(screen.getByText(en.checking)).toBeInTheDocument();
  await verdict();
});

test("88 parents in CC (the Asunaro case): the exposure in one sentence, fixed with Move to BCC, then allowed", async () => {
  const { fake } = open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(88, CARRIER_DOMAINS)), subject: "運動会" }, {}, "ja");
  expect(await verdict()).toHaveAttribute("data-verdict", "review");
  const exposure = screen.getByTestId("exposure");
  expect(within(exposure).getByTestId("exposure-intro")).toHaveTextContent(ja.exposureIntro(88, 0, 88));
  await act(async () => fireEvent.click(within(exposure).getByTestId("move-to-bcc")));
  // The preview names the first few and counts the rest.
  expect(screen.getByTestId("preview-bcc")).toHaveTextContent(CATALOGS.ja.andMore(83));
  expect(screen.getByTestId("preview-cc")).toHaveTextContent(ja.fieldEmpty);
  await act(async () => fireEvent.click(screen.getByTestId("apply-bcc")));
  await waitFor(() => expect(fake.sim.mailbox.bcc).toHaveLength(88));
  expect(fake.sim.mailbox.cc).toHaveLength(0);
  expect(await screen.findByTestId("notice")).toHaveTextContent(ja.applied(88));
  await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "allow"));
  // The notice takes focus, so that a screen reader announces it.
  expect(document.activeElement).toBe(screen.getByTestId("notice"));
});

test("a read Outlook refuses is shown with Try again; once Outlook answers, the pane checks the message", async () => {
  const { fake } = open({ to: people(["jimu@mirai-shoji.co.jp"]) }, { behaviour: { "to.getAsync": "fail" } });
  expect(await screen.findByTestId("load-error")).toHaveTextContent(en.loadFailed);
  expect(screen.getByTestId("refresh")).toHaveTextContent(en.retry);
  expect(screen.queryByTestId("verdict")).not.toBeInTheDocument();
  fake.sim.setFault("to.getAsync", undefined);
  await act(async () => fireEvent.click(screen.getByTestId("refresh")));
  expect(await verdict()).toHaveAttribute("data-verdict", "allow");
  expect(screen.queryByTestId("load-error")).not.toBeInTheDocument();
  expect(screen.getByTestId("refresh")).toHaveTextContent(en.refresh);
});

test("opened from the Smart Alert: says Send Guard stopped the message; from a failed check: says why", async () => {
  open({ to: people(["a@acme.co.jp", "b@globex.co.jp"]) }, { initializationContext: JSON.stringify({ v: 1, verdict: "review", codes: ["external-exposure"], fingerprint: null }) });
  expect(await screen.findByTestId("alert-context")).toHaveTextContent(en.fromAlert);
});

test("sent from a shared mailbox: the reviewers are the mailbox's, and the request says it is from the mailbox", async () => {
  const { api } = open({ from: "info@mirai-shoji.co.jp", to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(12, CARRIER_DOMAINS)), subject: "運動会" }, { userEmail: "tanaka@mirai-shoji.co.jp" }, "ja");
  expect(await verdict()).toHaveAttribute("data-verdict", "review");
  const request = await screen.findByTestId("request");
  // Signed in as the person; reviewers asked for the mailbox the message goes out from.
  expect(api.callsOf("devSignIn")).toEqual([["tanaka@mirai-shoji.co.jp"]]);
  expect(api.callsOf("reviewers")).toEqual([["info@mirai-shoji.co.jp"]]);
  await waitFor(() => expect(request).toBeEnabled());
  await act(async () => fireEvent.click(request));
  await screen.findByTestId("review-status");
  const [created] = api.callsOf("create")[0] as [{ snapshot: { from: string } }];
  expect(created.snapshot.from).toBe("info@mirai-shoji.co.jp");
});

test("opened from the alert of a check that could not finish: the reason in words", async () => {
  open({ to: people(["jimu@mirai-shoji.co.jp"]) }, { initializationContext: JSON.stringify({ v: 1, verdict: "error", codes: [], fingerprint: null, error: "timeout" }) });
  expect(await screen.findByTestId("alert-context")).toHaveTextContent(en.fromAlertError(CATALOGS.en.failureReason.timeout));
});

test("a message that needs a review: the sender asks the policy's reviewer, and the request is kept on the item", async () => {
  const { fake, api } = open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(12, CARRIER_DOMAINS)), subject: "運動会" }, {}, "ja");
  expect(await verdict()).toHaveAttribute("data-verdict", "review");
  // Development sign-in as the mailbox user, then the reviewers this sender may ask.
  const request = await screen.findByTestId("request");
  expect(api.callsOf("devSignIn")).toEqual([["tanaka@mirai-shoji.co.jp"]]);
  fireEvent.change(screen.getByTestId("note"), { target: { value: "連絡網です" } });
  await act(async () => fireEvent.click(request));
  const status = await screen.findByTestId("review-status");
  expect(status).toHaveAttribute("data-status", "pending");
  expect(status).toHaveTextContent(REVIEW_TEXT.ja.waiting("山田 課長 (kacho@mirai-shoji.co.jp)"));
  const [created] = api.callsOf("create")[0] as [{ snapshot: { cc: unknown[] }; note: string; reviewer: string }];
  expect(created).toMatchObject({ reviewer: "kacho@mirai-shoji.co.jp", note: "連絡網です" });
  expect(created.snapshot.cc).toHaveLength(12);
  const id = [...api.reviews.keys()][0]!;
  expect(fake.sim.sessionData.get(REVIEW_SESSION_KEY)).toBe(id);
  // No approval on the item while the request waits.
  expect(fake.sim.sessionData.has(APPROVAL_SESSION_KEY)).toBe(false);
});

test("the review service cannot be reached: the pane still shows the findings and says the service is unavailable", async () => {
  const api = new FakeReviewApi();
  api.fail("session", new Error("Failed to fetch"));
  open({ to: people(["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"]), cc: people(["b@globex.co.jp", "b2@globex.co.jp", "b3@globex.co.jp"]) }, {}, "en", api);
  expect(await verdict()).toHaveAttribute("data-verdict", "review");
  expect(await screen.findByTestId("review-unavailable")).toHaveTextContent(REVIEW_TEXT.en.serviceUnavailable("Failed to fetch"));
});

test("a file with personal data: listed with Remove, and removing it takes it off the message", async () => {
  const csv = new Uint8Array(Buffer.from("氏名,電話番号,メール\n" + Array.from({ length: 30 }, (_, i) => `山田${i},090-1234-${String(1000 + i)},p${i}@gmail.com`).join("\n"), "utf8"));
  const { fake } = open({ to: people(["a@acme.co.jp"]), attachments: [{ id: "att-0", name: "名簿.csv", content: csv }] });
  const file = await screen.findByTestId("flagged-file", {}, { timeout: 5000 });
  expect(file).toHaveTextContent("名簿.csv");
  await act(async () => fireEvent.click(within(file).getByTestId("remove-attachment")));
  await waitFor(() => expect(fake.sim.mailbox.attachments).toHaveLength(0));
  expect(await screen.findByTestId("notice")).toHaveTextContent(en.removed("名簿.csv"));
});

describe("a reply-all (the compose-start record on the item)", () => {
  const record = (cc: string[]) => JSON.stringify({ v: 1, type: "reply", to: ["a@acme.co.jp"], cc });
  const replyAll = (cc: string[]): FakeItemSpec => ({
    to: people(["a@acme.co.jp"]),
    cc: people(cc),
    subject: "RE: 打ち合わせ",
    sessionData: { [COMPOSE_SESSION_KEY]: record(["b@globex.co.jp", "c@initech.co.jp"]) },
  });

  test("among the same people: the pane agrees with Send that nothing new is exposed", async () => {
    open(replyAll(["b@globex.co.jp", "c@initech.co.jp"]));
    expect(await verdict()).toHaveAttribute("data-verdict", "allow");
    expect(screen.queryByTestId("exposure")).not.toBeInTheDocument();
  });

  test("with a company added: the pane names who is new to the thread", async () => {
    open(replyAll(["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"]), {}, "ja");
    expect(await verdict()).toHaveAttribute("data-verdict", "review");
    expect(screen.getByTestId("new-to-thread")).toHaveTextContent(ja.newToThread(["d@umbrella.co.jp"]));
  });

  test("the review request carries how the message started, so that the reviewer sees the same findings", async () => {
    const { api } = open(replyAll(["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"]), {}, "ja");
    const request = await screen.findByTestId("request");
    // The first reviewer is chosen just after the form appears.
    await waitFor(() => expect(request).toBeEnabled());
    await act(async () => fireEvent.click(request));
    await screen.findByTestId("review-status");
    const [created] = api.callsOf("create")[0] as [{ snapshot: { composeStart?: unknown } }];
    expect(created.snapshot.composeStart).toEqual({ type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] });
    const review = [...api.reviews.values()][0]!;
    expect(review.findings.find((f) => f.code === "external-exposure")?.evidence).toMatchObject({ newcomers: ["d@umbrella.co.jp"] });
  });
});

describe("the correspondence memory in the pane", () => {
  const COUNSEL = { to: people(["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"]), cc: people(["x@law-office.jp", "y@law-office.jp", "z@law-office.jp"]) };
  const remembered = () => {
    const roaming = new SimRoamingStore();
    const memory = CorrespondenceMemory.empty();
    memory.learn({ addresses: ["b@globex.co.jp"], group: [...COUNSEL.to, ...COUNSEL.cc].map((r) => r.emailAddress) }, Date.now());
    roaming.stored[MEMORY_SETTING_KEY] = memory.encode();
    return roaming;
  };

  test("the pane judges with the memory as Send does: a group addressed together before passes", async () => {
    open(COUNSEL, { roaming: remembered() });
    expect(await verdict()).toHaveAttribute("data-verdict", "allow");
    expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memorySummary(7, 1));
  });

  test("clearing asks first, then forgets everything: the same message now needs a review", async () => {
    const roaming = remembered();
    open(COUNSEL, { roaming }, "ja");
    expect(await verdict()).toHaveAttribute("data-verdict", "allow");
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear")));
    expect(screen.getByTestId("memory-confirm")).toHaveTextContent(ja.memoryConfirm);
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear-cancel")));
    expect(CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY])?.counts().addresses).toBe(7);
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear")));
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear-yes")));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(ja.memoryCleared));
    expect(CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY])?.counts()).toEqual({ addresses: 0, domains: 0, groups: 0 });
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "review"));
    expect(screen.getByTestId("memory-summary")).toHaveTextContent(ja.memoryEmpty);
  });

  test("a save that fails says so and that nothing changed", async () => {
    const roaming = remembered();
    const { fake } = open(COUNSEL, { roaming });
    await verdict();
    fake.sim.setFault("roamingSettings.saveAsync", "fail");
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear")));
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear-yes")));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(/could not be cleared .* Nothing was changed\./));
    expect(CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY])?.counts().addresses).toBe(7);
    // The pane's own copy is put back too: still judged with the memory.
    expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memorySummary(7, 1));
    await act(async () => fireEvent.click(screen.getByTestId("refresh")));
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "allow"));
  });

  test("a new mailbox: nothing yet, no clear button", async () => {
    open({ to: people(["a@acme.co.jp"]) });
    await verdict();
    expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memoryEmpty);
    expect(screen.queryByTestId("memory-clear")).not.toBeInTheDocument();
  });
});

describe("wrong recipients: one click puts them right", () => {
  test("a look-alike of gmail.com: Replace writes the address meant, keeps the others, and the message passes", async () => {
    const { fake } = open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(["hogosha@gmial.com"]) });
    expect(await verdict()).toHaveAttribute("data-verdict", "confirm");
    const replace = await screen.findByTestId("replace-recipient");
    expect(replace).toHaveTextContent(en.replaceWith("hogosha@gmail.com"));
    await act(async () => fireEvent.click(replace));
    await waitFor(() => expect(fake.sim.mailbox.cc.map((r) => r.emailAddress)).toEqual(["hogosha@gmail.com"]));
    expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["jimu@mirai-shoji.co.jp"]);
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(en.replaced("hogosha@gmial.com", "hogosha@gmail.com")));
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "allow"));
  });

  test("a company slipped into an internal reply: Remove takes it out", async () => {
    const record = JSON.stringify({ v: 1, type: "reply", to: ["kacho@mirai-shoji.co.jp"], cc: [] });
    const { fake } = open({ composeType: "reply", to: people(["kacho@mirai-shoji.co.jp", "kato@globex.co.jp"]), sessionData: { [COMPOSE_SESSION_KEY]: record } }, {}, "ja");
    expect(await verdict()).toHaveAttribute("data-verdict", "confirm");
    const remove = await screen.findByTestId("remove-recipient");
    expect(remove).toHaveTextContent(ja.removeRecipient("kato@globex.co.jp"));
    await act(async () => fireEvent.click(remove));
    await waitFor(() => expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["kacho@mirai-shoji.co.jp"]));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(ja.recipientRemoved("kato@globex.co.jp")));
  });

  test("a field Outlook returned only in part is never rewritten: refused, nothing changed", async () => {
    // To reaches the 500 Outlook hands over (Mailbox 1.15): it may hold more. The look-alike is in CC.
    const { fake } = open({ to: people(addresses(500, ["mirai-shoji.co.jp"])), cc: people(["x@gmial.com"]) }, { mailbox: "1.15" });
    const replace = await screen.findByTestId("replace-recipient", {}, { timeout: 5000 });
    await act(async () => fireEvent.click(replace));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(/cannot change the recipients here: .*first 500 recipients of TO.*Nothing was changed/));
    expect(fake.calls.filter((c) => c.endsWith("setAsync"))).toEqual([]);
    expect(fake.sim.mailbox.cc.map((r) => r.emailAddress)).toEqual(["x@gmial.com"]);
  });

  test("the address was already corrected by hand: nothing is written, the pane says so", async () => {
    const { fake } = open({ to: people(["hogosha@gmial.com"]) });
    const replace = await screen.findByTestId("replace-recipient");
    fake.sim.mailbox.to = [{ emailAddress: "hogosha@gmail.com", displayName: "hogosha@gmail.com", recipientType: "externalUser" }];
    await act(async () => fireEvent.click(replace));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(en.fixGone("hogosha@gmial.com")));
    expect(fake.calls).not.toContain("to.setAsync");
  });
});

describe("the memory on the review server (signed in)", () => {
  const COUNSEL = { to: people(["a@acme.co.jp", "a2@acme.co.jp", "a3@acme.co.jp"]), cc: people(["x@law-office.jp", "y@law-office.jp", "z@law-office.jp"]) };
  const counselMemory = () => {
    const memory = CorrespondenceMemory.empty();
    memory.learn({ addresses: [], group: [...COUNSEL.to, ...COUNSEL.cc].map((r) => r.emailAddress) }, Date.now());
    return memory.encode();
  };

  test("a new device starts warm: the server's copy comes into the mailbox and the message is judged with it", async () => {
    const api = new FakeReviewApi();
    api.memories.set("tanaka@mirai-shoji.co.jp", counselMemory());
    const roaming = new SimRoamingStore();
    open(COUNSEL, { roaming }, "en", api);
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "allow"));
    expect(CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY])?.counts().groups).toBe(1);
    expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memorySummary(6, 1));
  });

  test("what this mailbox learned goes up to the server", async () => {
    const api = new FakeReviewApi();
    const roaming = new SimRoamingStore();
    roaming.stored[MEMORY_SETTING_KEY] = counselMemory();
    open(COUNSEL, { roaming }, "en", api);
    await waitFor(() => expect(api.memories.get("tanaka@mirai-shoji.co.jp")).toEqual(roaming.stored[MEMORY_SETTING_KEY]));
  });

  test("clearing in the pane clears the server's copy too (it would otherwise come back)", async () => {
    const api = new FakeReviewApi();
    const roaming = new SimRoamingStore();
    roaming.stored[MEMORY_SETTING_KEY] = counselMemory();
    open(COUNSEL, { roaming }, "en", api);
    await waitFor(() => expect(api.memories.has("tanaka@mirai-shoji.co.jp")).toBe(true));
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear")));
    await act(async () => fireEvent.click(screen.getByTestId("memory-clear-yes")));
    await waitFor(() => expect(CorrespondenceMemory.decode(api.memories.get("tanaka@mirai-shoji.co.jp"))?.counts().addresses).toBe(0));
  });
});

describe("an address Send Guard takes for a slip, but which is right", () => {
  test("It's correct: the memory learns it, the pane no longer asks, and Send lets it go", async () => {
    const roaming = new SimRoamingStore();
    const { fake } = open({ to: people(["partner@mirai-shoji.com"]) }, { roaming }, "ja");
    expect(await verdict()).toHaveAttribute("data-verdict", "confirm");
    await act(async () => fireEvent.click(await screen.findByTestId("keep-recipient")));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(ja.keptAsCorrect("partner@mirai-shoji.com")));
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "allow"));
    expect(CorrespondenceMemory.decode(roaming.stored[MEMORY_SETTING_KEY])?.knowsDomain("mirai-shoji.com")).toBe(true);
    expect(fake.sim.mailbox.to.map((r) => r.emailAddress)).toEqual(["partner@mirai-shoji.com"]);
  });

  test("a save that fails says so; the address is still asked about", async () => {
    const roaming = new SimRoamingStore();
    const { fake } = open({ to: people(["partner@mirai-shoji.com"]) }, { roaming });
    await verdict();
    fake.sim.setFault("roamingSettings.saveAsync", "fail");
    await act(async () => fireEvent.click(await screen.findByTestId("keep-recipient")));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(/could not remember it .* Nothing was changed\./));
    expect(screen.getByTestId("verdict")).toHaveAttribute("data-verdict", "confirm");
    expect(roaming.saves).toHaveLength(0);
  });
});

describe("a client whose Smart Alert has no Send Anyway (Mailbox 1.12, 1.13)", () => {
  /** Presses Send on the same item: the real send handler in an event runtime of the same simulated Outlook. */
  async function sendNow(fake: ReturnType<typeof createFakeOffice>): Promise<Record<string, unknown>> {
    const pane = (globalThis as { Office?: unknown }).Office;
    (globalThis as { Office?: unknown }).Office = fake.sim.connect("event").office;
    try {
      const handler = createOnMessageSend({ origin: "https://sendguard.mirai-shoji.co.jp", embeddedPolicy: POLICY, deadlineMs: 500, policyFetchMs: 20 });
      const { event, first } = createEvent();
      handler(event as unknown as Office.AddinCommands.Event);
      return await first;
    } finally {
      (globalThis as { Office?: unknown }).Office = pane;
    }
  }

  test.each(["1.12", "1.13"])("Mailbox %s: a confirm is marked as checked in the pane, and the next Send lets exactly that message go", async (mailbox) => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError("offline")));
    const { fake } = open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(["hogosha@gmial.com"]) }, { mailbox, displayLanguage: "ja-JP" }, "ja");
    // At Send: stopped, with no Send Anyway and no pane button, and told where the pane is.
    const stopped = await sendNow(fake);
    expect(Object.keys(stopped).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(stopped.errorMessage).toContain(`「${RIBBON_BUTTON.ja}」`);
    expect(stopped.errorMessage).toContain(`「${CONFIRM_BUTTON.ja}」`);
    expect(stopped.errorMessage).not.toContain("このまま送信できます");

    expect(await verdict()).toHaveAttribute("data-verdict", "confirm");
    expect(screen.getByTestId("verdict")).toHaveTextContent(ja.confirmHere.help);
    const section = screen.getByTestId("confirm-here");
    expect(section).toHaveTextContent(ja.confirmHere.why);
    await act(async () => fireEvent.click(within(section).getByTestId("confirm-as-is")));
    await waitFor(() => expect(screen.getByTestId("confirmed")).toHaveTextContent(ja.confirmHere.done));
    expect(fake.sim.sessionData.get(CONFIRMATION_SESSION_KEY)).toMatch(/^\{"v":1,"fp":"sg2:/);

    expect(await sendNow(fake)).toEqual({ allowEvent: true });
    expect(fake.sim.mailbox.headers["X-SendGuard"]).toBe("v1; checked; confirmed");

    // Another recipient after confirming: Send stops again, and the pane asks again.
    await act(async () => fake.sim.setRecipients("to", [...fake.sim.mailbox.to, { emailAddress: "sato@mirai-shoji.co.jp", displayName: "sato", recipientType: "user" }]));
    expect((await sendNow(fake)).allowEvent).toBe(false);
    await waitFor(() => expect(screen.getByTestId("confirm-here")).toHaveAttribute("data-done", "false"));
  });

  test("a review is never confirmed by the sender: no such button; the alert points to the ribbon", async () => {
    const { fake } = open(asunaroSpec(), { mailbox: "1.12" });
    expect(await verdict()).toHaveAttribute("data-verdict", "review");
    expect(screen.queryByTestId("confirm-here")).not.toBeInTheDocument();
    const stopped = await sendNow(fake);
    expect(stopped.errorMessage).toContain(`Click "${RIBBON_BUTTON.en}" (Send Guard) on the ribbon`);
  });

  test("Mailbox 1.14 has Send Anyway: the pane shows no button of its own", async () => {
    open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(["hogosha@gmial.com"]) }, { mailbox: "1.14" });
    expect(await verdict()).toHaveAttribute("data-verdict", "confirm");
    expect(screen.getByTestId("verdict")).toHaveTextContent(en.verdictHelp.confirm);
    expect(screen.queryByTestId("confirm-here")).not.toBeInTheDocument();
  });

  test("the confirmation cannot be kept on the item: the pane says so, and Send still stops", async () => {
    const { fake } = open({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(["hogosha@gmial.com"]) }, { mailbox: "1.12" });
    await verdict();
    fake.sim.setFault("sessionData.setAsync", "fail");
    await act(async () => fireEvent.click(screen.getByTestId("confirm-as-is")));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(/could not keep your confirmation/));
    expect(screen.getByTestId("confirm-here")).toHaveAttribute("data-done", "false");
    fake.sim.setFault("sessionData.setAsync", undefined);
    expect((await sendNow(fake)).allowEvent).toBe(false);
  });
});
