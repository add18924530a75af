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

/** Outlook kept fewer recipients in a field than were written to it. */
export class RecipientsLostError extends Error {
  constructor(
    readonly field: RecipientField,
    readonly missing: number,
  ) {
    super(`Outlook did not keep ${missing} of the recipients written to ${field.toUpperCase()}`);
    this.name = "RecipientsLostError";
  }
}

const addressSet = (list: readonly { emailAddress?: string }[]) => new Set(list.map((r) => (r.emailAddress ?? "").trim().toLowerCase()));

/** Reads a field back and fails when any address written to it is not there. */
function verifyField(field: RecipientField, expected: readonly DraftRecipient[]): Promise<void> {
  const target = composeItem()[field];
  return officeCall<unknown>(`${field}.getAsync`, (cb) => target.getAsync(cb)).then((value) => {
    const present = addressSet(Array.isArray(value) ? (value as { emailAddress?: string }[]) : []);
    const missing = [...addressSet(expected)].filter((address) => !present.has(address)).length;
    if (missing > 0) throw new RecipientsLostError(field, missing);
  });
}

/**
 * Writes To / CC / BCC. BCC goes first (it only grows in our fixes, so a failure
 * there loses nothing), then To, then CC; unchanged fields are not touched. Each
 * written field is read back: every address written must be there. If a write or
 * that check fails, the fields already written are put back to `before`, and the
 * error says whether that worked, so nobody's address is ever silently dropped.
 * Callers must not pass a field Outlook returned only in part (see fixObstacle).
 */
export async function writeRecipients(after: RecipientFields, before: RecipientFields): Promise<void> {
  const order = (["bcc", "to", "cc"] as const).filter((field) => !sameList(after[field], before[field]));
  const written: RecipientField[] = [];
  let failed: RecipientField | undefined;
  try {
    for (const field of order) {
      failed = field;
      await writeField(field, after[field], () => written.push(field));
    }
    for (const field of written) {
      failed = field;
      await verifyField(field, after[field]);
    }
  } catch (cause) {
    let restored = true;
    for (const back of [...written].reverse()) {
      try {
        await writeField(back, before[back]);
      } catch {
        restored = false;
      }
    }
    throw new RecipientWriteError(failed ?? "bcc", cause, restored);
  }
}
