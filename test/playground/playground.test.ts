import { DOMParser } from "@xmldom/xmldom";
import { ON_ATTACHMENTS_CHANGED } from "../../src/event/on-attachments-changed";
import { ON_NEW_MESSAGE_COMPOSE } from "../../src/event/on-new-message-compose";
import { ON_MESSAGE_SEND } from "../../src/event/on-message-send";
import { TASKPANE_COMMAND_ID } from "../../src/office/alert-options";
import { readManifestInfo } from "../../src/playground/manifest-info";
import { parseTyped, resolverFor } from "../../src/playground/recipients";
import { smartAlertViolations } from "../../src/playground/store";
import { whatRecipientsSee } from "../../src/playground/visibility";
import { distFile } from "../support/dist";
import { draftOf, policyOf } from "../support/drafts";

const policy = policyOf();
const manifest = readManifestInfo(distFile("manifest.xml"), new DOMParser() as unknown as globalThis.DOMParser);

describe("the playground reads the built manifest as Outlook does", () => {
  test("OnMessageSend function, send mode, and the compose task-pane control a Smart Alert may name", () => {
    expect(manifest).toEqual({ onSendFunction: ON_MESSAGE_SEND, onAttachmentsChangedFunction: ON_ATTACHMENTS_CHANGED, onNewMessageComposeFunction: ON_NEW_MESSAGE_COMPOSE, sendMode: "SoftBlock", composePaneCommands: [TASKPANE_COMMAND_ID], origin: "https://localhost:3000" });
  });

  test("its pages run the built files: the same task pane bundle and the browser runtime's commands.js, with no office.js from the CDN", () => {
    const bundle = /src="(taskpane\.[0-9a-f]+\.js)"/.exec(distFile("taskpane.html"))?.[1];
    expect(bundle).toBeDefined();
    const pane = distFile("playground/taskpane.html");
    expect(pane).toContain(`src="${bundle}"`);
    expect(pane).toContain('<base href="../">');
    expect(distFile("playground/runtime.html")).toContain('<script src="../commands.js"></script>');
    for (const page of [pane, distFile("playground/runtime.html"), distFile("playground/index.html")]) {
      expect(page).not.toContain("appsforoffice.microsoft.com");
    }
  });
});

describe("Smart Alerts contract checks", () => {
  test.each([
    ["options within every limit", { allowEvent: false, errorMessage: "x".repeat(500), cancelLabel: "Send Guardを開く", commandId: TASKPANE_COMMAND_ID, contextData: "{}" }, "1.14", []],
    ["a 501-character message", { allowEvent: false, errorMessage: "x".repeat(501) }, "1.14", ["errorMessage is 501 characters (limit 500)"]],
    ["a long button label", { allowEvent: false, cancelLabel: "a label that is far too long" }, "1.14", ["cancelLabel is 28 characters (limit 20)"]],
    ["an unknown commandId", { allowEvent: false, commandId: "NoSuchButton" }, "1.14", ['commandId "NoSuchButton" is not a task-pane control in manifest.xml']],
    ["contextData that is not a string", { allowEvent: false, contextData: { v: 1 }, commandId: TASKPANE_COMMAND_ID }, "1.14", ["contextData should be a string (classic Outlook before 2402)"]],
    ["a sendModeOverride other than promptUser", { allowEvent: false, sendModeOverride: "block" }, "1.14", ["sendModeOverride supports only promptUser"]],
    ["1.14 options on a 1.12 client", { allowEvent: false, cancelLabel: "Open" }, "1.12", ["cancelLabel need Mailbox 1.14"]],
  ])("%s", (_name, options, version, expected) => {
    expect(smartAlertViolations(options, manifest, version)).toEqual(expected);
  });
});

describe("typing recipients", () => {
  const resolve = resolverFor(policy, new Set());

  test("names, several addresses, Japanese separators and lists are resolved; text that is not an address is refused, not added", () => {
    const typed = parseTyped("山田 太郎 <yamada@tokyo-unyu.co.jp>; sato@mirai-shoji.co.jp；kato@mirai-group.jp、dl:all@mirai-shoji.co.jp\nnot an address", resolve);
    expect(typed.recipients).toEqual([
      { displayName: "山田 太郎", emailAddress: "yamada@tokyo-unyu.co.jp", recipientType: "externalUser" },
      { displayName: "sato@mirai-shoji.co.jp", emailAddress: "sato@mirai-shoji.co.jp", recipientType: "user" },
      { displayName: "kato@mirai-group.jp", emailAddress: "kato@mirai-group.jp", recipientType: "externalUser" },
      { displayName: "all@mirai-shoji.co.jp", emailAddress: "all@mirai-shoji.co.jp", recipientType: "distributionList" },
    ]);
    expect(typed.lists).toEqual(["all@mirai-shoji.co.jp"]);
    expect(typed.invalid).toEqual(["not an address"]);
  });

  test.each(["tanaka@@example.com", "foo bar@example.com", "tanaka@", "@example.com", "tanaka@example", "a.@example.com", "dl:not a list", "山田 <tanaka@@example.com>"])(
    "%s is refused as Outlook would",
    (text) => {
      expect(parseTyped(text, resolve)).toEqual({ recipients: [], lists: [], invalid: [text] });
    },
  );

  test("a list the add-in writes back keeps resolving as a list", () => {
    expect(resolverFor(policy, new Set(["all@mirai-shoji.co.jp"]))("ALL@mirai-shoji.co.jp")).toBe("distributionList");
    expect(resolve("x@sub.mirai-shoji.co.jp")).toBe("user");
  });
});

describe("what each recipient of a sent message could see", () => {
  test("guardians in CC see each other; after the fix nobody sees an outside address of others", () => {
    const before = whatRecipientsSee(draftOf({ to: ["encho@mirai-shoji.co.jp"], cc: ["a@gmail.com", "b@docomo.ne.jp"] }), policy);
    expect(before.visibleOutside).toEqual(["a@gmail.com", "b@docomo.ne.jp"]);
    expect(before.views.find((v) => v.address === "a@gmail.com")?.outsideOthers).toEqual(["b@docomo.ne.jp"]);

    const after = whatRecipientsSee(draftOf({ to: ["encho@mirai-shoji.co.jp"], bcc: ["a@gmail.com", "b@docomo.ne.jp"] }), policy);
    expect(after.visibleOutside).toEqual([]);
    expect(after.views.every((v) => v.outsideOthers.length === 0)).toBe(true);
  });
});
