/** mbox-reader 1.2 (postalsys): an async generator over the messages of an mbox stream. */
declare module "mbox-reader" {
  import type { Readable } from "node:stream";
  export interface MboxMessage {
    returnPath?: string;
    time: Date | false;
    /** The RFC 822 message. */
    content: Buffer;
    flags: string[];
    labels: string[];
    headers: Map<string, string[]>;
  }
  export function mboxReader(input: Readable, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>;
}
