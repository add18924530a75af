import { attachmentKey, serializeInspectionCache } from "../../src/attachments/cache";
import { INSPECTIONS_SESSION_KEY } from "../../src/shared/session-keys";
import type { Draft } from "../../src/shared/types";
import type { PaneHost } from "../../src/taskpane/host";
import { inspectNewAttachments } from "../../src/taskpane/pane-inspection";
import { policyOf } from "../support/drafts";
import { peopleRows, xlsx } from "../support/files";

const book = xlsx([{ name: "名簿", rows: peopleRows(20) }]);
const attachment = { id: "AAMk1", name: "data.xlsx", size: book.length, attachmentType: "file" as const, isInline: false };
const draft: Draft = { to: [{ emailAddress: "a@acme.co.jp" }], cc: [], bcc: [], subject: "", attachments: [attachment] };

/** A pane host over an item's sessionData, counting content reads; `onRead` runs when the pane reads the item. */
function hostOver(item: Map<string, string>, onRead: () => void = () => undefined) {
  const reads: string[] = [];
  const host = {
    readItemValue: (key: string) => {
      onRead();
      return Promise.resolve(item.get(key));
    },
    writeItemValue: (key: string, value: string) => {
      item.set(key, value);
      return Promise.resolve();
    },
    readAttachmentContent: (id: string) => {
      reads.push(id);
      return Promise.resolve({ format: "base64", content: Buffer.from(book).toString("base64") });
    },
  } as unknown as PaneHost;
  return { host, reads };
}

describe("the pane inspects what nobody has yet, alongside the attachments-changed event", () => {
  test("a new file is read, stored on the item, and the pane is told to evaluate again", async () => {
    const item = new Map<string, string>();
    const { host, reads } = hostOver(item);
    expect(await inspectNewAttachments(host, draft, policyOf())).toBe(true);
    expect(reads).toEqual(["AAMk1"]);
    expect(item.get(INSPECTIONS_SESSION_KEY)).toContain('"addressCount":20');
  });

  test("stored by the launch event after the pane evaluated: nothing is read, and the pane evaluates again", async () => {
    const item = new Map([[INSPECTIONS_SESSION_KEY, serializeInspectionCache(new Map([[attachmentKey(attachment), { status: "inspected" as const, counts: { email: 20 } }]]))]]);
    const { host, reads } = hostOver(item);
    // The draft the pane evaluated has no inspection for the file: the cache was empty then.
    expect(await inspectNewAttachments(host, draft, policyOf())).toBe(true);
    expect(reads).toEqual([]);
  });

  test("already known when the pane evaluated: nothing to do", async () => {
    const item = new Map([[INSPECTIONS_SESSION_KEY, serializeInspectionCache(new Map([[attachmentKey(attachment), { status: "inspected" as const, counts: {} }]]))]]);
    const { host, reads } = hostOver(item);
    const known = { ...draft, attachments: [{ ...attachment, inspection: { status: "inspected" as const, counts: {} } }] };
    expect(await inspectNewAttachments(host, known, policyOf())).toBe(false);
    expect(reads).toEqual([]);
  });
});
