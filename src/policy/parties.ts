import type { Party, PartyKind } from "../shared/types";
import { isDomainOrSubdomain, type ParsedAddress } from "./address";
import { isBuiltInConsumerDomain } from "./consumer-domains";
import { registrableDomainOf } from "./public-suffix";

export interface PartyContext {
  /** Internal and trusted domains: all of them are "us". Normalised ASCII. */
  usDomains: readonly string[];
  /** Consumer domains: each address is its own party. Normalised ASCII. */
  consumerDomains: readonly string[];
  /** Whether the built-in consumer set (email-providers + Japanese carriers) applies. */
  builtInConsumerDomains: boolean;
  /** Optional per-evaluation cache of each domain's kind (a message repeats few domains). */
  kinds?: Map<string, PartyKind>;
}

export const US_PARTY = "us";

const REGISTRABLE_MEMO = new Map<string, string>();

/** The registrable domain (public suffix list, ICANN section), remembered per domain. */
function registrableDomain(domain: string): string {
  let known = REGISTRABLE_MEMO.get(domain);
  if (known === undefined) {
    known = registrableDomainOf(domain) ?? domain;
    if (REGISTRABLE_MEMO.size >= 4096) REGISTRABLE_MEMO.clear();
    REGISTRABLE_MEMO.set(domain, known);
  }
  return known;
}

function matchesAny(domain: string, bases: readonly string[]): boolean {
  return bases.some((base) => isDomainOrSubdomain(domain, base));
}

/**
 * The party an address belongs to: "us" (internal or trusted), an outside
 * organisation identified by its registrable domain (public suffix list, ICANN
 * section), or, at consumer domains, the individual address itself.
 */
export function partyOf(address: ParsedAddress, context: PartyContext): Party {
  const kind = domainKind(address.domain, context);
  if (kind === "internal") return { id: US_PARTY, kind };
  if (kind === "individual") return { id: address.key, kind };
  return { id: address.domain.startsWith("[") ? address.domain : registrableDomain(address.domain), kind };
}

function domainKind(domain: string, context: PartyContext): PartyKind {
  const known = context.kinds?.get(domain);
  if (known) return known;
  const kind: PartyKind = matchesAny(domain, context.usDomains)
    ? "internal"
    : (context.builtInConsumerDomains && isBuiltInConsumerDomain(domain)) || matchesAny(domain, context.consumerDomains)
      ? "individual"
      : "organization";
  context.kinds?.set(domain, kind);
  return kind;
}
