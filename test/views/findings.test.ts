import { evaluate } from "../../src/policy";
import { findingsView } from "../../src/views";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf, recipient } from "../support/drafts";

test("findings as the pane and the reviewer show them: the exposure, one entry per file, the rest one by one", () => {
  const draft = {
    ...draftOf({
      to: ["jimu@mirai-shoji.co.jp"],
      cc: addresses(5, CARRIER_DOMAINS),
      attachments: [{ name: "会員名簿.xlsx", size: 10, inspection: { status: "inspected" as const, counts: { phone: 30 } } }],
    }),
    bcc: [recipient("not an address")],
  };
  const view = findingsView(evaluate(draft, policyOf()).findings);
  expect(view.exposure?.evidence.visibleExternalCount).toBe(5);
  // One file, named by two findings: one entry with both.
  expect(view.files.map((f) => [f.name, f.codes])).toEqual([["会員名簿.xlsx", ["attachment-personal-data", "attachment-name"]]]);
  expect(view.others.map((f) => f.code)).toEqual(["unresolved-recipient"]);
});

test("nothing found: nothing to show", () => {
  expect(findingsView([])).toEqual({ exposure: undefined, files: [], others: [] });
});
