import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { CATALOGS, PANE_TEXT } from "../../../src/i18n";
import { readDraft } from "../../../src/office/draft";
import { writeRecipients } from "../../../src/office/recipients";
import { MoveToBcc } from "../../../src/taskpane/components/MoveToBcc";
import type { PaneHost } from "../../../src/taskpane/host";
import type { Notice } from "../../../src/ui/notice";
import { fixObstacle, planMoveToBcc } from "../../../src/policy";
import { addresses, CARRIER_DOMAINS, policyOf } from "../../support/drafts";
import { createFakeOffice, type FakeItemSpec } from "../../support/fake-office";
import { renderUi } from "../../support/render";

const ja = PANE_TEXT.ja;
const policy = policyOf();
const host = { readDraft, writeRecipients } as unknown as PaneHost;
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

async function setup(spec: FakeItemSpec, mailbox = "1.15") {
  const fake = createFakeOffice(spec, { runtime: "taskpane", mailbox });
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const notices: Notice[] = [];
  let changed = 0;
  const draft = await readDraft();
  renderUi(<MoveToBcc host={host} draft={draft} policy={policy} text={ja} catalog={CATALOGS.ja} onNotice={(n) => notices.push(n)} onChanged={() => (changed += 1)} />);
  return { fake, draft, notices, changed: () => changed };
}

const asunaro = (n = 12): FakeItemSpec => ({ to: people(["jimu@mirai-shoji.co.jp"]), cc: people(addresses(n, CARRIER_DOMAINS)), subject: "運動会" });

test("the button opens a preview of every field after the move and the verdict it would get, and takes focus there", async () => {
  await setup(asunaro());
  fireEvent.click(screen.getByTestId("move-to-bcc"));
  expect(screen.getByTestId("bcc-preview")).toHaveTextContent(ja.previewMoved(12));
  expect(screen.getByTestId("preview-result")).toHaveAttribute("data-verdict", "allow");
  expect(screen.getByTestId("preview-cc")).toHaveTextContent(ja.fieldEmpty);
  expect(screen.getByTestId("preview-bcc")).toHaveTextContent(CATALOGS.ja.andMore(7));
  expect(document.activeElement).toBe(screen.getByRole("heading", { name: ja.previewTitle }));
});

test("Cancel closes the preview and writes nothing", async () => {
  const { fake } = await setup(asunaro());
  fireEvent.click(screen.getByTestId("move-to-bcc"));
  fireEvent.click(screen.getByRole("button", { name: ja.cancel }));
  expect(screen.queryByTestId("bcc-preview")).not.toBeInTheDocument();
  expect(fake.calls.filter((c) => c.endsWith(".setAsync"))).toEqual([]);
});

test("the recipients changed after the preview: Apply writes nothing and shows the new preview with a warning", async () => {
  const { fake, notices } = await setup(asunaro());
  fireEvent.click(screen.getByTestId("move-to-bcc"));
  fake.sim.mailbox.cc.push({ emailAddress: "late@gmail.com", displayName: "late@gmail.com", recipientType: "externalUser" });
  await act(async () => fireEvent.click(screen.getByTestId("apply-bcc")));
  expect(await screen.findByText(ja.changedSincePreview)).toBeInTheDocument();
  expect(screen.getByTestId("bcc-preview")).toHaveTextContent(ja.previewMoved(13));
  expect(fake.calls.filter((c) => c.endsWith(".setAsync"))).toEqual([]);
  expect(notices).toEqual([]);
});

test("Apply moves everyone, says how many, and asks the pane to check again", async () => {
  const { fake, notices, changed } = await setup(asunaro());
  fireEvent.click(screen.getByTestId("move-to-bcc"));
  await act(async () => fireEvent.click(screen.getByTestId("apply-bcc")));
  await waitFor(() => expect(notices).toEqual([{ intent: "success", text: ja.applied(12) }]));
  expect(fake.sim.mailbox.bcc).toHaveLength(12);
  expect(changed()).toBe(1);
});

test("Outlook refuses the write: an error notice that says whether the recipients were put back", async () => {
  const { fake, notices } = await setup(asunaro());
  fake.sim.setFault("bcc.setAsync", "fail");
  fireEvent.click(screen.getByTestId("move-to-bcc"));
  await act(async () => fireEvent.click(screen.getByTestId("apply-bcc")));
  await waitFor(() => expect(notices).toHaveLength(1));
  expect(notices[0]!.intent).toBe("error");
  expect(notices[0]!.text).toContain("bcc.setAsync");
  // Nobody is lost: everyone is still on the message, in one field or another.
  const everyone = [...fake.sim.mailbox.to, ...fake.sim.mailbox.cc, ...fake.sim.mailbox.bcc].map((r) => r.emailAddress);
  expect(new Set(everyone).size).toBe(13);
});

test("a field Outlook returned only in part (501 in CC on Mailbox 1.15): no button, the reason and what to do instead", async () => {
  const { draft, fake } = await setup(asunaro(501));
  const obstacle = fixObstacle(draft, planMoveToBcc(draft, policy)!);
  expect(obstacle).toMatchObject({ reason: "truncated" });
  expect(screen.queryByTestId("move-to-bcc")).not.toBeInTheDocument();
  expect(screen.getByTestId("cannot-move")).toHaveTextContent(ja.cannotMove(obstacle!));
  expect(fake.calls.filter((c) => c.endsWith(".setAsync"))).toEqual([]);
});
