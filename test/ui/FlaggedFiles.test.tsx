import { act, fireEvent, screen, within } from "@testing-library/react";
import { fileLines, PANE_TEXT } from "../../src/i18n";
import type { DraftAttachment } from "../../src/shared/types";
import { FlaggedFiles } from "../../src/ui/FlaggedFiles";
import type { Notice } from "../../src/ui/notice";
import { flaggedFiles } from "../../src/views/flagged-files";
import { evaluate } from "../../src/policy";
import { draftOf, policyOf } from "../support/drafts";
import { renderUi } from "../support/render";

const ja = PANE_TEXT.ja;
const roster: DraftAttachment = { id: "att-1", name: "会員名簿.xlsx", size: 1_536_000, inspection: { status: "inspected", counts: { phone: 40 }, headers: [{ where: "Sheet1", columns: ["氏名", "電話番号"], rows: 40 }] } };
const zip: DraftAttachment = { id: "att-2", name: "資料.zip", size: 500, inspection: { status: "unscannable", reason: "encrypted-zip" } };
const draft = draftOf({ to: ["a@acme.co.jp"], attachments: [roster, zip] });
const files = flaggedFiles(evaluate(draft, policyOf()).findings);

function withRemoval(remove: (id: string) => Promise<void>, attachments = draft.attachments) {
  const notices: Notice[] = [];
  let changed = 0;
  renderUi(<FlaggedFiles files={files} text={ja} language="ja" removal={{ attachments, remove, onNotice: (n) => notices.push(n), onChanged: () => (changed += 1) }} />);
  return { notices, changed: () => changed };
}

test("each flagged file once, with its size and every line of what was found", () => {
  renderUi(<FlaggedFiles files={files} text={ja} language="ja" />);
  const rows = screen.getAllByTestId("flagged-file");
  expect(rows).toHaveLength(2);
  expect(rows[0]).toHaveTextContent("会員名簿.xlsx");
  expect(rows[0]).toHaveTextContent("1.5 MB");
  for (const line of fileLines(files[0]!, "ja")) expect(rows[0]).toHaveTextContent(line.text);
  expect(rows[1]).toHaveTextContent("500 B");
});

test("without removal (the reviewer's copy) there is no remove button", () => {
  renderUi(<FlaggedFiles files={files} text={ja} language="ja" />);
  expect(screen.queryByTestId("remove-attachment")).not.toBeInTheDocument();
});

test("the sender removes a file: the right attachment id, a notice naming it, and a re-check", async () => {
  const removed: string[] = [];
  const { notices, changed } = withRemoval(async (id) => void removed.push(id));
  const row = screen.getAllByTestId("flagged-file")[1]!;
  const button = within(row).getByRole("button", { name: ja.removeLabel("資料.zip") });
  await act(async () => fireEvent.click(button));
  expect(removed).toEqual(["att-2"]);
  expect(notices).toEqual([{ intent: "success", text: ja.removed("資料.zip") }]);
  expect(changed()).toBe(1);
});

test("a removal Outlook refuses is reported with its reason, and the pane re-checks anyway", async () => {
  const { notices, changed } = withRemoval(async () => Promise.reject(new Error("InvalidAttachmentId")));
  await act(async () => fireEvent.click(screen.getAllByTestId("remove-attachment")[0]!));
  expect(notices).toEqual([{ intent: "error", text: ja.removeFailed("会員名簿.xlsx", "InvalidAttachmentId") }]);
  expect(changed()).toBe(1);
});

test("a file the draft no longer holds (or two files with one name) cannot be removed by guess", () => {
  // The draft has only one of the two files, and a same-named file of another size.
  withRemoval(async () => undefined, [{ ...roster, size: 10 }, zip]);
  const [first, second] = screen.getAllByTestId("remove-attachment");
  expect(first).toBeDisabled();
  expect(second).toBeEnabled();
});

test("while one removal runs, the other buttons wait", async () => {
  let finish = () => undefined as void;
  withRemoval(() => new Promise<void>((resolve) => (finish = resolve)));
  const [first, second] = screen.getAllByTestId("remove-attachment");
  await act(async () => fireEvent.click(first!));
  expect(second).toBeDisabled();
  await act(async () => finish());
  expect(second).toBeEnabled();
});
