import type { FirstTimeRecipientEvidence, LookalikeDomainEvidence, NearMissReason, NearMissReference, NewDomainInReplyEvidence } from "../../shared/types";
import { addressKey } from "../address";
import { domainNearMiss, domainNearMissAt, domainParts, domainVariants, inDomainSet, NearMissIndex, searchedTails, slipVariants, wellKnownConsumerDomains, wellKnownIndexOf } from "../lookalike";
import { partyOf } from "../parties";
import { isExternal, partyContextOf, type ClassifiedRecipient } from "../recipients";
import type { Rule, RuleContext } from "./rule";

/** Distinct unknown outside domains compared per Send (a mass mailing is stopped on exposure anyway; this bounds the time). */
export const MAX_DOMAINS_CHECKED = 50;
/** First-time addresses searched for a near miss in the memory per Send (each costs about 1,500 hashes). */
export const MAX_FIRST_TIME_CHECKED = 10;
/** Unknown domains whose variants are looked up in the memory per Send (about 1,500–3,000 hashes each). */
export const MAX_MEMORY_SEARCHES = 20;

type Outside = ClassifiedRecipient & { address: NonNullable<ClassifiedRecipient["address"]> };

interface Analysis {
  lookalikes: LookalikeDomainEvidence["recipients"];
  firstTime: FirstTimeRecipientEvidence["recipients"];
}

const ANALYSES = new WeakMap<readonly ClassifiedRecipient[], Analysis>();

function outsideRecipients(recipients: readonly ClassifiedRecipient[]): Outside[] {
  const seen = new Set<string>();
  const out: Outside[] = [];
  for (const r of recipients) {
    if (!isExternal(r) || !r.address || r.address.domain.startsWith("[") || seen.has(r.address.key)) continue;
    seen.add(r.address.key);
    out.push(r as Outside);
  }
  return out;
}

interface Lookalike {
  known: string;
  reason: NearMissReason;
  reference: NearMissReference;
  /** What stood before the compared part of the written domain (kept in the suggestion). */
  prefix: string;
}

/** The near miss of the written `domain` among our domains, the memory and the well-known consumer domains, or null. */
const OUR_INDEXES = new WeakMap<object, NearMissIndex>();

function lookalikeOf({ policy, memory }: RuleContext, domain: string, searchMemory: boolean): Lookalike | null {
  let ours = OUR_INDEXES.get(policy);
  if (!ours) {
    ours = new NearMissIndex([...policy.internalDomains, ...policy.trustedDomains].map((d) => domainParts(d).registrable));
    OUR_INDEXES.set(policy, ours);
  }
  const internal = ours.find(domain);
  if (internal) return { reference: "internal", ...internal };
  if (memory && searchMemory) {
    for (const compared of searchedTails(domain)) {
      for (const variant of domainVariants(compared)) {
        if (!memory.knowsDomain(variant)) continue;
        const hit = domainNearMissAt(domain, variant);
        return { known: variant, reference: "memory", reason: hit?.reason ?? "homoglyph", prefix: hit?.prefix ?? domain.slice(0, domain.length - compared.length) };
      }
    }
  }
  const consumer = wellKnownIndexOf().find(domain);
  return consumer ? { reference: "consumer", ...consumer } : null;
}

/** Both wrong-recipient rules look at the same recipients once per evaluation. */
function analyse(context: RuleContext): Analysis {
  const cached = ANALYSES.get(context.recipients);
  if (cached) return cached;
  const { policy, memory } = context;
  const outside = outsideRecipients(context.recipients);
  const ownConsumer = new Set(policy.consumerDomains);
  const lookalikes: Analysis["lookalikes"] = [];
  const verdicts = new Map<string, Lookalike | null>();
  let memorySearches = 0;
  for (const r of outside) {
    const domain = r.address.domain;
    const { registrable } = domainParts(domain);
    if (!verdicts.has(domain)) {
      const known = inDomainSet(domain, wellKnownConsumerDomains()) || inDomainSet(domain, ownConsumer) || (memory?.knowsDomain(registrable) ?? false);
      if (known || verdicts.size >= MAX_DOMAINS_CHECKED) verdicts.set(domain, null);
      else verdicts.set(domain, lookalikeOf(context, domain, memorySearches++ < MAX_MEMORY_SEARCHES));
    }
    const hit = verdicts.get(domain);
    if (hit) {
      lookalikes.push({ address: r.address.display, field: r.field, domain: registrable, known: hit.known, reason: hit.reason, reference: hit.reference, suggestion: `${r.address.local}@${hit.prefix}${hit.known}` });
    }
  }

  const firstTime: Analysis["firstTime"] = [];
  if (memory) {
    const flagged = new Set(lookalikes.map((l) => l.address));
    let searched = 0;
    for (const r of outside) {
      if (flagged.has(r.address.display) || memory.knowsAddress(r.address.key)) continue;
      if (searched++ >= MAX_FIRST_TIME_CHECKED) break;
      const { local, domain } = r.address;
      const localKey = r.address.key.slice(0, r.address.key.lastIndexOf("@"));
      let found: { suggestion: string; part: "local" | "domain" } | undefined;
      for (const variant of slipVariants(localKey, localKey.length, "local")) {
        if (memory.knowsAddress(`${variant}@${domain}`)) {
          found = { suggestion: `${variant}@${domain}`, part: "local" };
          break;
        }
      }
      if (!found) {
        for (const variant of domainVariants(domain)) {
          if (memory.knowsAddress(`${localKey}@${variant}`)) {
            found = { suggestion: `${local}@${variant}`, part: "domain" };
            break;
          }
        }
      }
      if (found) {
        const reason = found.part === "domain" ? (domainNearMiss(domain, found.suggestion.slice(found.suggestion.lastIndexOf("@") + 1)) ?? "edit") : "edit";
        firstTime.push({ address: r.address.display, field: r.field, suggestion: found.suggestion, reason, part: found.part });
      }
    }
  }
  const analysis = { lookalikes, firstTime };
  ANALYSES.set(context.recipients, analysis);
  return analysis;
}

/**
 * lookalike-domain: an outside recipient's domain, not itself known (not a well-known consumer
 * domain, not one the sender has written to), is a near miss of our own domains, a domain in
 * the memory, or a well-known consumer domain (`gmial.com`, `docomo.ne.jo`, `rnirai-shoji.co.jp`).
 */
export const lookalikeDomain: Rule = (context) => {
  const { lookalikes } = analyse(context);
  return lookalikes.length > 0 ? { code: "lookalike-domain", evidence: { recipients: lookalikes } } : null;
};

/**
 * first-time-recipient: an outside address never written to whose local part or domain is a
 * near miss of an address written to before (`yamda@acme.co.jp` when `yamada@acme.co.jp` is
 * known). Needs the memory; a first-time address alone is no finding (a new install would
 * prompt for everyone), only marked as such beside other findings.
 */
export const firstTimeRecipient: Rule = (context) => {
  const { firstTime } = analyse(context);
  return firstTime.length > 0 ? { code: "first-time-recipient", evidence: { recipients: firstTime } } : null;
};

/**
 * new-domain-in-reply: a reply that adds an outside domain (registrable) that none of the
 * thread's participants had: an organisation slipped into a conversation, often by
 * address autocomplete. Only with the compose-start record of a reply.
 */
export const newDomainInReply: Rule = ({ policy, recipients, thread, context }) => {
  const start = context.composeStart;
  if (!thread || !start) return null;
  const parties = partyContextOf(policy);
  const threadDomains = new Set<string>();
  for (const raw of [...start.to, ...start.cc]) {
    const key = addressKey(raw);
    if (!key) continue;
    const domain = key.slice(key.lastIndexOf("@") + 1);
    if (partyOf({ ok: true, key, display: key, local: key.slice(0, key.lastIndexOf("@")), domain }, parties).kind !== "internal") threadDomains.add(domainParts(domain).registrable);
  }
  const added: NewDomainInReplyEvidence["recipients"] = [];
  for (const r of outsideRecipients(recipients)) {
    const { registrable } = domainParts(r.address.domain);
    if (!threadDomains.has(registrable)) added.push({ address: r.address.display, field: r.field, domain: registrable });
  }
  return added.length > 0 ? { code: "new-domain-in-reply", evidence: { recipients: added, threadDomains: [...threadDomains].sort() } } : null;
};
