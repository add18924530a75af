import { parseAddress, type Policy } from "../policy";
import { parseMailbox } from "../policy/mailbox";
import type { SimRecipient, SimRecipientType } from "./office-sim";

/**
 * How the simulated Exchange resolves an address: our own domains are "user",
 * known distribution lists "distributionList", anything else "externalUser"
 * (trusted group companies are outside Exchange too).
 */
export function resolverFor(policy: Policy, lists: ReadonlySet<string>): (address: string) => SimRecipientType {
  return (address) => {
    if (lists.has(address.toLowerCase())) return "distributionList";
    const parsed = parseAddress(address);
    if (!parsed.ok) return "other";
    const internal = policy.internalDomains.some((d) => parsed.domain === d || parsed.domain.endsWith(`.${d}`));
    return internal ? "user" : "externalUser";
  };
}

export interface TypedRecipients {
  recipients: SimRecipient[];
  /** Addresses typed with the `dl:` prefix (the playground's way to add a distribution list). */
  lists: string[];
  /** What was typed that is not an email address (`tanaka@@example.com`, `foo bar@example.com`): not added. */
  invalid: string[];
}

/**
 * Turns what the sender typed ("山田 太郎 <yamada@example.co.jp>; b@example.jp",
 * one per line, or `dl:all@…` for a list) into resolved recipients. Text that is not an
 * email address is refused, as Outlook refuses it in its recipient fields: it is returned
 * in `invalid` (the page leaves it in the box, marked, for the sender to correct), never
 * added and never silently dropped.
 */
export function parseTyped(text: string, resolve: (address: string) => SimRecipientType): TypedRecipients {
  const lists: string[] = [];
  const recipients: SimRecipient[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\n;；、]+/)) {
    const raw = part.trim();
    if (!raw) continue;
    const isList = /^dl:/i.test(raw);
    const spec = isList ? raw.slice(3).trim() : raw;
    const parsed = parseMailbox(spec);
    if (!parsed.ok) {
      invalid.push(raw);
      continue;
    }
    const address = /<([^>]*)>/.exec(spec)?.[1]?.trim() ?? spec;
    if (isList) lists.push(address.toLowerCase());
    recipients.push({
      displayName: parsed.displayName || address,
      emailAddress: address,
      recipientType: isList ? "distributionList" : resolve(address),
    });
  }
  return { recipients, lists, invalid };
}
