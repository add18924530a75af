import { act, fireEvent, screen } from "@testing-library/react";
import { PANE_TEXT } from "../../../src/i18n";
import { MemorySection } from "../../../src/taskpane/components/MemorySection";
import { renderUi } from "../../support/render";

const en = PANE_TEXT.en;
const counts = { addresses: 1234, domains: 300, groups: 1 };

test("counts with their nouns and digit grouping, in both languages", () => {
  renderUi(<MemorySection counts={counts} enabled text={en} clear={jest.fn()} onNotice={jest.fn()} />);
  expect(screen.getByTestId("memory-summary")).toHaveTextContent(/^1,234 addresses you have written to, and 1 group of outside recipients/);
  expect(PANE_TEXT.ja.memorySummary(1234, 1)).toMatch(/^送信したことのある宛先1,234件、一緒に送った社外の宛先のグループ1件。/);
});

test("the organization turned it off: said so, nothing to clear shown as counts", () => {
  renderUi(<MemorySection counts={counts} enabled={false} text={en} clear={jest.fn()} onNotice={jest.fn()} />);
  expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memoryOff);
});

test("no roaming settings on this client: no section at all", () => {
  renderUi(<MemorySection counts={null} enabled text={en} clear={jest.fn()} onNotice={jest.fn()} />);
  expect(screen.queryByTestId("memory")).not.toBeInTheDocument();
});

test("clear is asked twice; cancel changes nothing", async () => {
  const clear = jest.fn(() => Promise.resolve());
  const onNotice = jest.fn();
  renderUi(<MemorySection counts={counts} enabled text={en} clear={clear} onNotice={onNotice} />);
  fireEvent.click(screen.getByTestId("memory-clear"));
  fireEvent.click(screen.getByTestId("memory-clear-cancel"));
  expect(clear).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId("memory-clear"));
  await act(async () => fireEvent.click(screen.getByTestId("memory-clear-yes")));
  expect(clear).toHaveBeenCalledTimes(1);
  expect(onNotice).toHaveBeenCalledWith({ intent: "success", text: en.memoryCleared });
  expect(screen.getByTestId("memory-summary")).toHaveTextContent(en.memoryEmpty);
});
