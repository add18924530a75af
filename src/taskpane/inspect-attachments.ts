import { attachmentKey, parseInspectionCache, serializeInspectionCache, toStored, type Policy } from "../policy";
import { INSPECTIONS_SESSION_KEY } from "../shared/session-keys";
import type { Draft } from "../shared/types";
import type { PaneHost } from "./host";

/** sessionData holds at most 50,000 characters per add-in per item before Mailbox 1.16 (with the policy and the approval). */
const CACHE_BUDGET = 40_000;

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Inspects the attachments of the draft that the item's cache does not know yet,
 * when attachments change (heavy work belongs here, not at Send), and stores the
 * results on the item for the send handler. The inspectors are loaded on first
 * use as their own chunk. Resolves to true when something new was stored.
 */
export async function inspectNewAttachments(host: PaneHost, draft: Draft, policy: Policy): Promise<boolean> {
  const cache = parseInspectionCache(await host.readItemValue(INSPECTIONS_SESSION_KEY));
  const todo = draft.attachments.filter((a) => a.id && !a.isInline && a.attachmentType !== "cloud" && !cache.has(attachmentKey(a)));
  if (todo.length === 0) return false;
  const { inspectFile, limitsOf, toInspection } = await import(/* webpackChunkName: "inspect" */ "../inspect");
  const limits = limitsOf(policy.inspection);
  let stored = false;
  for (const attachment of todo) {
    let content: { format: string; content: string };
    try {
      content = await host.readAttachmentContent(attachment.id as string);
    } catch {
      continue; // Not cached: tried again on the next change.
    }
    let bytes: Uint8Array;
    let name = attachment.name;
    if (content.format === "base64") bytes = base64Bytes(content.content);
    else if (content.format === "eml") {
      bytes = new TextEncoder().encode(content.content);
      if (!/\.eml$/i.test(name)) name = `${name}.eml`;
    } else continue;
    cache.set(attachmentKey(attachment), toStored(toInspection(await inspectFile(name, bytes, limits))));
    stored = true;
  }
  if (!stored) return false;
  let text = serializeInspectionCache(cache);
  if (text.length > CACHE_BUDGET) {
    // Too big for the item: keep the counts, drop the address hashes (the not-recipient count falls back to all).
    for (const [key, value] of cache) cache.set(key, { ...value, addressHashes: undefined });
    text = serializeInspectionCache(cache);
  }
  await host.writeItemValue(INSPECTIONS_SESSION_KEY, text);
  return true;
}
