/**
 * Public surface of the policy engine, used by the send handler, the task pane, the server and the CLI.
 * `parseMailbox` lives in ./mailbox (not re-exported here: it pulls in a MIME library).
 */
export { addressKey, sameAddress, parseAddress, normalizeDomain, isDomainOrSubdomain, type ParsedAddress, type InvalidAddress } from "./address";
export { evaluate, verdictOf, inspectsContent } from "./engine";
export { fingerprint, canonicalMessage, contentHash, FINGERPRINT_VERSION, sha256Into, utf8Bytes } from "./fingerprint";
export { partyOf, US_PARTY } from "./parties";
export { classifyRecipients, isExternal, isVisible, type ClassifiedRecipient } from "./recipients";
export { domainParts } from "./lookalike";
export {
  parsePolicy,
  parsePolicyText,
  formatPolicyErrors,
  DEFAULT_POLICY,
  type Policy,
  type InspectionPolicy,
  type MemoryPolicy,
  type PolicyFile,
  type PolicyError,
  type PolicyResult,
} from "./policy";
export { resolvePolicy, type PolicySources } from "./source";
export { builtInPolicy, POLICY_FORMAT, sealPolicy, sealedPolicyText, unsealPolicy, type SealedPolicy } from "./sealed";
export { builtInConsumerDomainCount, isBuiltInConsumerDomain, JAPANESE_CONSUMER_DOMAINS } from "./consumer-domains";
export { DEFAULT_ATTACHMENT_KEYWORDS } from "./attachment-keywords";
export { planMoveToBcc, planRecipientFix, applyPlan, fixObstacle, type FixObstacle, type RecipientFix, type RecipientPlan } from "./fixes";
export type { ReviewerEntry, ReviewPolicy } from "./policy";
