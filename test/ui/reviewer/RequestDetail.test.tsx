import { act, fireEvent, screen } from "@testing-library/react";
import { ApiError } from "../../../src/api/error";
import { formatDateTime, REVIEW_TEXT } from "../../../src/i18n";
import { RequestDetail } from "../../../src/ui/reviewer/RequestDetail";
import { addresses, CARRIER_DOMAINS, draftOf } from "../../support/drafts";
import { FakeReviewApi } from "../../support/fake-review-api";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;
const en = REVIEW_TEXT.en;
const KACHO = "kacho@mirai-shoji.co.jp";

const fresh = () =>
  reviewFor(draftOf({ subject: "保護者各位：運動会のお知らせ", to: ["jimu@mirai-shoji.co.jp"], cc: addresses(12, CARRIER_DOMAINS), bcc: ["kyoto@mirai-shoji.co.jp"] }), {
    note: "保護者会の連絡網です",
  });

async function setup(review = fresh(), me = KACHO, language: "ja" | "en" = "ja") {
  const api = new FakeReviewApi([review]);
  await api.devSignIn(me);
  const back: number[] = [];
  renderUi(<RequestDetail api={api} id={review.id} me={me} text={REVIEW_TEXT[language]} language={language} onBack={() => back.push(1)} />);
  return { api, review, back };
}

test("shows the request: subject, sender, received and expiry times in the page's language, the note, every field", async () => {
  const { review } = await setup();
  expect(await screen.findByTestId("detail-subject")).toHaveTextContent("保護者各位：運動会のお知らせ");
  expect(screen.getByText((t) => t.includes(ja.from("田中 一郎 <tanaka@mirai-shoji.co.jp>")))).toHaveTextContent(ja.received(formatDateTime(review.createdAt, "ja")));
  expect(screen.getByTestId("detail-status")).toHaveTextContent(ja.status.pending);
  expect(screen.getByTestId("sender-note")).toHaveTextContent("保護者会の連絡網です");
  expect(screen.getByTestId("field-to")).toHaveTextContent("To (1): jimu@mirai-shoji.co.jp");
  expect(screen.getByTestId("field-cc")).toHaveTextContent("CC (12)");
  expect(screen.getByTestId("field-bcc")).toHaveTextContent("BCC (1): kyoto@mirai-shoji.co.jp");
  expect(screen.getByTestId("risks")).toBeInTheDocument();
});

test("a request without a note or subject says so instead of showing nothing", async () => {
  await setup(reviewFor(draftOf({ subject: "", to: ["a@acme.co.jp", "b@globex.co.jp"] })), KACHO, "en");
  expect(await screen.findByTestId("detail-subject")).toHaveTextContent(en.none);
  expect(screen.getByTestId("sender-note")).toHaveTextContent(en.noNote);
});

test("the reviewer approves after ticking every item: the server gets the ticked keys and the page says it is done", async () => {
  const { api, review } = await setup();
  for (const box of (await screen.findAllByTestId("ack")) as HTMLInputElement[]) fireEvent.click(box);
  await act(async () => fireEvent.click(screen.getByTestId("approve")));
  expect(api.callsOf("decide")).toEqual([[review.id, { decision: "approve", comment: undefined, acknowledged: review.checks.map((c) => c.key) }]]);
  expect(await screen.findByTestId("decided")).toHaveTextContent(ja.decidedByYou(ja.status.approved));
  expect(screen.getByTestId("detail-status")).toHaveTextContent(ja.status.approved);
  // Decided: the form is gone, so nobody decides twice.
  expect(screen.queryByTestId("decision")).not.toBeInTheDocument();
});

test("while the decision is on its way the buttons are disabled; a refusal is shown and the form stays to try again", async () => {
  const { api } = await setup();
  api.fail("decide", new ApiError(409, "changed", "the sender withdrew this request"));
  const release = api.hold("decide");
  await screen.findByTestId("decision");
  fireEvent.click(screen.getByTestId("reject"));
  expect(screen.getByTestId("reject")).toBeDisabled();
  await act(async () => release());
  expect(await screen.findByTestId("decision-error")).toHaveTextContent("the sender withdrew this request");
  expect(screen.getByTestId("reject")).toBeEnabled();
  expect(screen.getByTestId("detail-status")).toHaveTextContent(ja.status.pending);
});

test("someone who is not the request's reviewer sees it without the decision form", async () => {
  await setup(fresh(), "it@mirai-shoji.co.jp");
  await screen.findByTestId("request-detail");
  expect(screen.queryByTestId("decision")).not.toBeInTheDocument();
});

test("a decided request shows the reviewer's comment and no form", async () => {
  await setup({ ...fresh(), status: "rejected", comment: "BCCに移してください" });
  expect(await screen.findByText(ja.comment("BCCに移してください"))).toBeInTheDocument();
  expect(screen.queryByTestId("decision")).not.toBeInTheDocument();
});

test("a request that does not exist (or is not yours) says so; other failures say why", async () => {
  const api = new FakeReviewApi();
  await api.devSignIn(KACHO);
  const view = renderUi(<RequestDetail api={api} id="rv_missing" me={KACHO} text={ja} language="ja" onBack={() => undefined} />);
  expect(await screen.findByTestId("detail-error")).toHaveTextContent(ja.notAvailable);
  view.unmount();
  api.fail("get", new ApiError(0, "offline", "Failed to fetch"));
  renderUi(<RequestDetail api={api} id="rv_missing" me={KACHO} text={ja} language="ja" onBack={() => undefined} />);
  expect(await screen.findByTestId("detail-error")).toHaveTextContent("Failed to fetch");
});

test("Back goes back to the queue", async () => {
  const { back } = await setup();
  fireEvent.click(await screen.findByTestId("back"));
  expect(back).toHaveLength(1);
});
