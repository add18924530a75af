import type { UnresolvedEvidence } from "../../shared/types";
import { hasUnknownMembers, showsOutsideAddressesTo } from "../recipients";
import type { Rule } from "./rule";

/**
 * unresolved-recipient: an address that is not a valid email address, a field
 * whose recipient list Office returned only up to its limit, or an address Office
 * could not resolve at one of our domains (unknown members) while outside
 * addresses stand in To/CC.
 */
export const unresolvedRecipient: Rule = ({ draft, recipients }) => {
  const found: UnresolvedEvidence["recipients"] = [];
  for (const recipient of recipients) {
    if (!recipient.address) {
      found.push({ address: recipient.raw, field: recipient.field, reason: "invalid-address" });
    } else if (
      recipient.type === "other" &&
      hasUnknownMembers(recipient) &&
      showsOutsideAddressesTo(recipients, recipient.party?.id ?? null)
    ) {
      found.push({ address: recipient.address.display, field: recipient.field, reason: "unresolved" });
    }
  }
  for (const field of draft.truncatedFields ?? []) {
    found.push({ address: "", field, reason: "list-truncated" });
  }
  return found.length > 0 ? { code: "unresolved-recipient", evidence: { recipients: found } } : null;
};
