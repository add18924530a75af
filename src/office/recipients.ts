import type { DraftRecipient, RecipientField } from "../shared/types";
import { officeCall } from "./async";
import { composeItem } from "./host";

/**
 * `setAsync` / `addAsync` take at most 100 recipients per call; office.js throws
 * for more. https://learn.microsoft.com/javascript/api/outlook/office.recipients#outlook-office-recipients-setasync-member(1)
 */
export const RECIPIENTS_PER_CALL = 100;
const DISPLAY_NAME_LIMIT = 255;

export type RecipientFields = Record<RecipientField, DraftRecipient[]>;

/** Writing recipients failed; `restored` tells whether every field was put back as it was. */
export class RecipientWriteError extends Error {
  constructor(
    readonly field: RecipientField,
    override readonly cause: unknown,
    readonly restored: boolean,
  ) {
    super(`${field}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "RecipientWriteError";
  }
}

function toOffice(recipient: DraftRecipient): Office.EmailUser {
  const name = recipient.displayName?.trim() || recipient.emailAddress;
  return { emailAddress: recipient.emailAddress, displayName: name.slice(0, DISPLAY_NAME_LIMIT) };
}

/**
 * Replaces one field: `setAsync` with the first 100, then `addAsync` 100 at a
 * time. `onChanged` is called once the field has been modified (after setAsync).
 */
function writeField(field: RecipientField, recipients: readonly DraftRecipient[], onChanged: () => void = () => undefined): Promise<void> {
  const target = composeItem()[field];
  const list = recipients.map(toOffice);
  let done = officeCall<void>(`${field}.setAsync`, (cb) => target.setAsync(list.slice(0, RECIPIENTS_PER_CALL), cb)).then(onChanged);
  for (let start = RECIPIENTS_PER_CALL; start < list.length; start += RECIPIENTS_PER_CALL) {
    const chunk = list.slice(start, start + RECIPIENTS_PER_CALL);
    done = done.then(() => officeCall<void>(`${field}.addAsync`, (cb) => target.addAsync(chunk, cb)));
  }
  return done;
}

const sameList = (a: readonly DraftRecipient[], b: readonly DraftRecipient[]) =>
  a.length === b.length && a.every((r, i) => r.emailAddress === b[i]?.emailAddress && (r.displayName ?? "") === (b[i]?.displayName ?? ""));

/**
 * Writes To / CC / BCC. BCC goes first (it only grows in our fixes, so a failure
 * there loses nothing), then To, then CC; unchanged fields are not touched. If a
 * write fails, the fields already written are put back to `before`, and the error
 * says whether that worked, so nobody's address is ever silently dropped.
 */
export async function writeRecipients(after: RecipientFields, before: RecipientFields): Promise<void> {
  const order = (["bcc", "to", "cc"] as const).filter((field) => !sameList(after[field], before[field]));
  const written: RecipientField[] = [];
  for (const field of order) {
    try {
      await writeField(field, after[field], () => written.push(field));
    } catch (cause) {
      let restored = true;
      for (const back of written.reverse()) {
        try {
          await writeField(back, before[back]);
        } catch {
          restored = false;
        }
      }
      throw new RecipientWriteError(field, cause, restored);
    }
  }
}
