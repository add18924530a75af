import type { AddressListEvidence, AttachmentInspection, DraftAttachment, Level, PersonalDataEvidence, UnscannableEvidence } from "../../shared/types";
import { addressHash } from "../fingerprint";
import { isExternal } from "../recipients";
import type { Rule, RuleContext } from "./rule";

/**
 * Rules over what attachments contain (src/inspect fills `attachment.inspection`).
 * Like attachment-name, they apply to mail with outside recipients: sharing a
 * list inside the organisation is ordinary work.
 */
function inspectedAttachments(context: RuleContext): { attachment: DraftAttachment; inspection: AttachmentInspection }[] {
  if (!needsContentInspection(context)) return [];
  return context.draft.attachments
    .filter((a) => !a.isInline && a.inspection)
    .map((attachment) => ({ attachment, inspection: attachment.inspection as AttachmentInspection }));
}

/**
 * Whether what attachments contain can change the verdict: only mail that leaves the
 * organisation is judged on content, so the send handler reads no file for internal mail.
 */
export function needsContentInspection(context: Pick<RuleContext, "recipients">): boolean {
  return context.recipients.some(isExternal);
}

/** attachment-personal-data: a header row naming personal fields over enough rows, any My Number or card number, or enough phones or addresses. */
export const attachmentPersonalData: Rule = (context) => {
  const { minRows } = context.policy.inspection;
  const flagged: PersonalDataEvidence["attachments"] = [];
  for (const { attachment, inspection } of inspectedAttachments(context)) {
    if (inspection.status !== "inspected") continue;
    const counts = inspection.counts ?? {};
    const headers = (inspection.headers ?? []).filter((h) => h.rows >= minRows);
    const personal =
      headers.length > 0 ||
      (counts["my-number"] ?? 0) > 0 ||
      (counts.card ?? 0) > 0 ||
      (counts.phone ?? 0) >= minRows ||
      (counts["postal-address"] ?? 0) >= minRows;
    if (!personal) continue;
    flagged.push({ name: attachment.name, size: attachment.size, counts, headers, samples: inspection.samples ?? [] });
  }
  return flagged.length > 0 ? { code: "attachment-personal-data", evidence: { attachments: flagged } } : null;
};

/** attachment-address-list: a file holding at least `addressListThreshold` distinct addresses (the Montedio case), with how many are not recipients. */
export const attachmentAddressList: Rule = (context) => {
  const threshold = context.policy.inspection.addressListThreshold;
  const recipients = new Set(context.recipients.map((r) => r.address?.key).filter((k): k is string => k !== undefined));
  let hashed: Set<string> | undefined;
  const flagged: AddressListEvidence["attachments"] = [];
  for (const { attachment, inspection } of inspectedAttachments(context)) {
    if (inspection.status !== "inspected") continue;
    const addresses = inspection.addresses?.length ?? inspection.addressCount ?? 0;
    if (addresses < threshold) continue;
    let notRecipients: number;
    if (inspection.addresses) notRecipients = inspection.addresses.filter((a) => !recipients.has(a)).length;
    else if (inspection.addressHashes) {
      hashed ??= new Set([...recipients].map(addressHash));
      const known = inspection.addressHashes.filter((h) => hashed?.has(h)).length;
      notRecipients = addresses - known;
    } else notRecipients = inspection.notRecipientCount ?? addresses;
    flagged.push({ name: attachment.name, size: attachment.size, addresses, notRecipients });
  }
  return flagged.length > 0 ? { code: "attachment-address-list", evidence: { threshold, attachments: flagged } } : null;
};

const RANK = { off: 0, confirm: 1, review: 2, block: 3 } as const;

/** Reasons that mean Send Guard did not get to look at the file at all; `inspection.notInspected` decides their level. */
export const NOT_INSPECTED_REASONS: ReadonlySet<string> = new Set(["not-inspected", "read-failed", "no-text-decoder"]);

/**
 * attachment-unscannable: the reviewer (and the sender) must know which files were not
 * inspected, and why. A file the add-in could not look at (not in time, not handed over by
 * Outlook, text this runtime cannot decode) takes the level of `inspection.notInspected`;
 * every other reason the rule's level.
 */
export const attachmentUnscannable: Rule = (context) => {
  const ruleLevel = context.policy.rules["attachment-unscannable"];
  const notInspectedLevel = context.policy.inspection.notInspected;
  let level: Level = "off";
  const flagged: UnscannableEvidence["attachments"] = [];
  const add = (entry: UnscannableEvidence["attachments"][number], entryLevel: Level) => {
    if (entryLevel === "off") return;
    flagged.push(entry);
    if (RANK[entryLevel] > RANK[level]) level = entryLevel;
  };
  for (const { attachment, inspection } of inspectedAttachments(context)) {
    const file = { name: attachment.name, size: attachment.size };
    if (inspection.status === "not-inspected") add({ ...file, reason: inspection.reason === "read-failed" ? "read-failed" : "not-inspected" }, notInspectedLevel);
    else if (inspection.status === "unscannable") {
      const reason = inspection.reason ?? "unsupported-format";
      add({ ...file, reason }, NOT_INSPECTED_REASONS.has(reason) ? notInspectedLevel : ruleLevel);
    }
    for (const entry of inspection.unreadable ?? []) add({ ...file, reason: entry.reason, entry: entry.entry }, ruleLevel);
  }
  return flagged.length > 0 ? { code: "attachment-unscannable", level, evidence: { attachments: flagged } } : null;
};
