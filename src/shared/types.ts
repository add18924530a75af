/**
 * Types shared by every runtime (send handler, task pane, server, CLI).
 * No logic lives here: only the shapes that cross module boundaries, and the lists of
 * their allowed values (as constants, so that schemas and types derive from one list).
 */

export const RECIPIENT_FIELDS = ["to", "cc", "bcc"] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];

/** How Office classified a recipient; our own literals, mapped in `src/office/`. */
export const RECIPIENT_TYPES = ["user", "externalUser", "distributionList", "other", "unknown"] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export interface DraftRecipient {
  emailAddress: string;
  displayName?: string | undefined;
  recipientType?: RecipientType | undefined;
}

/** What a content inspector can count in a file (src/inspect). */
export const INSPECTED_KINDS = ["email", "phone", "postal-code", "postal-address", "my-number", "card"] as const;
export type InspectedKind = (typeof INSPECTED_KINDS)[number];

/** What is known about an attachment's content, when it has been (or could not be) inspected. */
export const INSPECTION_STATUSES = ["inspected", "unscannable", "skipped", "not-inspected"] as const;

export interface AttachmentInspection {
  status: (typeof INSPECTION_STATUSES)[number];
  /** Why a file is unscannable (e.g. "encrypted-zip", "password-protected-office", "pdf", "time-budget"). */
  reason?: string | undefined;
  counts?: Partial<Record<InspectedKind, number>> | undefined;
  /** Header rows that name personal fields, where, and how many rows follow. */
  headers?: { where: string; columns: string[]; rows: number }[] | undefined;
  /** At most one masked sample per kind. */
  samples?: { kind: InspectedKind; where: string; masked: string }[] | undefined;
  /** Distinct address keys found in the file: kept on the sender's machine only, to compare with the recipients. */
  addresses?: string[] | undefined;
  /** Short hashes of those addresses, as the item's cache keeps them (sessionData is small). */
  addressHashes?: string[] | undefined;
  /** When `addresses` is not sent along (review snapshots): how many, and how many are not recipients. */
  addressCount?: number | undefined;
  notRecipientCount?: number | undefined;
  /** Archive entries that could not be read, with the reason. */
  unreadable?: { entry: string; reason: string }[] | undefined;
  /** `sha256:<hex>` of the bytes that were read; absent when the file was not read. */
  contentHash?: string | undefined;
}

export interface DraftAttachment {
  /** Office attachment id (valid only in this compose session). */
  id?: string | undefined;
  name: string;
  size: number;
  /** Content inspection result, when known (from the attachments-changed path or at Send). */
  inspection?: AttachmentInspection | undefined;
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
  /** How many recipients Office returns per field and lets an add-in write into one (500 before Mailbox 1.16, then 1,000). */
  recipientLimit?: number | undefined;
}

/** How Outlook started the message (`getComposeTypeAsync`, Mailbox 1.10); reply-all is a reply. */
export const COMPOSE_TYPES = ["newMail", "reply", "forward"] as const;
export type ComposeType = (typeof COMPOSE_TYPES)[number];

/**
 * What the message held when the sender started writing it, as the compose-start launch
 * event (OnNewMessageCompose) recorded it: a reply-all's To and CC are the thread's
 * participants, who have already seen each other's addresses.
 */
export interface ComposeStart {
  type: ComposeType;
  /** The addresses Outlook had put in To and CC, as it reported them. */
  to: string[];
  cc: string[];
}

/**
 * What is known about a message beyond the message itself, handed to the engine as data.
 * Every part is optional: without it the verdict is what the message alone gives.
 */
export interface SendContext {
  /** How the message started; absent when the compose-start event did not run (older clients, reopened drafts). */
  composeStart?: ComposeStart | undefined;
  /** What the sender's mailbox already knows (the correspondence memory); absent when there is none or it is off. */
  memory?: KnownCorrespondence | undefined;
}

/**
 * The correspondence memory as the engine asks it (src/memory/correspondence.ts holds it as
 * salted hashes): outside addresses the sender has written to, their domains, and groups of
 * outside addresses already addressed together in To/CC (who have seen each other).
 */
export interface KnownCorrespondence {
  /** Has the sender written to this address (address key) before? */
  knowsAddress(key: string): boolean;
  /** Has the sender written to an address at this domain (normalised ASCII, as in the address key) before? */
  knowsDomain(domain: string): boolean;
  /** Ids of the known groups this address (address key) belongs to; empty when none. */
  groupsOf(key: string): readonly number[];
  /** How many members a known group has. */
  groupSize(id: number): number;
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
  /** True when this address was already in the thread the message replies to (seen by the thread's participants). */
  inThread?: boolean | undefined;
  /** True when the correspondence memory is in use and the sender has never written to this address. */
  firstTime?: boolean | undefined;
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
  /**
   * For a reply: outside addresses in To/CC that the thread's participants had already seen
   * and that no one new sees now (left out of `exposed`: not a new exposure).
   */
  alreadyShared?: number | undefined;
  /** For a reply: the outside recipients (any field) who were not in the thread, i.e. who are new to it. */
  newcomers?: string[] | undefined;
  /** A small new set (policy `exposure.smallSet`): few addresses of few parties, the sender's call; the text names who sees whom. */
  smallSet?: boolean | undefined;
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

export interface PersonalDataEvidence {
  attachments: {
    name: string;
    size: number;
    counts: Partial<Record<InspectedKind, number>>;
    headers: { where: string; columns: string[]; rows: number }[];
    samples: { kind: InspectedKind; where: string; masked: string }[];
  }[];
}

export interface AddressListEvidence {
  threshold: number;
  attachments: { name: string; size: number; addresses: number; notRecipients: number }[];
}

export interface UnscannableEvidence {
  attachments: { name: string; size: number; reason: string; entry?: string | undefined }[];
}

/** How a recipient's domain or address is a near miss of one the sender knows. */
export type NearMissReason = "edit" | "transposition" | "adjacent-key" | "homoglyph" | "suffix";

/** What the near miss was compared with: our own domains, the correspondence memory, or a well-known consumer domain. */
export type NearMissReference = "internal" | "memory" | "consumer";

export interface NearMiss extends RecipientRef {
  /** The address as written. */
  address: string;
  /** The address the sender most likely meant (the same address with the known domain or local part). */
  suggestion: string;
  reason: NearMissReason;
}

export interface LookalikeDomainEvidence {
  recipients: (NearMiss & { domain: string; known: string; reference: NearMissReference })[];
}

export interface FirstTimeRecipientEvidence {
  /** Outside addresses never written to that are a near miss of an address written to before. */
  recipients: (NearMiss & { part: "local" | "domain" })[];
}

export interface NewDomainInReplyEvidence {
  /** Outside recipients of a reply at a domain (registrable) no thread participant had. */
  recipients: (RecipientRef & { domain: string })[];
  /** The thread's outside domains (registrable). */
  threadDomains: string[];
}

export type Finding =
  | { code: "external-exposure"; level: Exclude<Level, "off">; evidence: ExposureEvidence }
  | { code: "unresolved-recipient"; level: Exclude<Level, "off">; evidence: UnresolvedEvidence }
  | { code: "distribution-list"; level: Exclude<Level, "off">; evidence: DistributionListEvidence }
  | { code: "attachment-name"; level: Exclude<Level, "off">; evidence: AttachmentNameEvidence }
  | { code: "attachment-personal-data"; level: Exclude<Level, "off">; evidence: PersonalDataEvidence }
  | { code: "attachment-address-list"; level: Exclude<Level, "off">; evidence: AddressListEvidence }
  | { code: "attachment-unscannable"; level: Exclude<Level, "off">; evidence: UnscannableEvidence }
  | { code: "lookalike-domain"; level: Exclude<Level, "off">; evidence: LookalikeDomainEvidence }
  | { code: "first-time-recipient"; level: Exclude<Level, "off">; evidence: FirstTimeRecipientEvidence }
  | { code: "new-domain-in-reply"; level: Exclude<Level, "off">; evidence: NewDomainInReplyEvidence };

export type FindingCode = Finding["code"];

export const FINDING_CODES: readonly FindingCode[] = [
  "external-exposure",
  "unresolved-recipient",
  "distribution-list",
  "attachment-name",
  "attachment-personal-data",
  "attachment-address-list",
  "attachment-unscannable",
  "lookalike-domain",
  "first-time-recipient",
  "new-domain-in-reply",
];

/** Findings about attachments: shown per file, acknowledged per file. */
export const ATTACHMENT_CODES: readonly FindingCode[] = ["attachment-name", "attachment-personal-data", "attachment-address-list", "attachment-unscannable"];

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
  /**
   * Why an approval token on the item did not lift the verdict: "fingerprint" (the message
   * changed), "not-covered" (Send found something the reviewer did not see), "expired", …
   */
  approval?: string | undefined;
  /** With approval "not-covered": the codes of the findings the approval does not cover. */
  uncovered?: string[] | undefined;
}
