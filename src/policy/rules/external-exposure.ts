import type { ExposedAddress, ExposureEvidence, Level, PartyKind } from "../../shared/types";
import type { Policy } from "../policy";
import { isExternal, isVisible } from "../recipients";
import type { Rule } from "./rule";
import { compareIds } from "../../util/compare";

type OutsideKind = Exclude<PartyKind, "internal">;

interface Outside {
  key: string;
  party: string;
  kind: OutsideKind;
  visible: boolean;
  display: string;
  field: "to" | "cc";
  /** Groups of people who have seen each other (-1: the thread; others: the memory's groups). */
  cliques: readonly number[];
}

const THREAD_CLIQUE = -1;

const ORDER: Record<Level, number> = { off: 0, confirm: 1, review: 2, block: 3 };

/** The milder of two levels: a small set never makes the rule stricter, and a rule switched off stays off. */
const milder = (a: Level, b: Level): Level => (ORDER[a] <= ORDER[b] ? a : b);

/**
 * A small new set: only cross-party exposure (never mass, never any-external mode), at most
 * `maxAddresses` newly exposed addresses among at most `maxParties` outside parties (BCC readers count).
 */
function isSmallSet(small: Policy["exposure"]["smallSet"], reasons: ExposureEvidence["reasons"], exposed: number, parties: number): boolean {
  return reasons.length === 1 && reasons[0] === "cross-party" && exposed <= small.maxAddresses && parties <= small.maxParties;
}

/**
 * external-exposure: an outside address in To/CC is exposed when another
 * recipient of a different outside party (in any field: BCC recipients read To/CC
 * too) can read it, or when To/CC show more than `massThreshold` outside addresses.
 * In `any-external` mode any outside address in To/CC on a message with more than
 * one recipient is exposure.
 *
 * A reply is judged on what is new (`thread`: the participants at compose start). Two
 * participants of the thread had already seen each other's addresses, so a reply-all
 * that keeps them (or fewer) exposes nothing new; an address is exposed when someone
 * who was not in the thread reads it, or when it was not in the thread itself. Mass
 * exposure needs someone new among the recipients. `any-external` mode keeps its
 * meaning: every visible outside address counts, thread or not.
 */
export const externalExposure: Rule = ({ policy, recipients, thread, memory }) => {
  const { mode, massThreshold } = policy.exposure;
  // A remembered group larger than the mass threshold counts only when the policy remembers such
  // groups: one that got into the mailbox's settings otherwise (written there by hand) is ignored.
  const usable = (id: number) => policy.memory.massGroups || (memory?.groupSize(id) ?? 0) <= massThreshold;
  const distinct = new Set<string>();
  const outside = new Map<string, Outside>();
  for (const recipient of recipients) {
    const key = recipient.address?.key ?? `invalid:${recipient.raw}`;
    distinct.add(key);
    if (!isExternal(recipient) || !recipient.address || !recipient.party) continue;
    const known = outside.get(key);
    if (known) {
      // The same person twice (To and BCC): what they can read and be read by is the union.
      if (isVisible(recipient) && !known.visible) outside.set(key, { ...known, visible: true, field: recipient.field as "to" | "cc" });
      continue;
    }
    outside.set(key, {
      key,
      // With memory.individualGroups off, a private individual is never in a remembered group (one learned before the switch included).
      cliques: [
        ...(thread?.has(key) ? [THREAD_CLIQUE] : []),
        ...(memory && (recipient.party.kind !== "individual" || policy.memory.individualGroups) ? memory.groupsOf(key).filter(usable) : []),
      ],
      party: recipient.party.id,
      kind: recipient.party.kind as OutsideKind,
      visible: isVisible(recipient),
      display: recipient.address.display,
      field: (isVisible(recipient) ? recipient.field : "to") as "to" | "cc",
    });
  }

  const inThread = (o: Outside) => thread !== null && thread.has(o.key);
  const all = [...outside.values()];
  const visible = all.filter((o) => o.visible);
  if (visible.length === 0) return null;
  const newcomers = all.filter((o) => !inThread(o));

  // Per party: how many outside recipients, so that "someone of another party" is a subtraction.
  const perParty = new Map<string, { kind: OutsideKind; total: number }>();
  for (const o of all) {
    const p = perParty.get(o.party) ?? { kind: o.kind, total: 0 };
    p.total += 1;
    perParty.set(o.party, p);
  }
  // Who is in each group (thread or memory) among this message's outside recipients.
  const members = new Map<number, Outside[]>();
  for (const o of all) {
    for (const c of o.cliques) {
      const list = members.get(c);
      if (list) list.push(o);
      else members.set(c, [o]);
    }
  }
  /** Someone of another outside party reads `o`, and they had not already seen each other (in the thread, or addressed together before). */
  const crossPartyNew = (o: Outside) => {
    const others = all.length - (perParty.get(o.party)?.total ?? 0);
    if (o.cliques.length === 0) return others > 0;
    const seen = new Set<string>();
    for (const c of o.cliques) for (const m of members.get(c) ?? []) if (m.party !== o.party) seen.add(m.key);
    return others - seen.size > 0;
  };
  /** Every outside recipient was in one group together before: nobody new for a mass exposure. */
  const allTogether = () => {
    let common = new Set(all[0]?.cliques ?? []);
    for (const o of all) common = new Set(o.cliques.filter((c) => common.has(c)));
    return common.size > 0;
  };

  const reasons: ExposureEvidence["reasons"] = [];
  const crossExposed = visible.filter(crossPartyNew);
  if (crossExposed.length > 0) reasons.push("cross-party");
  if (visible.length > massThreshold && !allTogether()) reasons.push("mass");
  if (mode === "any-external" && distinct.size > 1) reasons.push("any-external");
  if (reasons.length === 0) return null;

  // Mass and any-external: every visible outside address is shown to someone new (or counts by rule).
  const shown = reasons.length === 1 && reasons[0] === "cross-party" ? crossExposed : visible;
  // Per address, so plain assignments rather than object spreads (which the ES2016 handler bundle turns into a helper call each).
  const exposed: ExposedAddress[] = shown.map((o) => {
    const entry: ExposedAddress = { address: o.display, field: o.field, party: o.party, partyKind: o.kind };
    if (inThread(o)) entry.inThread = true;
    if (memory && !memory.knowsAddress(o.key)) entry.firstTime = true;
    return entry;
  });
  // Counted once (a filter per party would make 10,000 parties 100 million steps).
  const shownPerParty = new Map<string, number>();
  for (const o of shown) shownPerParty.set(o.party, (shownPerParty.get(o.party) ?? 0) + 1);
  const partyList = [...perParty.entries()]
    .map(([id, p]) => ({ id, kind: p.kind, visible: shownPerParty.get(id) ?? 0, total: p.total }))
    .sort((a, b) => b.visible - a.visible || b.total - a.total || compareIds(a.id, b.id));
  const alreadyShared = visible.length - shown.length;
  const small = isSmallSet(policy.exposure.smallSet, reasons, exposed.length, partyList.length);
  return {
    code: "external-exposure",
    ...(small ? { level: milder(policy.rules["external-exposure"], policy.exposure.smallSet.level) } : {}),
    evidence: {
      mode,
      reasons,
      exposed,
      parties: partyList,
      visibleExternalCount: exposed.length,
      massThreshold,
      ...(thread !== null ? { alreadyShared, newcomers: newcomers.map((o) => o.display) } : {}),
      ...(small ? { smallSet: true } : {}),
    },
  };
};
