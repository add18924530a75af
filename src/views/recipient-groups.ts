import type { Draft, PartyKind, RecipientField } from "../shared/types";
import type { Policy } from "../policy/policy";
import { classifyRecipients, isExternal, isVisible } from "../policy/recipients";
import { compareIds } from "../util/compare";

export interface GroupMember {
  address: string;
  displayName?: string | undefined;
  field: RecipientField;
}

export interface PartyGroup {
  /** `us`, a registrable domain, or the address of an individual at a consumer domain. */
  id: string;
  kind: PartyKind;
  members: GroupMember[];
  /** Distinct outside addresses of other parties that this party's members can read in To / CC. */
  seesOutside: number;
}

export interface RecipientOverview {
  /** Outside parties first (most members first), then us. */
  groups: PartyGroup[];
  /** Recipients whose address cannot be parsed, with the field they stand in. */
  unverified: GroupMember[];
}

/** Every recipient grouped by party, with how many outside addresses of others each party would see. */
export function groupRecipients(draft: Draft, policy: Policy): RecipientOverview {
  const recipients = classifyRecipients(draft, policy);
  const groups = new Map<string, PartyGroup>();
  const unverified: GroupMember[] = [];
  const visibleOutside = new Map<string, string>();

  recipients.forEach((r, index) => {
    const displayName = draftRecipientAt(draft, index)?.displayName;
    if (!r.address || !r.party) {
      unverified.push({ address: r.raw, displayName, field: r.field });
      return;
    }
    const group = groups.get(r.party.id) ?? { id: r.party.id, kind: r.party.kind, members: [], seesOutside: 0 };
    group.members.push({ address: r.address.display, displayName, field: r.field });
    groups.set(r.party.id, group);
    if (isExternal(r) && isVisible(r)) visibleOutside.set(r.address.key, r.party.id);
  });

  for (const group of groups.values()) {
    group.seesOutside = [...visibleOutside.values()].filter((party) => party !== group.id).length;
  }
  const ordered = [...groups.values()].sort(
    (a, b) => Number(a.kind === "internal") - Number(b.kind === "internal") || b.members.length - a.members.length || compareIds(a.id, b.id),
  );
  return { groups: ordered, unverified };
}

function draftRecipientAt(draft: Draft, index: number) {
  if (index < draft.to.length) return draft.to[index];
  if (index < draft.to.length + draft.cc.length) return draft.cc[index - draft.to.length];
  return draft.bcc[index - draft.to.length - draft.cc.length];
}
