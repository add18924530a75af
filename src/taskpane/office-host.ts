import { parsePolicy, parsePolicyText, type PolicyResult } from "../policy";
import { parseInspectionCache, withCachedInspections } from "../attachments/cache";
import { readAttachmentContent, removeAttachment } from "../office/attachments";
import { readDraft } from "../office/draft";
import { displayLanguage } from "../office/host";
import { watchInitializationContext, watchItem } from "../office/item-events";
import { parseAlertContext, readInitializationContext } from "../office/pane-context";
import { writeRecipients } from "../office/recipients";
import { INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY, readSessionValue, removeSessionValue, writeSessionValue } from "../office/session";
import type { PaneHost } from "./host";
import { msalRequester } from "./review/sign-in";

/**
 * The policy the send handler used on this item (cached in sessionData), else
 * the server's policy.json next to this page, else the one built in. An invalid
 * published policy is reported, not silently replaced.
 */
async function readPolicy(embedded: unknown): Promise<PolicyResult> {
  const cached = await readSessionValue(POLICY_SESSION_KEY);
  if (cached !== undefined) {
    const result = parsePolicyText(cached);
    if (result.ok) return result;
  }
  try {
    const response = await fetch(new URL("policy.json", document.baseURI), { cache: "no-store", credentials: "omit" });
    if (response.ok) return parsePolicyText(await response.text());
  } catch {
    // Offline or blocked: fall back to the built-in policy.
  }
  return parsePolicy(embedded);
}

function isDarkTheme(): boolean | undefined {
  // Mailbox 1.14: Office.context.officeTheme.bodyBackgroundColor, e.g. "#1f1f1f".
  const background = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme?.bodyBackgroundColor;
  const match = background && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 128;
}

export function createOfficeHost(embeddedPolicy: unknown): PaneHost {
  return {
    displayLanguage,
    isDarkTheme,
    // The draft with what inspection already found in its attachments.
    readDraft: () =>
      Promise.all([readDraft(), readSessionValue(INSPECTIONS_SESSION_KEY)]).then(([draft, cache]) => withCachedInspections(draft, parseInspectionCache(cache))),
    readPolicy: () => readPolicy(embeddedPolicy),
    readAlertContext: () => readInitializationContext().then(parseAlertContext),
    watchDraft: (listener) => watchItem((_change, args) => listener(args)),
    watchAlertContext: (listener) => watchInitializationContext((data) => listener(parseAlertContext(data))),
    writeRecipients,
    removeAttachment,
    readAttachmentContent,
    userEmail: () => Office.context.mailbox?.userProfile?.emailAddress,
    readItemValue: readSessionValue,
    writeItemValue: writeSessionValue,
    removeItemValue: removeSessionValue,
    serviceBase: () => new URL(".", document.baseURI).href.replace(/\/+$/, ""),
    tokenRequester: msalRequester,
  };
}
