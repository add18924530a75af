import { fireEvent, screen, within } from "@testing-library/react";
import { CATALOGS, PANE_TEXT } from "../../../src/i18n";
import { PartyList } from "../../../src/taskpane/components/PartyList";
import { VerdictBanner } from "../../../src/taskpane/components/VerdictBanner";
import { groupRecipients } from "../../../src/views/recipient-groups";
import { draftOf, policyOf } from "../../support/drafts";
import { renderUi } from "../../support/render";

const ja = PANE_TEXT.ja;
const en = PANE_TEXT.en;

function show(draft: ReturnType<typeof draftOf>, language: "ja" | "en" = "ja") {
  const { groups } = groupRecipients(draft, policyOf());
  renderUi(<PartyList groups={groups} text={PANE_TEXT[language]} catalog={CATALOGS[language]} />);
  return groups;
}

const parties = () => screen.getAllByTestId("parties")[0]!.querySelectorAll(":scope > li");

test("each outside organisation by name with its count and what it would see; us last, named once by the badge", () => {
  show(draftOf({ to: ["jimu@mirai-shoji.co.jp", "a@acme.co.jp", "b@acme.co.jp"], cc: ["c@globex.co.jp"] }));
  const [acme, globex, us] = [...parties()] as HTMLElement[];
  expect(acme).toHaveAttribute("data-party", "acme.co.jp");
  expect(acme).toHaveTextContent(ja.addressCount(2));
  expect(acme).toHaveTextContent(ja.seesOutside(1));
  expect(globex).toHaveTextContent(ja.seesOutside(2));
  expect(us).toHaveAttribute("data-kind", "internal");
  expect(us!.textContent?.split(ja.partyKind.internal)).toHaveLength(2);
  expect(us).not.toHaveTextContent("mirai-shoji.co.jp 社内");
});

test("a person on their own is named by field and address once, not as an organisation", () => {
  show(draftOf({ to: ["a@acme.co.jp"], cc: ["hanako@gmail.com"] }), "en");
  const person = [...parties()].find((p) => p.getAttribute("data-kind") === "individual") as HTMLElement;
  expect(person).toHaveTextContent(`${CATALOGS.en.field.cc}: hanako@gmail.com`);
  expect(person.textContent?.match(/hanako@gmail\.com/g)).toHaveLength(1);
  expect(person).toHaveTextContent(en.partyKind.individual);
});

test("many parties: the first eight, then a button that says how many more and shows them", () => {
  const groups = show(draftOf({ cc: Array.from({ length: 12 }, (_, i) => `tantou@company${i + 1}.co.jp`) }));
  expect(groups.length).toBeGreaterThan(8);
  expect(parties()).toHaveLength(8);
  const more = screen.getByTestId("show-more-parties");
  expect(more).toHaveTextContent(ja.showMore(groups.length - 8));
  fireEvent.click(more);
  expect(parties()).toHaveLength(groups.length);
  expect(screen.queryByTestId("show-more-parties")).not.toBeInTheDocument();
});

test("BCC members are not marked as exposed; To and CC members are", () => {
  show(draftOf({ to: ["a@acme.co.jp"], cc: ["b@acme.co.jp"], bcc: ["c@acme.co.jp"] }));
  const acme = [...parties()][0] as HTMLElement;
  const members = within(acme).getAllByRole("listitem");
  const classOf = (address: string) => members.find((m) => m.textContent?.includes(address))!.className;
  expect(classOf("a@acme.co.jp")).toBe(classOf("b@acme.co.jp"));
  expect(classOf("c@acme.co.jp")).not.toBe(classOf("a@acme.co.jp"));
});

test.each(["allow", "confirm", "review", "block"] as const)("the verdict banner for %s: its label, then its help", (verdict) => {
  renderUi(<VerdictBanner verdict={verdict} label={CATALOGS.ja.verdictLabel[verdict]} help={ja.verdictHelp[verdict]} />);
  const banner = screen.getByTestId("verdict");
  expect(banner).toHaveTextContent(`${CATALOGS.ja.verdictLabel[verdict]} ${ja.verdictHelp[verdict]}`);
  expect(banner).toHaveAttribute("data-verdict", verdict);
});
