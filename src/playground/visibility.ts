import { type Policy } from "../policy";
import { groupRecipients } from "../views/recipient-groups";
import type { Draft, PartyKind, RecipientField } from "../shared/types";

export interface RecipientView {
  address: string;
  field: RecipientField;
  kind: PartyKind | "unknown";
  /** Outside addresses of other parties this recipient can read in To / CC. */
  outsideOthers: string[];
}

export interface DeliveredView {
  /** What every recipient reads in the header: To and CC. */
  visible: { to: string[]; cc: string[] };
  /** Outside addresses in To / CC (each one is shown to everybody). */
  visibleOutside: string[];
  views: RecipientView[];
}

/** What each recipient of a sent message could see of the others. */
export function whatRecipientsSee(draft: Draft, policy: Policy): DeliveredView {
  const { groups, unverified } = groupRecipients(draft, policy);
  const members = groups.flatMap((g) => g.members.map((m) => ({ ...m, party: g.id, kind: g.kind as PartyKind })));
  const shown = members.filter((m) => m.field !== "bcc");
  const visibleOutside = shown.filter((m) => m.kind !== "internal");
  const views: RecipientView[] = [
    ...members.map((m) => ({
      address: m.address,
      field: m.field,
      kind: m.kind,
      outsideOthers: m.kind === "internal" ? [] : visibleOutside.filter((o) => o.party !== m.party).map((o) => o.address),
    })),
    ...unverified.map((u) => ({ address: u.address, field: u.field, kind: "unknown" as const, outsideOthers: [] })),
  ];
  return {
    visible: { to: draft.to.map((r) => r.emailAddress), cc: draft.cc.map((r) => r.emailAddress) },
    visibleOutside: visibleOutside.map((m) => m.address),
    views,
  };
}
