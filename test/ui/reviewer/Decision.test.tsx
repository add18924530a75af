import { fireEvent, screen } from "@testing-library/react";
import { REVIEW_TEXT } from "../../../src/i18n";
import { Decision, type DecisionInput } from "../../../src/ui/reviewer/Decision";
import { addresses, CARRIER_DOMAINS, draftOf } from "../../support/drafts";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;
const personalFile = { name: "会員名簿.xlsx", size: 9000, inspection: { status: "inspected" as const, counts: { phone: 40 }, headers: [{ where: "Sheet1", columns: ["氏名", "電話番号"], rows: 40 }] } };
// 12 outside addresses in CC and a member list (its content and its name): three items to acknowledge.
const review = reviewFor(draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(12, CARRIER_DOMAINS), attachments: [personalFile] }));

function setup(busy = false) {
  const decisions: DecisionInput[] = [];
  renderUi(<Decision review={review} text={ja} busy={busy} onDecide={(input) => decisions.push(input)} />);
  const boxes = () => screen.getAllByTestId("ack") as HTMLInputElement[];
  return { decisions, boxes };
}

test("the review has one box per flagged item: the exposure, and each finding about the file", () => {
  expect(review.checks.map((c) => c.code)).toEqual(["external-exposure", "attachment-personal-data", "attachment-name"]);
});

test("each box says what the reviewer vouches for: the count of outside addresses, the file by name", () => {
  setup();
  expect(screen.getByText(ja.checkExposure(12))).toBeInTheDocument();
  const fileLabels = screen.getAllByText((text) => text.includes("「会員名簿.xlsx」"));
  expect(fileLabels).toHaveLength(2);
  expect(fileLabels[0]).not.toHaveTextContent(fileLabels[1]!.textContent ?? "");
});

test("Approve stays disabled, with the hint, until every box is ticked; Reject is always possible", () => {
  const { boxes } = setup();
  expect(screen.getByTestId("approve")).toBeDisabled();
  expect(screen.getByTestId("reject")).toBeEnabled();
  expect(screen.getByText(ja.approveHint)).toBeInTheDocument();
  fireEvent.click(boxes()[0]!);
  fireEvent.click(boxes()[1]!);
  expect(screen.getByTestId("approve")).toBeDisabled();
  fireEvent.click(boxes()[2]!);
  expect(screen.getByTestId("approve")).toBeEnabled();
  expect(screen.queryByText(ja.approveHint)).not.toBeInTheDocument();
  // Unticking one takes Approve away again.
  fireEvent.click(boxes()[0]!);
  expect(screen.getByTestId("approve")).toBeDisabled();
});

test("Approve sends exactly the ticked items and the trimmed comment", () => {
  const { decisions, boxes } = setup();
  for (const box of boxes()) fireEvent.click(box);
  fireEvent.change(screen.getByTestId("comment"), { target: { value: "  先方了承済み  " } });
  fireEvent.click(screen.getByTestId("approve"));
  expect(decisions).toEqual([{ decision: "approve", comment: "先方了承済み", acknowledged: review.checks.map((c) => c.key) }]);
});

test("Reject with a blank comment sends no comment and whatever was ticked", () => {
  const { decisions, boxes } = setup();
  fireEvent.click(boxes()[1]!);
  fireEvent.change(screen.getByTestId("comment"), { target: { value: "   " } });
  fireEvent.click(screen.getByTestId("reject"));
  expect(decisions).toEqual([{ decision: "reject", comment: undefined, acknowledged: [review.checks[1]!.key] }]);
});

test("while a decision is being sent both buttons are disabled", () => {
  const { boxes } = setup(true);
  for (const box of boxes()) fireEvent.click(box);
  expect(screen.getByTestId("approve")).toBeDisabled();
  expect(screen.getByTestId("reject")).toBeDisabled();
});
