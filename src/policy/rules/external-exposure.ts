import type { ExposedAddress, ExposureEvidence, PartyKind } from "../../shared/types";
import { isExternal, isVisible } from "../recipients";
import type { Rule } from "./rule";

type OutsideKind = Exclude<PartyKind, "internal">;

/**
 * external-exposure: an outside address in To/CC is exposed when another
 * recipient of a different outside party (in any field: BCC recipients read To/CC
 * too) can read it, or when To/CC show more than `massThreshold` outside addresses.
 * In `any-external` mode any outside address in To/CC on a message with more than
 * one recipient is exposure.
 */
export const externalExposure: Rule = ({ policy, recipients }) => {
  const { mode, massThreshold } = policy.exposure;
  const seen = new Set<string>();
  const visibleSeen = new Set<string>();
  const parties = new Map<string, { kind: OutsideKind; visible: number; total: number }>();
  const exposed: ExposedAddress[] = [];
  let distinctRecipients = 0;

  for (const recipient of recipients) {
    const key = recipient.address?.key ?? `invalid:${recipient.raw}`;
    if (!seen.has(key)) distinctRecipients += 1;
    if (!isExternal(recipient) || !recipient.address || !recipient.party) {
      seen.add(key);
      continue;
    }
    const kind = recipient.party.kind as OutsideKind;
    const party = parties.get(recipient.party.id) ?? { kind, visible: 0, total: 0 };
    if (!seen.has(key)) party.total += 1;
    if (isVisible(recipient) && !visibleSeen.has(key)) {
      visibleSeen.add(key);
      party.visible += 1;
      exposed.push({
        address: recipient.address.display,
        field: recipient.field as "to" | "cc",
        party: recipient.party.id,
        partyKind: kind,
      });
    }
    seen.add(key);
    parties.set(recipient.party.id, party);
  }

  if (exposed.length === 0) return null;
  const reasons: ExposureEvidence["reasons"] = [];
  if (parties.size >= 2) reasons.push("cross-party");
  if (exposed.length > massThreshold) reasons.push("mass");
  if (mode === "any-external" && distinctRecipients > 1) reasons.push("any-external");
  if (reasons.length === 0) return null;

  const partyList = [...parties.entries()]
    .map(([id, p]) => ({ id, kind: p.kind, visible: p.visible, total: p.total }))
    .sort((a, b) => b.visible - a.visible || b.total - a.total || a.id.localeCompare(b.id));
  return {
    code: "external-exposure",
    evidence: { mode, reasons, exposed, parties: partyList, visibleExternalCount: exposed.length, massThreshold },
  };
};
