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

/** Whether Office shows a dark theme (Mailbox 1.14 `officeTheme`); undefined when it cannot tell. */
export function isDarkTheme(): boolean | undefined {
  // e.g. "#1f1f1f"; older clients have no officeTheme.
  const background = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme?.bodyBackgroundColor;
  const match = background && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  // Relative luminance (sRGB weights) below the midpoint: a dark background.
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 128;
}

/** The signed-in mailbox's address (Office `userProfile`); undefined where Office does not say. */
export function userEmail(): string | undefined {
  return Office.context?.mailbox?.userProfile?.emailAddress;
}
