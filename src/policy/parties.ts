import { getDomain } from "tldts-icann";
import type { Party } from "../shared/types";
import { isDomainOrSubdomain, type ParsedAddress } from "./address";

export interface PartyContext {
  /** Internal and trusted domains: all of them are "us". Normalised ASCII. */
  usDomains: readonly string[];
  /** Consumer domains: each address is its own party. Normalised ASCII. */
  consumerDomains: readonly string[];
}

export const US_PARTY = "us";

function matchesAny(domain: string, bases: readonly string[]): boolean {
  return bases.some((base) => isDomainOrSubdomain(domain, base));
}

/**
 * The party an address belongs to: "us" (internal or trusted), an outside
 * organisation identified by its registrable domain (public suffix list, ICANN
 * section), or, at consumer domains, the individual address itself.
 */
export function partyOf(address: ParsedAddress, context: PartyContext): Party {
  const { domain } = address;
  if (matchesAny(domain, context.usDomains)) return { id: US_PARTY, kind: "internal" };
  if (matchesAny(domain, context.consumerDomains)) return { id: address.key, kind: "individual" };
  if (domain.startsWith("[")) return { id: domain, kind: "organization" };
  return { id: getDomain(domain) ?? domain, kind: "organization" };
}
