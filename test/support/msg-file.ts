import * as CFB from "cfb";

/**
 * A minimal Outlook .msg (MS-OXMSG) for the simulate tests: a compound file with the message's
 * properties as `__substg1.0_` streams (UTF-16LE strings, binary), the fixed-size ones (submit
 * time, recipient type) in `__properties_version1.0`, one storage per recipient and attachment.
 */
export interface MsgSpec {
  from: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  date: Date;
  messageId?: string;
  /** Transport headers (In-Reply-To, References) as a received message carries them. */
  headers?: string;
  attachments?: { name: string; content: Uint8Array }[];
}

const utf16 = (text: string) => Buffer.from(`${text}\u0000`, "utf16le");

function property(tag: number, value: Buffer): Buffer {
  const entry = Buffer.alloc(16);
  entry.writeUInt32LE(tag >>> 0, 0);
  entry.writeUInt32LE(0x06, 4); // readable | writable
  value.copy(entry, 8);
  return entry;
}

function filetime(date: Date): Buffer {
  const ticks = BigInt(date.getTime()) * 10000n + 116444736000000000n;
  const value = Buffer.alloc(8);
  value.writeBigUInt64LE(ticks);
  return value;
}

function int32(n: number): Buffer {
  const value = Buffer.alloc(8);
  value.writeInt32LE(n);
  return value;
}

export function msgFile(spec: MsgSpec): Buffer {
  const cfb = CFB.utils.cfb_new();
  const add = (name: string, content: Buffer) => CFB.utils.cfb_add(cfb, `/${name}`, content);
  const recipients = [
    ...(spec.to ?? []).map((a) => [a, 1] as const),
    ...(spec.cc ?? []).map((a) => [a, 2] as const),
    ...(spec.bcc ?? []).map((a) => [a, 3] as const),
  ];
  const attachments = spec.attachments ?? [];
  const header = Buffer.alloc(32);
  header.writeUInt32LE(recipients.length, 8);
  header.writeUInt32LE(attachments.length, 12);
  header.writeUInt32LE(recipients.length, 16);
  header.writeUInt32LE(attachments.length, 20);
  add("__properties_version1.0", Buffer.concat([header, property(0x00390040, filetime(spec.date)), property(0x0e060040, filetime(spec.date))]));
  add("__substg1.0_001A001F", utf16("IPM.Note"));
  add("__substg1.0_0037001F", utf16(spec.subject));
  add("__substg1.0_0C1F001F", utf16(spec.from));
  add("__substg1.0_0C1E001F", utf16("SMTP"));
  add("__substg1.0_5D01001F", utf16(spec.from));
  if (spec.messageId) add("__substg1.0_1035001F", utf16(spec.messageId));
  if (spec.headers) add("__substg1.0_007D001F", utf16(spec.headers));
  recipients.forEach(([address, type], i) => {
    const dir = `__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, "0")}`;
    add(`${dir}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), property(0x0c150003, int32(type))]));
    add(`${dir}/__substg1.0_3001001F`, utf16(address));
    add(`${dir}/__substg1.0_3003001F`, utf16(address));
    add(`${dir}/__substg1.0_39FE001F`, utf16(address));
  });
  attachments.forEach((attachment, i) => {
    const dir = `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, "0")}`;
    add(`${dir}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), property(0x37050003, int32(1))]));
    add(`${dir}/__substg1.0_3707001F`, utf16(attachment.name));
    add(`${dir}/__substg1.0_37010102`, Buffer.from(attachment.content));
  });
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}
