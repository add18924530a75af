import { fireEvent, screen } from "@testing-library/react";
import type { Review } from "../../../src/api/contract";
import { describeFinding, formatDateTime, REVIEW_TEXT } from "../../../src/i18n";
import { evaluate } from "../../../src/policy";
import type { Draft } from "../../../src/shared/types";
import { ReviewProgress } from "../../../src/taskpane/review/ReviewProgress";
import { approved } from "../../support/approval-tokens";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf } from "../../support/drafts";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;
const en = REVIEW_TEXT.en;
const draft = draftOf({ subject: "運動会のお知らせ", to: ["jimu@mirai-shoji.co.jp"], cc: addresses(12, CARRIER_DOMAINS) });
const evaluation = evaluate(draft, policyOf());
const WHO = "山田 課長 (kacho@mirai-shoji.co.jp)";

function show(review: Review, live: Draft = draft, language: "ja" | "en" = "ja") {
  const actions: string[] = [];
  renderUi(
    <ReviewProgress
      review={review}
      evaluation={evaluate(live, policyOf())}
      busy={false}
      text={REVIEW_TEXT[language]}
      language={language}
      onCancel={() => actions.push("cancel")}
      onRequestAgain={() => actions.push("again")}
    />,
  );
  const buttons = () => ({ cancel: screen.queryByTestId("cancel-request"), again: screen.queryByTestId("request-again") });
  return { actions, buttons };
}

test("waiting: who it waits for and what not to do meanwhile; Cancel only", () => {
  const { actions, buttons } = show(reviewFor(draft, { fingerprint: evaluation.fingerprint }));
  expect(screen.getByTestId("review-status")).toHaveTextContent(`${ja.waiting(WHO)} ${ja.waitingHint}`);
  expect(buttons().again).toBeNull();
  fireEvent.click(buttons().cancel!);
  expect(actions).toEqual(["cancel"]);
});

test("waiting for an earlier version of the message: says so and offers both Cancel and Request again", () => {
  const { buttons } = show(reviewFor(draft, { fingerprint: evaluation.fingerprint }), { ...draft, subject: "運動会のお知らせ（訂正）" });
  expect(screen.getByTestId("pending-stale")).toHaveTextContent(ja.changedWhilePending(WHO));
  expect(screen.queryByText(ja.waitingHint, { exact: false })).not.toBeInTheDocument();
  expect(buttons().cancel).not.toBeNull();
  expect(buttons().again).not.toBeNull();
});

test("approved for exactly this message: who approved and when, with the comment; nothing to press", () => {
  const review = { ...approved(reviewFor(draft), evaluation), comment: "保護者会で了承済み" };
  const { buttons } = show(review);
  expect(screen.getByTestId("review-status")).toHaveTextContent(ja.approvedBy(WHO, formatDateTime(review.decidedAt, "ja")));
  expect(screen.getByTestId("review-status")).toHaveTextContent(ja.comment("保護者会で了承済み"));
  expect(buttons()).toEqual({ cancel: null, again: null });
});

test("approved, then the message changed: the approval no longer applies, Request again", () => {
  const { buttons } = show(approved(reviewFor(draft), evaluation), { ...draft, cc: [...draft.cc.slice(1)] });
  expect(screen.getByTestId("changed-after-approval")).toHaveTextContent(ja.changedAfterApproval);
  expect(screen.getByTestId("review-status")).not.toHaveTextContent("承認しました");
  expect(buttons().again).not.toBeNull();
});

test("approved, but something is found now that the reviewer did not see: each such finding, and what to do", () => {
  // The reviewer's approval covered nothing of what is found now.
  show(approved(reviewFor(draft), evaluation, []), draft, "en");
  const message = screen.getByTestId("not-covered");
  expect(message).toHaveTextContent(en.notCovered("山田 課長"));
  for (const finding of evaluation.findings) expect(message).toHaveTextContent(describeFinding(finding, "en"));
  expect(message).toHaveTextContent(en.notCoveredNext);
});

test.each([
  ["rejected", (text: typeof ja) => `${text.rejectedBy(WHO)} ${text.comment("BCCにしてください")} ${text.rejectedNext}`],
  ["expired", (text: typeof ja) => text.expired],
  ["cancelled", (text: typeof ja) => text.cancelled],
] as const)("%s: says so and offers Request again", (status, expected) => {
  const { buttons } = show(reviewFor(draft, { status, fingerprint: evaluation.fingerprint, comment: "BCCにしてください" }));
  expect(screen.getByTestId("review-status")).toHaveTextContent(expected(ja));
  expect(buttons().cancel).toBeNull();
  expect(buttons().again).not.toBeNull();
});
