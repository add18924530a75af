import { builtInPolicy, parsePolicy, parsePolicyText, resolvePolicy, type PolicyResult } from "../policy";
import { parseInspectionCache, withCachedInspections } from "../attachments/cache";
import { readAttachmentContent, removeAttachment } from "../office/attachments";
import { readDraft } from "../office/draft";
import { displayLanguage, isDarkTheme, supportsMailbox, userEmail } from "../office/host";
import { watchInitializationContext, watchItem } from "../office/item-events";
import { parseAlertContext, readInitializationContext } from "../office/pane-context";
import { writeRecipients } from "../office/recipients";
import { COMPOSE_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY, readSessionValue, removeSessionValue, TAUGHT_SESSION_KEY, writeSessionValue } from "../office/session";
import { hasRoamingSettings, readRoamingValue, saveRoamingValue } from "../office/roaming";
import { parseComposeStart } from "../memory/compose-start";
import { CorrespondenceMemory, MEMORY_SETTING_KEY, taughtKeys } from "../memory/correspondence";
import type { PaneHost } from "./host";
import { msalRequester, SIGN_IN_PAGE, tokenFromDialog } from "../ui/sign-in";
import { dialogMessage, supportsNestedAppAuth } from "../office/dialog";
import { approvalShareName, POLICY_SHARE_NAME, shareValue } from "../office/local-share";
import { decodeApprovalToken } from "../approval/token";
import { APPROVAL_SESSION_KEY } from "../shared/session-keys";

/** The server's policy.json next to this page; undefined when offline or blocked. */
async function fetchPublishedPolicy(): Promise<string | undefined> {
  try {
    const response = await fetch(new URL("policy.json", document.baseURI), { cache: "no-store", credentials: "omit" });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** An approval token, shared under the fingerprint of the message it approves (for Mac, where the handler does not see the pane's sessionData). */
function shareApproval(token: string): void {
  const decoded = decodeApprovalToken(token);
  if (decoded.ok) shareValue(approvalShareName(decoded.claims.fp), token);
}

/**
 * The policy the send handler uses on this item, found the same way (policy/source.ts). A policy
 * the pane fetched is kept on the item: the send handler reads it first, so an approval the pane
 * obtained is verified with the server's key even when Outlook cannot fetch policy.json at Send.
 */
function readPolicy(embedded: unknown): Promise<PolicyResult> {
  return resolvePolicy(
    {
      readCached: () => readSessionValue(POLICY_SESSION_KEY),
      fetchPublished: fetchPublishedPolicy,
      writeCached: (text) => {
        void writeSessionValue(POLICY_SESSION_KEY, text).catch(() => undefined);
        // On Mac the send handler does not see the pane's sessionData: localStorage carries it (office/local-share.ts).
        shareValue(POLICY_SHARE_NAME, text);
      },
      parseText: parsePolicyText,
    },
    () => builtInPolicy(embedded, parsePolicy),
  );
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
    // Both only ever make a verdict milder: a failed read means none. The memory is read as the
    // send handler reads it, without the group this item taught on a confirm.
    readContext: () =>
      Promise.all([readSessionValue(COMPOSE_SESSION_KEY).catch(() => undefined), readSessionValue(TAUGHT_SESSION_KEY).catch(() => undefined)]).then(([compose, taught]) => {
        const memory = CorrespondenceMemory.decode(readRoamingValue(MEMORY_SETTING_KEY));
        return { composeStart: parseComposeStart(compose), memory: memory?.without(memory.groupIdOf(taughtKeys(taught))) };
      }),
    memoryCounts: () => (hasRoamingSettings() ? (CorrespondenceMemory.decode(readRoamingValue(MEMORY_SETTING_KEY))?.counts() ?? { addresses: 0, domains: 0, groups: 0 }) : null),
    clearMemory: () => saveRoamingValue(MEMORY_SETTING_KEY, CorrespondenceMemory.cleared(Date.now(), CorrespondenceMemory.decode(readRoamingValue(MEMORY_SETTING_KEY))).encode()),
    readMemoryValue: () => readRoamingValue(MEMORY_SETTING_KEY),
    writeMemoryValue: (value) => saveRoamingValue(MEMORY_SETTING_KEY, value),
    readAlertContext: () => readInitializationContext().then(parseAlertContext),
    watchDraft: (listener) => watchItem((_change, args) => listener(args)),
    watchAlertContext: (listener) => watchInitializationContext((data) => listener(parseAlertContext(data))),
    writeRecipients,
    removeAttachment,
    readAttachmentContent,
    userEmail,
    readItemValue: readSessionValue,
    writeItemValue: (key, value) => {
      if (key === APPROVAL_SESSION_KEY) shareApproval(value);
      return writeSessionValue(key, value);
    },
    removeItemValue: removeSessionValue,
    alertClient: () => (supportsMailbox("1.14") ? "full" : "basic"),
    serviceBase: () => new URL(".", document.baseURI).href.replace(/\/+$/, ""),
    // Nested App Authentication where Outlook has it; else the sign-in page in an Office dialog.
    tokenRequester: (client) => {
      if (supportsNestedAppAuth()) return msalRequester(client, { kind: "nested" });
      const redirectUri = new URL(SIGN_IN_PAGE, document.baseURI).href;
      return msalRequester(client, { kind: "dialog", redirectUri, signIn: () => dialogMessage(redirectUri).then(tokenFromDialog) });
    },
  };
}
