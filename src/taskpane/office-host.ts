import { parsePolicy, resolvePolicy, type PolicyResult } from "../policy";
import { parseInspectionCache, withCachedInspections } from "../attachments/cache";
import { readAttachmentContent, removeAttachment } from "../office/attachments";
import { readDraft } from "../office/draft";
import { displayLanguage, isDarkTheme, userEmail } from "../office/host";
import { watchInitializationContext, watchItem } from "../office/item-events";
import { parseAlertContext, readInitializationContext } from "../office/pane-context";
import { writeRecipients } from "../office/recipients";
import { COMPOSE_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY, readSessionValue, removeSessionValue, writeSessionValue } from "../office/session";
import { parseComposeStart } from "../memory/compose-start";
import type { PaneHost } from "./host";
import { msalRequester } from "../ui/sign-in";

/** The server's policy.json next to this page; undefined when offline or blocked. */
async function fetchPublishedPolicy(): Promise<string | undefined> {
  try {
    const response = await fetch(new URL("policy.json", document.baseURI), { cache: "no-store", credentials: "omit" });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** The policy the send handler uses on this item, found the same way (policy/source.ts). */
function readPolicy(embedded: unknown): Promise<PolicyResult> {
  return resolvePolicy({ readCached: () => readSessionValue(POLICY_SESSION_KEY), fetchPublished: fetchPublishedPolicy }, parsePolicy(embedded));
}

export function createOfficeHost(embeddedPolicy: unknown): PaneHost {
  return {
    displayLanguage,
    isDarkTheme,
    // The draft with what inspection already found in its attachments.
    readDraft: () =>
      Promise.all([readDraft(), readSessionValue(INSPECTIONS_SESSION_KEY)]).then(([draft, cache]) => withCachedInspections(draft, parseInspectionCache(cache))),
    readPolicy: () => readPolicy(embeddedPolicy),
    // The record only ever makes a verdict milder: a failed read means none.
    readContext: () => readSessionValue(COMPOSE_SESSION_KEY).then((text) => ({ composeStart: parseComposeStart(text) }), () => ({})),
    readAlertContext: () => readInitializationContext().then(parseAlertContext),
    watchDraft: (listener) => watchItem((_change, args) => listener(args)),
    watchAlertContext: (listener) => watchInitializationContext((data) => listener(parseAlertContext(data))),
    writeRecipients,
    removeAttachment,
    readAttachmentContent,
    userEmail,
    readItemValue: readSessionValue,
    writeItemValue: writeSessionValue,
    removeItemValue: removeSessionValue,
    serviceBase: () => new URL(".", document.baseURI).href.replace(/\/+$/, ""),
    tokenRequester: msalRequester,
  };
}
