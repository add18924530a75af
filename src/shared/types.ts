/**
 * Types shared by every runtime (send handler, task pane, server, CLI).
 * No logic lives here: only the shapes that cross module boundaries.
 */

export type RecipientField = "to" | "cc" | "bcc";

/** How Office classified a recipient; our own literals, mapped in `src/office/`. */
export type RecipientType = "user" | "externalUser" | "distributionList" | "other" | "unknown";

export interface DraftRecipient {
  emailAddress: string;
  displayName?: string | undefined;
  recipientType?: RecipientType | undefined;
}

export interface DraftAttachment {
  /** Office attachment id (valid only in this compose session). */
  id?: string | undefined;
  name: string;
  size: number;
  /** Hash of the content when it is known (e.g. `sha256:...`); part of the fingerprint. */
  contentHash?: string | undefined;
  isInline?: boolean | undefined;
  attachmentType?: "file" | "item" | "cloud" | "base64" | undefined;
}

/** What the engine knows about a message at Send. */
export interface Draft {
  from?: string | undefined;
  to: DraftRecipient[];
  cc: DraftRecipient[];
  bcc: DraftRecipient[];
  subject: string;
  attachments: DraftAttachment[];
  /** Fields for which Office returned its maximum count, so more recipients may exist unseen. */
  truncatedFields?: RecipientField[] | undefined;
}

export type Level = "off" | "confirm" | "review" | "block";
export type Verdict = "allow" | "confirm" | "review" | "block";

export type PartyKind = "internal" | "organization" | "individual";

export interface Party {
  /** `us`, a registrable domain (`acme.co.jp`), or a full address for consumer-domain individuals. */
  id: string;
  kind: PartyKind;
}

export interface ExposedAddress {
  address: string;
  field: "to" | "cc";
  party: string;
  partyKind: Exclude<PartyKind, "internal">;
}

export interface ExposureEvidence {
  mode: "cross-party" | "any-external";
  /** Why the rule fired: several outside parties, too many external addresses, or any-external mode. */
  reasons: ("cross-party" | "mass" | "any-external")[];
  exposed: ExposedAddress[];
  /** Outside parties among all recipients (To, CC and BCC all read To/CC), with their visible address count. */
  parties: { id: string; kind: Exclude<PartyKind, "internal">; visible: number; total: number }[];
  visibleExternalCount: number;
  massThreshold: number;
}

export interface RecipientRef {
  address: string;
  field: RecipientField;
}

export interface UnresolvedEvidence {
  recipients: (RecipientRef & { reason: "invalid-address" | "unresolved" | "list-truncated" })[];
}

export interface DistributionListEvidence {
  recipients: RecipientRef[];
  /** True when external addresses stand in To/CC, so the list's unknown members would see them. */
  externalVisible: boolean;
}

export interface AttachmentNameEvidence {
  attachments: { name: string; size: number; keywords: string[] }[];
}

export type Finding =
  | { code: "external-exposure"; level: Exclude<Level, "off">; evidence: ExposureEvidence }
  | { code: "unresolved-recipient"; level: Exclude<Level, "off">; evidence: UnresolvedEvidence }
  | { code: "distribution-list"; level: Exclude<Level, "off">; evidence: DistributionListEvidence }
  | { code: "attachment-name"; level: Exclude<Level, "off">; evidence: AttachmentNameEvidence };

export type FindingCode = Finding["code"];

export const FINDING_CODES: readonly FindingCode[] = [
  "external-exposure",
  "unresolved-recipient",
  "distribution-list",
  "attachment-name",
];

export interface Evaluation {
  verdict: Verdict;
  findings: Finding[];
  fingerprint: string;
}

/** What the send handler passes to the task pane through Smart Alerts `contextData` (as a JSON string). */
export interface AlertContext {
  v: 1;
  verdict: Verdict | "error";
  codes: string[];
  fingerprint: string | null;
  /** Failure reason when verdict is "error". */
  error?: string | undefined;
  /** Why an approval token on the item did not lift the verdict (e.g. "fingerprint": the message changed). */
  approval?: string | undefined;
}
