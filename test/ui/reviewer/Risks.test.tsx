import { screen, within } from "@testing-library/react";
import { describeFinding, PANE_TEXT, REVIEW_TEXT } from "../../../src/i18n";
import { groupByParty, Risks } from "../../../src/ui/reviewer/Risks";
import { evaluate } from "../../../src/policy";
import { draftOf, policyOf } from "../../support/drafts";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;

// Three people at ACME, one at Globex, one individual (gmail), a distribution list, and a zip nobody can open.
const review = reviewFor(
  draftOf({
    to: ["jimu@mirai-shoji.co.jp", "dl:all@mirai-shoji.co.jp"],
    cc: ["a@acme.co.jp", "b@acme.co.jp", "c@acme.co.jp", "d@globex.co.jp", "hanako@gmail.com"],
    attachments: [{ name: "資料.zip", size: 500, inspection: { status: "unscannable", reason: "encrypted-zip" } }],
  }),
);

test("who would see whom: the count in one sentence, then each organisation by name with its addresses, largest first", () => {
  renderUi(<Risks findings={review.findings} text={ja} language="ja" />);
  const exposed = screen.getByTestId("exposed");
  expect(exposed).toHaveTextContent(ja.exposedIntro(5, 2, 1));
  const parties = within(exposed).getAllByRole("listitem");
  expect(parties.map((p) => p.getAttribute("data-party"))).toEqual(["acme.co.jp", "globex.co.jp", "hanako@gmail.com"]);
  expect(parties[0]).toHaveTextContent("acme.co.jp");
  expect(parties[0]).toHaveTextContent("a@acme.co.jp (CC), b@acme.co.jp (CC), c@acme.co.jp (CC)");
  expect(parties[0]).toHaveTextContent(PANE_TEXT.ja.partyKind.organization);
});

test("an individual is named by the address alone, not as an organisation called gmail.com", () => {
  renderUi(<Risks findings={review.findings} text={ja} language="ja" />);
  const individual = screen.getByTestId("exposed").querySelector('[data-party="hanako@gmail.com"]') as HTMLElement;
  expect(individual).toHaveTextContent(PANE_TEXT.ja.partyKind.individual);
  expect(individual.textContent?.match(/gmail\.com/g)).toHaveLength(1);
});

test("flagged files are listed with what was found, and the other findings in words", () => {
  renderUi(<Risks findings={review.findings} text={ja} language="ja" />);
  expect(screen.getByText(ja.filesTitle)).toBeInTheDocument();
  expect(screen.getAllByTestId("flagged-file").map((f) => f.textContent)).toEqual([expect.stringContaining("資料.zip")]);
  const list = review.findings.find((f) => f.code === "distribution-list")!;
  expect(screen.getByText(describeFinding(list, "ja"))).toBeInTheDocument();
  // The reviewer's copy of the file list has no remove button.
  expect(screen.queryByTestId("remove-attachment")).not.toBeInTheDocument();
});

test("a message with nothing exposed shows neither the exposure nor the file sections", () => {
  // One outside person and a distribution list: nobody outside sees anyone else.
  const inside = reviewFor(draftOf({ to: ["dl:all@mirai-shoji.co.jp", "a@acme.co.jp"] }));
  renderUi(<Risks findings={inside.findings} text={ja} language="ja" />);
  expect(screen.queryByTestId("exposed")).not.toBeInTheDocument();
  expect(screen.queryByText(ja.filesTitle)).not.toBeInTheDocument();
  expect(screen.getByTestId("risks").querySelector('[data-code="distribution-list"]')).not.toBeNull();
});

test("groupByParty keeps each party's addresses together and puts the largest party first", () => {
  const groups = groupByParty([
    { address: "x@small.jp", field: "to", party: "small.jp", partyKind: "organization" },
    { address: "a@big.jp", field: "cc", party: "big.jp", partyKind: "organization" },
    { address: "b@big.jp", field: "bcc", party: "big.jp", partyKind: "organization" },
  ] as never);
  expect(groups.map((g) => [g.party, g.addresses.length])).toEqual([
    ["big.jp", 2],
    ["small.jp", 1],
  ]);
});

test("for a reply, the reviewer is told who is new to the thread", () => {
  const reply = evaluate(draftOf({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "d@umbrella.co.jp"] }), policyOf(), {
    composeStart: { type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] },
  });
  renderUi(<Risks findings={reply.findings} text={ja} language="ja" />);
  expect(screen.getByTestId("new-to-thread")).toHaveTextContent(PANE_TEXT.ja.newToThread(["d@umbrella.co.jp"]));
});
