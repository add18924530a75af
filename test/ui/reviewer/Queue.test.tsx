import { act, fireEvent, screen, within } from "@testing-library/react";
import { ApiError } from "../../../src/api/error";
import { REVIEW_TEXT } from "../../../src/i18n";
import { DECIDED_SHOWN, NOTE_EXCERPT, Queue } from "../../../src/ui/reviewer/Queue";
import { addresses, COMPANY_DOMAINS, draftOf } from "../../support/drafts";
import { FakeReviewApi } from "../../support/fake-review-api";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;
const en = REVIEW_TEXT.en;
const draft = (subject: string) => draftOf({ subject, to: ["jimu@mirai-shoji.co.jp"], cc: addresses(5, COMPANY_DOMAINS) });

async function setup(api: FakeReviewApi, language: "ja" | "en" = "ja") {
  const opened: string[] = [];
  await api.devSignIn("kacho@mirai-shoji.co.jp");
  renderUi(<Queue api={api} text={REVIEW_TEXT[language]} language={language} onOpen={(id) => opened.push(id)} />);
  return { opened };
}

test("waits with a spinner, then lists what waits for this reviewer with subject, sender, time and what tells it apart", async () => {
  const note = "先方の要望で全社宛てに送ります。".repeat(6);
  const pending = reviewFor(draft("取引先各位：年末のご挨拶"), { note });
  const api = new FakeReviewApi([pending]);
  const release = api.hold("list");
  await setup(api);
  expect(screen.queryByTestId("queue")).not.toBeInTheDocument();
  await act(async () => release());
  const rows = await screen.findAllByTestId("queue-item");
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toHaveTextContent("取引先各位：年末のご挨拶");
  expect(row).toHaveTextContent(ja.from("田中 一郎"));
  expect(row).toHaveTextContent(ja.status.pending);
  // 1 + 5 recipients and the items to check, then the start of the note and an ellipsis.
  const summary = within(row).getByTestId("queue-summary");
  expect(summary).toHaveTextContent(ja.rowSummary(6, pending.checks.length, `${note.slice(0, NOTE_EXCERPT)}…`));
  expect(screen.getByRole("heading", { name: `${ja.queueTitle} (1)` })).toBeInTheDocument();
});

test("Open names the request it opens (for screen readers) and opens it", async () => {
  const review = reviewFor(draft("見積書の送付"));
  const { opened } = await setup(new FakeReviewApi([review]));
  fireEvent.click(await screen.findByRole("button", { name: `${ja.open}: 見積書の送付` }));
  expect(opened).toEqual([review.id]);
});

test("an empty queue says nothing is waiting, and requests for other reviewers are not shown", async () => {
  await setup(new FakeReviewApi([reviewFor(draft("他の人宛て"), { reviewer: "tanaka@mirai-shoji.co.jp" })]), "en");
  expect(await screen.findByText(en.queueEmpty)).toBeInTheDocument();
  expect(screen.queryByText("他の人宛て")).not.toBeInTheDocument();
  expect(screen.queryByTestId("decided-list")).not.toBeInTheDocument();
});

test(`decided requests are listed under the pending ones, at most ${DECIDED_SHOWN}`, async () => {
  const decided = Array.from({ length: DECIDED_SHOWN + 5 }, (_, i) =>
    reviewFor(draft(`済み ${i}`), { status: i % 2 ? "approved" : "rejected", createdAt: `2026-11-${String(i + 1).padStart(2, "0")}T00:00:00.000Z` }),
  );
  await setup(new FakeReviewApi([reviewFor(draft("未決")), ...decided]));
  const list = await screen.findByTestId("decided-list");
  expect(within(list).getAllByTestId("queue-item")).toHaveLength(DECIDED_SHOWN);
  expect(within(screen.getByTestId("queue")).getAllByTestId("queue-item")).toHaveLength(1);
});

test("an event from the server re-reads the queue: a new request appears without reloading", async () => {
  const api = new FakeReviewApi([reviewFor(draft("最初の依頼"))]);
  await setup(api);
  await screen.findByText("最初の依頼");
  const later = reviewFor(draft("あとから来た依頼"), { createdAt: "2026-12-01T05:00:00.000Z" });
  api.reviews.set(later.id, later);
  await act(async () => api.emit({ id: later.id, status: "pending", sender: later.sender, reviewer: later.reviewer, at: later.createdAt }));
  expect(await screen.findByText("あとから来た依頼")).toBeInTheDocument();
  expect(screen.getAllByTestId("queue-item")).toHaveLength(2);
});

test("a failed read says why instead of an empty queue", async () => {
  const api = new FakeReviewApi();
  api.fail("list", new ApiError(503, "unavailable", "the database is restarting"));
  await setup(api, "en");
  expect(await screen.findByTestId("queue-error")).toHaveTextContent("the database is restarting");
  expect(screen.queryByText(en.queueEmpty)).not.toBeInTheDocument();
});

test("leaving the queue stops listening for events", async () => {
  const api = new FakeReviewApi();
  await api.devSignIn("kacho@mirai-shoji.co.jp");
  const view = renderUi(<Queue api={api} text={ja} language="ja" onOpen={() => undefined} />);
  await screen.findByText(ja.queueEmpty);
  expect(api.listeners.size).toBe(1);
  view.unmount();
  expect(api.listeners.size).toBe(0);
});
