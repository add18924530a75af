/** Facts about the running Outlook client. */

export function displayLanguage(): string | undefined {
  return Office.context?.displayLanguage;
}

/** `Mailbox` requirement-set check; false when the client cannot tell. */
export function supportsMailbox(version: "1.8" | "1.14" | "1.15" | "1.16"): boolean {
  try {
    return Office.context?.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
}

export function composeItem(): Office.MessageCompose {
  const item = Office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item) throw new Error("no compose item");
  return item;
}
