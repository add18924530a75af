import { COMPOSE_TYPES, type ComposeStart, type ComposeType } from "../shared/types";
import { malformedAnswer, officeCall } from "./async";
import { readField } from "./draft";
import { composeItem } from "./host";

const TYPES = new Set<string>(COMPOSE_TYPES);

/** `getComposeTypeAsync` (Mailbox 1.10): "newMail", "reply" (reply and reply-all) or "forward". */
function readComposeType(item: Office.MessageCompose): Promise<ComposeType> {
  return officeCall<unknown>("getComposeTypeAsync", (cb) => (item as unknown as { getComposeTypeAsync(cb: (r: Office.AsyncResult<unknown>) => void): void }).getComposeTypeAsync(cb)).then(
    (value) => {
      const type = (value as { composeType?: unknown } | null | undefined)?.composeType;
      if (typeof type !== "string" || !TYPES.has(type)) throw malformedAnswer("getComposeTypeAsync", "a compose type");
      return type as ComposeType;
    },
  );
}

/**
 * How the message started: its compose type and the To and CC Outlook pre-filled, read in one
 * round at compose start. Undefined where the client has no `getComposeTypeAsync` (before
 * Mailbox 1.10): the message is then judged on its own. Rejects on a failed or malformed
 * answer, and nothing is recorded.
 */
export function readComposeStart(): Promise<ComposeStart | undefined> {
  const item = composeItem();
  if (typeof (item as { getComposeTypeAsync?: unknown }).getComposeTypeAsync !== "function") return Promise.resolve(undefined);
  return Promise.all([readComposeType(item), readField(item, "to"), readField(item, "cc")]).then(([type, to, cc]) => ({
    type,
    to: to.map((r) => r.emailAddress).filter((a) => a !== ""),
    cc: cc.map((r) => r.emailAddress).filter((a) => a !== ""),
  }));
}
