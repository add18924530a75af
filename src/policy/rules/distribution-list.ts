import type { RecipientRef } from "../../shared/types";
import { showsOutsideAddressesTo } from "../recipients";
import type { Rule } from "./rule";

/**
 * distribution-list: a distribution list's members cannot be known from Office.js,
 * so a list on a message whose To/CC show outside addresses (other than the list's
 * own organisation) may expose those addresses to unknown people.
 */
export const distributionList: Rule = ({ recipients }) => {
  const lists: RecipientRef[] = [];
  for (const recipient of recipients) {
    if (recipient.type !== "distributionList" || !recipient.address) continue;
    const ownParty = recipient.party?.id ?? null;
    if (showsOutsideAddressesTo(recipients, ownParty)) {
      lists.push({ address: recipient.address.display, field: recipient.field });
    }
  }
  return lists.length > 0 ? { code: "distribution-list", evidence: { recipients: lists, externalVisible: true } } : null;
};
