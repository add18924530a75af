/** What the playground needs from the built manifest.xml, read the way Outlook reads it. */
export interface ManifestInfo {
  /** FunctionName of the OnMessageSend LaunchEvent. */
  onSendFunction: string;
  /** FunctionName of the OnMessageAttachmentsChanged LaunchEvent, when the manifest declares one. */
  onAttachmentsChangedFunction: string | undefined;
  /** FunctionName of the OnNewMessageCompose LaunchEvent, when the manifest declares one. */
  onNewMessageComposeFunction: string | undefined;
  sendMode: "PromptUser" | "SoftBlock" | "Block";
  /** Ids of compose-surface controls whose action shows a task pane (valid Smart Alerts `commandId`s). */
  composePaneCommands: string[];
  /** The origin the add-in was built for (from the manifest's URLs), e.g. https://localhost:3000. */
  origin: string | undefined;
}

const MAIL_NS = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** Parses manifest XML text (DOMParser in the browser, @xmldom/xmldom in tests). */
export function readManifestInfo(xml: string, parser: { parseFromString(text: string, type: string): Document }): ManifestInfo {
  const doc = parser.parseFromString(xml, "text/xml");
  const all = (name: string) => Array.from(doc.getElementsByTagNameNS(MAIL_NS, name));
  const launch = all("LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageSend");
  if (!launch) throw new Error("manifest.xml has no OnMessageSend LaunchEvent");
  const sendMode = (launch.getAttribute("SendMode") ?? "SoftBlock") as ManifestInfo["sendMode"];

  const composePaneCommands = all("ExtensionPoint")
    .filter((point) => /MessageComposeCommandSurface$/.test(point.getAttribute("xsi:type") ?? ""))
    .flatMap((point) => Array.from(point.getElementsByTagNameNS(MAIL_NS, "Control")))
    .filter((control) =>
      Array.from(control.getElementsByTagNameNS(MAIL_NS, "Action")).some((action) => /ShowTaskpane$/.test(action.getAttribute("xsi:type") ?? "")),
    )
    .map((control) => control.getAttribute("id") ?? "")
    .filter(Boolean);
  const firstUrl = Array.from(doc.getElementsByTagNameNS(BT_NS, "Url"))
    .map((url) => url.getAttribute("DefaultValue") ?? "")
    .find((value) => /^https?:\/\//.test(value));
  const attachmentsChanged = all("LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageAttachmentsChanged");
  const newCompose = all("LaunchEvent").find((e) => e.getAttribute("Type") === "OnNewMessageCompose");
  return {
    onSendFunction: launch.getAttribute("FunctionName") ?? "",
    onNewMessageComposeFunction: newCompose?.getAttribute("FunctionName") ?? undefined,
    onAttachmentsChangedFunction: attachmentsChanged?.getAttribute("FunctionName") ?? undefined,
    sendMode,
    composePaneCommands,
    origin: firstUrl ? new URL(firstUrl).origin : undefined,
  };
}
