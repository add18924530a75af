import { createHash } from "node:crypto";
import { inspectPendingAttachments, pendingAttachments, type AttachmentContent } from "../../src/attachments/pending";
import { attachmentKey } from "../../src/attachments/cache";
import type { DraftAttachment } from "../../src/shared/types";
import { policyOf } from "../support/drafts";
import { peopleRows, xlsx } from "../support/files";

const limits = policyOf().inspection;
const file = (id: string, name: string, size: number, extra: Partial<DraftAttachment> = {}): DraftAttachment => ({ id, name, size, attachmentType: "file", isInline: false, ...extra });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

async function inspectOne(attachment: DraftAttachment, content: AttachmentContent | Error) {
  const results = await inspectPendingAttachments([attachment], {
    readContent: () => (content instanceof Error ? Promise.reject(content) : Promise.resolve(content)),
    limits,
  });
  return results.get(attachmentKey(attachment));
}

describe("which attachments still need reading", () => {
  test("files and attached messages not in the cache; inline images, cloud links and files without an id are not read", () => {
    const list = [
      file("1", "a.xlsx", 10),
      file("2", "logo.png", 10, { isInline: true }),
      file("3", "共有.xlsx", 10, { attachmentType: "cloud" }),
      file("4", "転送.eml", 10, { attachmentType: "item" }),
      { name: "no-id.csv", size: 5 },
      file("5", "done.csv", 7),
    ];
    const cache = new Map([[attachmentKey(file("5", "done.csv", 7)), { status: "inspected" as const }]]);
    expect(pendingAttachments(list, cache).map((a) => a.name)).toEqual(["a.xlsx", "転送.eml"]);
  });
});

describe("what Office hands over, whatever its shape", () => {
  const book = xlsx([{ name: "名簿", rows: peopleRows(20) }]);

  test("base64 with line breaks (as some clients wrap it) is read", async () => {
    const wrapped = base64(book).replace(/(.{76})/g, "$1\r\n");
    expect(await inspectOne(file("1", "名簿.xlsx", book.length), { format: "base64", content: wrapped })).toMatchObject({ status: "inspected", counts: expect.objectContaining({ phone: 20 }) });
  });

  test("base64 that is not base64 makes the file unscannable (corrupt), not an exception", async () => {
    expect(await inspectOne(file("1", "名簿.xlsx", 100), { format: "base64", content: "this is *not* base64!" })).toEqual({
      status: "unscannable",
      reason: "corrupt",
      contentHash: `sha256:${createHash("sha256").update("this is *not* base64!").digest("hex")}`,
    });
  });

  test("the hash of the bytes read is kept with the result: the same bytes give the same hash, other bytes another", async () => {
    const other = xlsx([{ name: "名簿", rows: peopleRows(21) }]);
    const first = await inspectOne(file("1", "名簿.xlsx", book.length), { format: "base64", content: base64(book) });
    const wrapped = await inspectOne(file("1", "名簿.xlsx", book.length), { format: "base64", content: base64(book).replace(/(.{76})/g, "$1\r\n") });
    const replaced = await inspectOne(file("1", "名簿.xlsx", other.length), { format: "base64", content: base64(other) });
    expect(first?.contentHash).toBe(`sha256:${createHash("sha256").update(book).digest("hex")}`);
    expect(wrapped?.contentHash).toBe(first?.contentHash);
    expect(replaced?.contentHash).not.toBe(first?.contentHash);
  });

  test("a file that was not read has no hash: nothing claims to know its content", async () => {
    expect(await inspectOne(file("1", "a.csv", 10), new Error("5001"))).toEqual({ status: "not-inspected", reason: "read-failed" });
    expect((await inspectOne(file("1", "big.csv", limits.maxBytes + 1), { format: "base64", content: "" }))?.contentHash).toBeUndefined();
  });

  test("a format Office does not document is not taken as an empty file: the file is named as not handed over", async () => {
    expect(await inspectOne(file("1", "名簿.xlsx", 100), { format: "zip", content: "" })).toEqual({ status: "not-inspected", reason: "read-failed" });
  });

  test("an attached message arrives as its text (format eml) and is read as a message", async () => {
    const eml = ["From: a@example.jp", "To: b@example.jp", "Subject: 名簿", "Content-Type: text/plain; charset=utf-8", "", ...peopleRows(12).map((r) => r.join(" "))].join("\r\n");
    expect(await inspectOne(file("1", "転送メール", 2000, { attachmentType: "item" }), { format: "eml", content: eml })).toMatchObject({ status: "inspected", counts: expect.objectContaining({ email: 14 }) });
  });

  test("a link (format url) is not a file: skipped", async () => {
    expect(await inspectOne(file("1", "共有.xlsx", 100), { format: "url", content: "https://contoso.sharepoint.com/x" })).toEqual({ status: "skipped" });
  });

  test("a failed read is 'not inspected' with reason read-failed, and the next file is still read", async () => {
    const attachments = [file("1", "a.csv", 10), file("2", "b.csv", 20)];
    const results = await inspectPendingAttachments(attachments, {
      readContent: (id) => (id === "1" ? Promise.reject(new Error("5001")) : Promise.resolve({ format: "base64", content: base64(Buffer.from("x@example.jp\n")) })),
      limits,
    });
    expect(results.get(attachmentKey(attachments[0]!))).toEqual({ status: "not-inspected", reason: "read-failed" });
    expect(results.get(attachmentKey(attachments[1]!))).toMatchObject({ status: "inspected" });
  });

  test("past the deadline nothing more is read: the rest are 'not inspected', smallest files first", async () => {
    const attachments = [file("big", "big.csv", 5000), file("small", "small.csv", 10)];
    const read: string[] = [];
    let now = 0;
    const results = await inspectPendingAttachments(attachments, {
      readContent: (id) => {
        read.push(id);
        now += 100; // each read takes 100 ms of the clock
        return Promise.resolve({ format: "base64", content: base64(Buffer.from("x@example.jp\n")) });
      },
      limits,
      now: () => now,
      deadlineAt: 50,
    });
    expect(read).toEqual(["small"]);
    expect(results.get(attachmentKey(attachments[0]!))).toEqual({ status: "not-inspected", reason: "not-inspected" });
  });
});
