import type { ReviewSnapshot } from "../api/contract";
import type { AttachmentInspection, Draft, SendContext } from "../shared/types";
import { addressKey } from "../policy/address";
import { addressHash } from "../policy/fingerprint";

/** The draft a review snapshot describes, for evaluating and fingerprinting it on the server. */
export function snapshotDraft(snapshot: ReviewSnapshot): Draft {
  const recipients = (list: ReviewSnapshot["to"]) =>
    list.map((r) => ({ emailAddress: r.address, displayName: r.name, recipientType: r.type ?? "unknown" }));
  return {
    from: snapshot.from,
    to: recipients(snapshot.to),
    cc: recipients(snapshot.cc),
    bcc: recipients(snapshot.bcc),
    subject: snapshot.subject,
    attachments: snapshot.attachments.map((a) => ({ name: a.name, size: a.size, contentHash: a.contentHash, inspection: a.inspection })),
    truncatedFields: snapshot.truncatedFields,
  };
}

/** What the snapshot says beyond the message (how it started), for evaluating it as the pane and Send do. */
export function snapshotContext(snapshot: ReviewSnapshot): SendContext {
  return snapshot.composeStart ? { composeStart: { type: snapshot.composeStart.type, to: [...snapshot.composeStart.to], cc: [...snapshot.composeStart.cc] } } : {};
}

/** An inspection as a snapshot carries it: the distinct addresses become a count and a not-recipient count. */
function snapshotInspection(
  inspection: AttachmentInspection | undefined,
  recipients: ReadonlySet<string>,
): Omit<AttachmentInspection, "addresses" | "addressHashes" | "contentHash"> | undefined {
  if (!inspection) return undefined;
  // The content hash travels on the attachment (the fingerprint covers it), not in the inspection.
  const { addresses, addressHashes, contentHash, ...rest } = inspection;
  if (addresses) return { ...rest, addressCount: addresses.length, notRecipientCount: addresses.filter((a) => !recipients.has(a)).length };
  if (addressHashes) {
    const hashed = new Set([...recipients].map(addressHash));
    const count = rest.addressCount ?? addressHashes.length;
    return { ...rest, addressCount: count, notRecipientCount: count - addressHashes.filter((h) => hashed.has(h)).length };
  }
  return rest;
}

/** The snapshot of a draft that the sender's pane sends with a review request. */
export function draftSnapshot(draft: Draft, from: string, context: SendContext = {}): ReviewSnapshot {
  const recipients = (list: Draft["to"]) =>
    list.map((r) => ({ address: r.emailAddress, name: r.displayName || undefined, type: r.recipientType }));
  const keys = new Set<string>();
  for (const r of [...draft.to, ...draft.cc, ...draft.bcc]) {
    const key = addressKey(r.emailAddress);
    if (key !== undefined) keys.add(key);
  }
  return {
    from,
    to: recipients(draft.to),
    cc: recipients(draft.cc),
    bcc: recipients(draft.bcc),
    subject: draft.subject,
    attachments: draft.attachments.map((a) => ({ name: a.name, size: a.size, contentHash: a.contentHash, inspection: snapshotInspection(a.inspection, keys) })),
    // Fields Outlook returned only up to its limit: the reviewer must see that too.
    ...(draft.truncatedFields && draft.truncatedFields.length > 0 ? { truncatedFields: [...draft.truncatedFields] } : {}),
    ...(context.composeStart ? { composeStart: { ...context.composeStart } } : {}),
  };
}
