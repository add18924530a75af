import * as fs from "node:fs";
import * as path from "node:path";
import MsgReader from "@kenjiuno/msgreader";
import { mboxReader } from "mbox-reader";
import PostalMime from "postal-mime";
import { PSTFile, type PSTFolder, type PSTMessage } from "pst-extractor";
import type { DraftRecipient } from "../shared/types";
import { contentHash, InputError, MAX_INPUT_BYTES, messageIds, parseDraftJson, parseEml, type DraftWithContent, type MessageMeta } from "./draft-file";

/**
 * Reads a mailbox export as the messages in it, whatever the format: folders (recursively),
 * RFC 5322 `.eml` files, mbox files (`mbox-reader`), Outlook `.msg` (`@kenjiuno/msgreader`),
 * `.pst`/`.ost` (`pst-extractor`) and draft JSON. A file that cannot be read is reported and
 * the rest goes on.
 */
export interface ExportMessage extends DraftWithContent {
  /** Where it came from: the file, and for containers the message's place in it (`box.mbox#12`, `mail.pst:/Inbox#3`). */
  file: string;
}

export type ExportItem = ExportMessage | { file: string; error: string };

const MESSAGE_EXTENSIONS = new Set([".eml", ".json", ".msg", ".pst", ".ost", ".mbox", ".mbx"]);

function listFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  if (!stat.isDirectory()) return [];
  return fs
    .readdirSync(target)
    .sort()
    .flatMap((name) => {
      const child = path.join(target, name);
      const childStat = fs.statSync(child);
      if (childStat.isDirectory()) return listFiles(child);
      const ext = path.extname(name).toLowerCase();
      return MESSAGE_EXTENSIONS.has(ext) || (ext === "" && looksLikeMbox(child)) ? [child] : [];
    });
}

function looksLikeMbox(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    return head.toString("latin1") === "From ";
  } finally {
    fs.closeSync(fd);
  }
}

function recipientsOf(list: { address?: string | undefined; name?: string | undefined }[]): DraftRecipient[] {
  return list.filter((r) => r.address).map((r) => ({ emailAddress: r.address as string, displayName: r.name || undefined, recipientType: "unknown" }));
}

/** Date, Message-ID, In-Reply-To and References from a block of transport headers. */
async function metaFromHeaders(headers: string | undefined): Promise<MessageMeta & { from?: string | undefined }> {
  if (!headers || !headers.trim()) return {};
  try {
    const parsed = await PostalMime.parse(`${headers.replace(/\r?\n$/, "")}\r\n\r\n`);
    const date = parsed.date ? new Date(parsed.date) : undefined;
    return {
      date: date && !Number.isNaN(date.getTime()) ? date : undefined,
      messageId: messageIds(parsed.messageId)[0],
      inReplyTo: messageIds(parsed.inReplyTo)[0],
      references: messageIds(parsed.references),
      from: parsed.from?.address,
    };
  } catch {
    return {};
  }
}

const dateOf = (value: Date | string | null | undefined): Date | undefined => {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** An Outlook .msg file (one message). */
export async function parseMsg(bytes: Uint8Array): Promise<DraftWithContent> {
  let reader: MsgReader;
  let data: ReturnType<MsgReader["getFileData"]>;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (error) {
    throw new InputError(`not an Outlook message (.msg): ${(error as Error).message}`);
  }
  if (data.error) throw new InputError(`not an Outlook message (.msg): ${data.error}`);
  const byType = (type: "to" | "cc" | "bcc") =>
    recipientsOf((data.recipients ?? []).filter((r) => (r.recipType ?? "to") === type).map((r) => ({ address: r.smtpAddress || r.email, name: r.name })));
  const contents: Uint8Array[] = [];
  const attachments = (data.attachments ?? []).map((attachment, i) => {
    let content: Uint8Array = new Uint8Array(0);
    try {
      content = reader.getAttachment(i).content;
    } catch {
      // An embedded item or a broken stream: named with no content.
    }
    contents.push(content);
    return { name: attachment.fileName || attachment.fileNameShort || "(unnamed attachment)", size: content.byteLength, contentHash: contentHash(content), isInline: false };
  });
  const headers = await metaFromHeaders(data.headers);
  return {
    draft: { from: data.senderSmtpAddress || headers.from || data.senderEmail, to: byType("to"), cc: byType("cc"), bcc: byType("bcc"), subject: data.subject ?? "", attachments },
    contents,
    context: {},
    meta: {
      ...headers,
      date: dateOf(data.clientSubmitTime) ?? dateOf(data.messageDeliveryTime) ?? headers.date,
      messageId: messageIds(data.messageId)[0] ?? headers.messageId,
    },
  };
}

const PST_RECIPIENT_TYPES: Record<number, "to" | "cc" | "bcc"> = { 1: "to", 2: "cc", 3: "bcc" };

async function pstMessage(message: PSTMessage): Promise<DraftWithContent> {
  const fields = { to: [] as DraftRecipient[], cc: [] as DraftRecipient[], bcc: [] as DraftRecipient[] };
  for (let i = 0; i < message.numberOfRecipients; i++) {
    const r = message.getRecipient(i);
    const field = r && PST_RECIPIENT_TYPES[r.recipientType];
    if (r && field) fields[field].push(...recipientsOf([{ address: r.smtpAddress || r.emailAddress, name: r.displayName }]));
  }
  const contents: Uint8Array[] = [];
  const attachments = [];
  for (let i = 0; i < message.numberOfAttachments; i++) {
    const attachment = message.getAttachment(i);
    let content: Uint8Array = new Uint8Array(0);
    const stream = attachment.fileInputStream;
    if (stream && attachment.filesize > 0 && attachment.filesize <= MAX_INPUT_BYTES) {
      const buffer = Buffer.alloc(attachment.filesize);
      stream.readCompletely(buffer);
      content = new Uint8Array(buffer);
    }
    contents.push(content);
    attachments.push({ name: attachment.longFilename || attachment.filename || "(unnamed attachment)", size: content.byteLength, contentHash: contentHash(content), isInline: false });
  }
  const headers = await metaFromHeaders(message.transportMessageHeaders);
  const sender = message.senderAddrtype === "SMTP" ? message.senderEmailAddress : (headers.from ?? message.senderEmailAddress);
  return {
    draft: { from: sender, ...fields, subject: message.subject ?? "", attachments },
    contents,
    context: {},
    meta: {
      ...headers,
      date: dateOf(message.clientSubmitTime) ?? dateOf(message.messageDeliveryTime) ?? headers.date,
      messageId: messageIds(message.internetMessageId)[0] ?? headers.messageId,
      inReplyTo: messageIds(message.inReplyToId)[0] ?? headers.inReplyTo,
    },
  };
}

async function* pstMessages(file: string, label: string): AsyncGenerator<ExportItem> {
  let pst: PSTFile;
  try {
    pst = new PSTFile(file);
  } catch (error) {
    yield { file: label, error: `not an Outlook data file (.pst/.ost): ${(error as Error).message}` };
    return;
  }
  const folders: [PSTFolder, string][] = [[pst.getRootFolder(), ""]];
  while (folders.length > 0) {
    const [folder, where] = folders.shift() as [PSTFolder, string];
    if (folder.hasSubfolders) for (const child of folder.getSubFolders()) folders.push([child, `${where}/${child.displayName}`]);
    let index = 0;
    for (let item = folder.contentCount > 0 ? (folder.getNextChild() as PSTMessage | null) : null; item; item = folder.getNextChild() as PSTMessage | null) {
      index += 1;
      if (!String(item.messageClass ?? "").startsWith("IPM.Note")) continue;
      try {
        yield { file: `${label}:${where}#${index}`, ...(await pstMessage(item)) };
      } catch (error) {
        yield { file: `${label}:${where}#${index}`, error: (error as Error).message };
      }
    }
  }
}

function readWhole(file: string): Buffer {
  const size = fs.statSync(file).size;
  if (size > MAX_INPUT_BYTES) throw new InputError(`larger than ${MAX_INPUT_BYTES} bytes`);
  return fs.readFileSync(file);
}

/** Every message in the given files and folders, in the order found (the caller sorts by date). */
export async function* readExport(paths: readonly string[], cwd: string): AsyncGenerator<ExportItem> {
  for (const given of paths) {
    const target = path.resolve(cwd, given);
    let files: string[];
    try {
      files = listFiles(target);
    } catch {
      yield { file: given, error: "file not found" };
      continue;
    }
    for (const file of files) {
      const label = path.relative(cwd, file) || given;
      const ext = path.extname(file).toLowerCase();
      try {
        if (ext === ".pst" || ext === ".ost") {
          yield* pstMessages(file, label);
        } else if (ext === ".mbox" || ext === ".mbx" || (ext === "" && looksLikeMbox(file))) {
          let index = 0;
          for await (const entry of mboxReader(fs.createReadStream(file))) {
            index += 1;
            try {
              yield { file: `${label}#${index}`, ...(await parseEml(new Uint8Array(entry.content))) };
            } catch (error) {
              yield { file: `${label}#${index}`, error: (error as Error).message };
            }
          }
        } else if (ext === ".msg") {
          yield { file: label, ...(await parseMsg(new Uint8Array(readWhole(file)))) };
        } else if (ext === ".json") {
          yield { file: label, ...parseDraftJson(readWhole(file).toString("utf8").replace(/^\uFEFF/, "")) };
        } else {
          yield { file: label, ...(await parseEml(new Uint8Array(readWhole(file)))) };
        }
      } catch (error) {
        if (!(error instanceof InputError) && !(error instanceof Error)) throw error;
        yield { file: label, error: (error as Error).message };
      }
    }
  }
}
