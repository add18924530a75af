import type { Draft, DraftRecipient, Party, RecipientField, RecipientType } from "../shared/types";
import { parseAddress, type InvalidReason, type ParsedAddress } from "./address";
import { partyOf, type PartyContext } from "./parties";
import type { Policy } from "./policy";

export interface ClassifiedRecipient {
  field: RecipientField;
  raw: string;
  type: RecipientType;
  /** Null when the address is invalid. */
  address: ParsedAddress | null;
  invalid?: InvalidReason | undefined;
  party: Party | null;
}

const FIELDS: readonly RecipientField[] = ["to", "cc", "bcc"];

function parseRecipient(recipient: DraftRecipient) {
  const parsed = parseAddress(recipient.emailAddress ?? "", recipient.displayName);
  // Messages started from a contact card can carry the address in displayName (OfficeDev/office-js#2201).
  if (!parsed.ok && recipient.displayName?.includes("@")) {
    const fromName = parseAddress(recipient.displayName);
    if (fromName.ok) return fromName;
  }
  return parsed;
}

export function partyContextOf(policy: Policy): PartyContext {
  return {
    usDomains: [...policy.internalDomains, ...policy.trustedDomains],
    consumerDomains: policy.consumerDomains,
    builtInConsumerDomains: policy.builtInConsumerDomains,
    kinds: new Map(),
  };
}

/** Parses every recipient once and assigns its party. Invalid addresses are kept, never dropped. */
export function classifyRecipients(draft: Draft, policy: Policy): ClassifiedRecipient[] {
  const context = partyContextOf(policy);
  const out: ClassifiedRecipient[] = [];
  for (const field of FIELDS) {
    for (const recipient of draft[field]) {
      const parsed = parseRecipient(recipient);
      const type = recipient.recipientType ?? "unknown";
      if (parsed.ok) {
        out.push({ field, raw: recipient.emailAddress, type, address: parsed, party: partyOf(parsed, context) });
      } else {
        out.push({ field, raw: recipient.emailAddress, type, address: null, invalid: parsed.reason, party: null });
      }
    }
  }
  return out;
}

export function isVisible(recipient: ClassifiedRecipient): boolean {
  return recipient.field !== "bcc";
}

export function isExternal(recipient: ClassifiedRecipient): boolean {
  return recipient.party !== null && recipient.party.kind !== "internal";
}

/**
 * A recipient whose members are unknown: a distribution list anywhere, or an
 * address Office could not resolve ("other", e.g. Microsoft 365 groups on some
 * clients) at one of our own domains. Unresolved outside addresses are treated
 * as ordinary outside addresses by their domain.
 */
export function hasUnknownMembers(recipient: ClassifiedRecipient): boolean {
  if (recipient.type === "distributionList") return true;
  return recipient.type === "other" && recipient.party?.kind === "internal";
}

/**
 * True when To/CC shows an outside address of a party other than `ownParty`,
 * i.e. the unknown members of a list in party `ownParty` could read someone else's address.
 */
export function showsOutsideAddressesTo(recipients: readonly ClassifiedRecipient[], ownParty: string | null): boolean {
  return recipients.some((r) => isVisible(r) && isExternal(r) && r.party?.id !== ownParty);
}
