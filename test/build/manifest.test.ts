import { DOMParser, type Element } from "@xmldom/xmldom";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ON_ATTACHMENTS_CHANGED } from "../../src/event/on-attachments-changed";
import { ON_NEW_MESSAGE_COMPOSE } from "../../src/event/on-new-message-compose";
import { ON_RECIPIENTS_CHANGED } from "../../src/event/on-recipients-changed";
import { ON_MESSAGE_SEND } from "../../src/event/on-message-send";
import { TASKPANE_COMMAND_ID } from "../../src/office/alert-options";
import { DIST, distFile, loadLaunchEvent } from "../support/dist";
import { createEvent } from "../support/fake-office";
import { approvalClaimsFor } from "../support/approvals";
import { APPROVAL_SESSION_KEY } from "../../src/shared/session-keys";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";

const ROOT = path.resolve(__dirname, "../..");
// The build script is plain CommonJS (webpack.config.js loads it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSettings } = require("../../scripts/addin-build.js") as {
  readSettings: (env: NodeJS.ProcessEnv) => { approvalKeys: string[]; policy: Record<string, unknown>; policyText: string };
};
const ORIGIN = "https://localhost:3000";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function parse(xml: string) {
  return new DOMParser().parseFromString(xml, "text/xml");
}

function all(node: { getElementsByTagName(name: string): { length: number; item(i: number): Element | null } }, name: string): Element[] {
  const list = node.getElementsByTagName(name);
  return Array.from({ length: list.length }, (_, i) => list.item(i) as Element);
}

function childNames(element: Element): string[] {
  return Array.from(element.childNodes)
    .filter((n) => n.nodeType === 1)
    .map((n) => (n as Element).localName ?? "");
}

function firstChild(element: Element, name: string): Element {
  const found = Array.from(element.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === name);
  if (!found) throw new Error(`no <${name}> in <${element.localName}>`);
  return found as Element;
}

/** Keeps only the names in `order` and checks they appear in that order. */
function inDocumentedOrder(names: string[], order: string[]): boolean {
  const present = names.filter((n) => order.includes(n));
  const expected = order.filter((n) => present.includes(n));
  return JSON.stringify([...new Set(present)]) === JSON.stringify(expected);
}

describe("dist/manifest.xml", () => {
  const xml = distFile("manifest.xml");
  const doc = parse(xml);
  const root = doc.documentElement as Element;

  test("parses with office-addin-manifest info (offline)", () => {
    const out = execFileSync(path.join(ROOT, "node_modules/.bin/office-addin-manifest"), ["info", path.join(DIST, "manifest.xml")], { encoding: "utf8" });
    expect(out).toMatch(/Name: Send Guard/);
    expect(out).toMatch(/Id: 5c7e2f4a-9b1d-4e36-8a2f-0d6b3c1e7a95/);
  });

  test("is a Mail add-in with ReadWriteItem and Mailbox 1.5 as DefaultMinVersion (Outlook mobile's level, so that it loads the mobile events)", () => {
    expect(root.getAttribute("xsi:type")).toBe("MailApp");
    expect(all(doc, "Permissions")[0]?.textContent).toBe("ReadWriteItem");
    expect(all(doc, "bt:Sets")[0]?.getAttribute("DefaultMinVersion")).toBe("1.5");
  });

  test("Outlook on Android and iOS: the compose-start record and the warning while recipients change, in the shared runtime page, after the desktop form factor", () => {
    const mobile = all(doc, "MobileFormFactor");
    expect(mobile).toHaveLength(1);
    const host = mobile[0]?.parentNode as Element;
    const order = Array.from(host.childNodes).filter((n): n is Element => n.nodeType === 1).map((e) => e.localName);
    expect(order).toEqual(["Runtimes", "DesktopFormFactor", "MobileFormFactor"]);
    const point = all(mobile[0] as Element, "ExtensionPoint");
    expect(point.map((p) => p.getAttribute("xsi:type"))).toEqual(["LaunchEvent"]);
    expect(all(point[0] as Element, "LaunchEvent").map((e) => [e.getAttribute("Type"), e.getAttribute("FunctionName"), e.hasAttribute("SendMode")])).toEqual([
      ["OnNewMessageCompose", ON_NEW_MESSAGE_COMPOSE, false],
      ["OnMessageRecipientsChanged", ON_RECIPIENTS_CHANGED, false],
    ]);
    expect(all(point[0] as Element, "SourceLocation")[0]?.getAttribute("resid")).toBe("WebViewRuntime.Url");
  });

  test("is available in shared mailboxes and to delegates (SupportsSharedFolders, in the 1.1 VersionOverrides)", () => {
    const element = all(doc, "SupportsSharedFolders");
    expect(element.map((e) => e.textContent)).toEqual(["true"]);
    let parent = element[0]?.parentNode as Element | null;
    while (parent && parent.localName !== "VersionOverrides") parent = parent.parentNode as Element | null;
    expect(parent?.getAttribute("xsi:type")).toBe("VersionOverridesV1_1");
  });

  test("every resid is at most 32 characters and resolves to a resource", () => {
    const resources = new Set(["bt:Image", "bt:Url", "bt:String"].flatMap((tag) => all(doc, tag).map((e) => e.getAttribute("id"))));
    const resids = all(doc, "*").map((e) => e.getAttribute("resid")).filter((r): r is string => !!r);
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) {
      expect(resid.length).toBeLessThanOrEqual(32);
      expect(resources).toContain(resid);
    }
    for (const id of resources) expect((id ?? "").length).toBeLessThanOrEqual(32);
  });

  test("every string resource has a ja-JP override", () => {
    for (const string of all(doc, "bt:String")) {
      const overrides = Array.from(string.getElementsByTagNameNS(BT, "Override"));
      expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["ja-JP"]);
    }
  });

  test("every FunctionName is registered by the bundle its clients load: launchevent.js (classic Windows) and commands.js (browser runtimes, mobile)", () => {
    const namesIn = (formFactor: string) => all(all(doc, formFactor)[0] as Element, "LaunchEvent").map((e) => e.getAttribute("FunctionName") ?? "");
    expect(namesIn("DesktopFormFactor")).toEqual([ON_ATTACHMENTS_CHANGED, ON_NEW_MESSAGE_COMPOSE, ON_MESSAGE_SEND]);
    expect(namesIn("MobileFormFactor")).toEqual([ON_NEW_MESSAGE_COMPOSE, ON_RECIPIENTS_CHANGED]);
    const classic = loadLaunchEvent({}).fake;
    for (const name of namesIn("DesktopFormFactor")) expect(classic.associated.has(name)).toBe(true);
    // The mobile-only handler stays out of the file classic Outlook loads on every Send.
    expect(classic.associated.has(ON_RECIPIENTS_CHANGED)).toBe(false);
    const browser = loadLaunchEvent({}, {}, { document: { currentScript: { tagName: "SCRIPT", src: `${ORIGIN}/commands.js` } } }, path.join(DIST, "commands.js")).fake;
    for (const name of [...namesIn("DesktopFormFactor"), ...namesIn("MobileFormFactor")]) expect(browser.associated.has(name)).toBe(true);
  });

  test("OnMessageSend uses SoftBlock by default", () => {
    expect(all(doc, "LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageSend")?.getAttribute("SendMode")).toBe("SoftBlock");
  });

  test("attachments are inspected when they change (Mailbox 1.11), in the same runtime", () => {
    const event = all(doc, "LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageAttachmentsChanged");
    expect(event?.getAttribute("FunctionName")).toBe(ON_ATTACHMENTS_CHANGED);
    expect(event?.hasAttribute("SendMode")).toBe(false);
  });

  test("the handler's commandId is the compose button that shows the task pane", () => {
    const compose = all(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "MessageComposeCommandSurface") as Element;
    const control = all(compose, "Control").find((c) => c.getAttribute("id") === TASKPANE_COMMAND_ID);
    expect(control).toBeDefined();
    expect(all(control as Element, "Action")[0]?.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("a read-mode button opens the reviewer pane", () => {
    const read = all(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "MessageReadCommandSurface") as Element;
    const resid = all(all(read, "Action")[0] as Element, "SourceLocation")[0]?.getAttribute("resid");
    const url = all(doc, "bt:Url").find((u) => u.getAttribute("id") === resid);
    expect(url?.getAttribute("DefaultValue")).toBe(`${ORIGIN}/taskpane.html?mode=review`);
  });

  test("the runtime serves commands.html, overridden by launchevent.js for classic Outlook, and the launch event uses it", () => {
    const runtime = all(doc, "Runtime")[0] as Element;
    const urls = new Map(all(doc, "bt:Url").map((u) => [u.getAttribute("id"), u.getAttribute("DefaultValue")]));
    expect(urls.get(runtime.getAttribute("resid"))).toBe(`${ORIGIN}/commands.html`);
    const override = firstChild(runtime, "Override");
    expect(override.getAttribute("type")).toBe("javascript");
    expect(urls.get(override.getAttribute("resid"))).toBe(`${ORIGIN}/launchevent.js`);
    const launch = all(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "LaunchEvent") as Element;
    expect(firstChild(launch, "SourceLocation").getAttribute("resid")).toBe(runtime.getAttribute("resid"));
  });

  test("every URL is HTTPS at the origin", () => {
    const urls = [
      ...all(doc, "*").map((e) => e.getAttribute("DefaultValue") ?? "").filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...all(doc, "AppDomain").map((e) => e.textContent ?? ""),
    ];
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url === ORIGIN || url.startsWith(`${ORIGIN}/`)).toBe(true);
  });

  test("elements follow the documented order", () => {
    expect(
      inDocumentedOrder(childNames(root), [
        "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
        "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule",
        "DisableEntityHighlighting", "VersionOverrides",
      ]),
    ).toBe(true);
    const inner = firstChild(firstChild(root, "VersionOverrides"), "VersionOverrides");
    expect(childNames(inner)).toEqual(["Requirements", "Hosts", "Resources"]);
    const host = firstChild(firstChild(inner, "Hosts"), "Host");
    expect(childNames(host)).toEqual(["Runtimes", "DesktopFormFactor", "MobileFormFactor"]);
    // SupportsSharedFolders first, then FunctionFile (the documented example and schema order).
    expect(childNames(firstChild(host, "DesktopFormFactor")).slice(0, 2)).toEqual(["SupportsSharedFolders", "FunctionFile"]);
    expect(childNames(firstChild(inner, "Resources"))).toEqual(["Images", "Urls", "ShortStrings", "LongStrings"]);
    for (const control of all(doc, "Control")) expect(childNames(control)).toEqual(["Label", "Supertip", "Icon", "Action"]);
  });

  test("the files the manifest points to were built", () => {
    for (const url of all(doc, "*").map((e) => e.getAttribute("DefaultValue") ?? "").filter((v) => v.startsWith(ORIGIN))) {
      const file = new URL(url).pathname.slice(1) || "index.html";
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    }
  });
});

describe("other built files", () => {
  test("the well-known file allows launchevent.js at the origin", () => {
    expect(JSON.parse(distFile(".well-known/microsoft-officeaddins-allowed.json"))).toEqual({ allowed: [`${ORIGIN}/launchevent.js`] });
  });

  test("commands.html loads office.js, then the browser runtime's commands.js", () => {
    const html = distFile("commands.html");
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "commands.js"]);
  });

  test("policy.json is the validated source policy", () => {
    expect(distFile("policy.json")).toBe(fs.readFileSync(path.join(ROOT, "policy.json"), "utf8"));
  });
});

describe("building for another origin", () => {
  const env = (extra: Record<string, string>) => ({ ...process.env, ...extra });
  const webpack = path.join(ROOT, "node_modules/.bin/webpack");

  test("SEND_GUARD_ORIGIN, SEND_GUARD_SEND_MODE=Block, SEND_GUARD_POLICY and SEND_GUARD_APPROVAL_KEYS reach every output; offline, the bundle verifies approvals with the built-in key", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sg-build-"));
    const policyFile = path.join(out, "org-policy.json");
    const policy = { internalDomains: ["example.co.jp"], failMode: "open" };
    fs.writeFileSync(policyFile, JSON.stringify(policy));
    const key = loadSigningKey(generateSigningKeyPem());
    execFileSync(webpack, ["--config", "webpack.config.js", "--config-name", "launchevent"], {
      cwd: ROOT,
      env: env({
        SEND_GUARD_ORIGIN: "https://sendguard.example.co.jp:8443",
        SEND_GUARD_SEND_MODE: "Block",
        SEND_GUARD_POLICY: policyFile,
        SEND_GUARD_APPROVAL_KEYS: key.publicKeyHex.toUpperCase(),
        SEND_GUARD_OUT: out,
      }),
      stdio: "pipe",
    });
    // The policy.json copy carries the key too (a static host serves it as built).
    const built = { ...policy, approvalKeys: [key.publicKeyHex] };
    expect(JSON.parse(fs.readFileSync(path.join(out, "policy.json"), "utf8"))).toEqual(built);

    // Outlook cannot fetch policy.json; nothing is cached on the item; a reviewer approved the message.
    const spec = { to: [{ emailAddress: "a@gmail.com" }, { emailAddress: "b@yahoo.co.jp" }, { emailAddress: "c@docomo.ne.jp" }], cc: [{ emailAddress: "d@ezweb.ne.jp" }], subject: "ご案内", from: "tanaka@example.co.jp" };
    const send = async (sessionData: Record<string, string>) => {
      const { fake } = loadLaunchEvent({ ...spec, sessionData }, {}, { fetch: () => Promise.reject(new TypeError("Failed to fetch")) }, path.join(out, "launchevent.js"));
      const { event, first } = createEvent();
      fake.associated.get(ON_MESSAGE_SEND)?.(event);
      return first;
    };
    const blocked = await send({});
    expect(blocked.allowEvent).toBe(false);
    const approved = await send({ [APPROVAL_SESSION_KEY]: signApproval(key, approvalClaimsFor(spec, JSON.stringify(built))) });
    expect(approved).toEqual({ allowEvent: true });
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('SendMode="Block"');
    expect(manifest).toContain("https://sendguard.example.co.jp:8443/launchevent.js");
    expect(fs.readFileSync(path.join(out, "launchevent.js"), "utf8")).toContain('"https://sendguard.example.co.jp:8443"');
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);

  test.each([
    [{ SEND_GUARD_ORIGIN: "http://sendguard.example.co.jp" }, "must use https:"],
    [{ SEND_GUARD_ORIGIN: "https://sendguard.example.co.jp/addin" }, "must be an origin only"],
    [{ SEND_GUARD_ORIGIN: "sendguard" }, "is not a URL"],
    [{ SEND_GUARD_SEND_MODE: "PromptUser" }, "SEND_GUARD_SEND_MODE must be one of SoftBlock, Block"],
    [{ SEND_GUARD_POLICY: "no-such-policy.json" }, "SEND_GUARD_POLICY file not found"],
    [{ SEND_GUARD_ADDIN_ID: "not-a-guid" }, "SEND_GUARD_ADDIN_ID must be a GUID"],
  ])("rejects %j", (settings, message) => {
    expect(() => readSettings(env(settings))).toThrow(message);
  });

  test.each([
    ["not hex", "zz".repeat(32), "is not an approval key"],
    ["too short", "ab".repeat(31), "is not an approval key"],
    ["a private key pasted by mistake", "-----BEGIN PRIVATE KEY-----", "is not an approval key"],
  ])("rejects SEND_GUARD_APPROVAL_KEYS that is %s", (_name, value, message) => {
    expect(() => readSettings(env({ SEND_GUARD_APPROVAL_KEYS: value }))).toThrow(message);
  });

  describe("a policy that asks for review needs an approval key", () => {
    const write = (policy: unknown) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sg-policy-")), "policy.json");
      fs.writeFileSync(file, JSON.stringify(policy));
      return file;
    };
    const KEY = "ab".repeat(32);
    const noKeys = (extra: Record<string, string>) => {
      const e = env(extra);
      delete e.SEND_GUARD_APPROVAL_KEYS;
      return e;
    };

    test("no key known: a build error naming the rules that ask for review and how to give the key", () => {
      const file = write({ internalDomains: ["example.co.jp"], rules: { "attachment-personal-data": "confirm" } });
      expect(() => readSettings(noKeys({ SEND_GUARD_POLICY: file }))).toThrow(
        /asks for a reviewer's approval \(external-exposure, attachment-address-list\) but no approval key is known.*npm run -s approval-key.*SEND_GUARD_APPROVAL_KEYS=none/s,
      );
    });

    test("inspection.notInspected and exposure.smallSet.level at review count too", () => {
      const quiet = { "external-exposure": "confirm", "attachment-personal-data": "confirm", "attachment-address-list": "confirm" };
      expect(() => readSettings(noKeys({ SEND_GUARD_POLICY: write({ rules: quiet, inspection: { notInspected: "review" } }) }))).toThrow("(inspection.notInspected)");
      expect(() => readSettings(noKeys({ SEND_GUARD_POLICY: write({ rules: quiet, exposure: { smallSet: { level: "review" } } }) }))).toThrow("(exposure.smallSet.level)");
      expect(readSettings(noKeys({ SEND_GUARD_POLICY: write({ rules: quiet }) }))).toMatchObject({ approvalKeys: [] });
    });

    test("keys in the policy file, in SEND_GUARD_APPROVAL_KEYS (commas or spaces, any case), or `none` build", () => {
      const file = write({ internalDomains: ["example.co.jp"] });
      expect(readSettings(noKeys({ SEND_GUARD_POLICY: write({ approvalKeys: [KEY] }) }))).toMatchObject({ approvalKeys: [KEY] });
      const other = "cd".repeat(32);
      const both = readSettings(env({ SEND_GUARD_POLICY: file, SEND_GUARD_APPROVAL_KEYS: ` ${KEY.toUpperCase()}, ${other} ${KEY}` }));
      expect(both).toMatchObject({ approvalKeys: [KEY, other], policy: { internalDomains: ["example.co.jp"], approvalKeys: [KEY, other] } });
      expect(JSON.parse(both.policyText)).toEqual(both.policy);
      const none = readSettings(env({ SEND_GUARD_POLICY: file, SEND_GUARD_APPROVAL_KEYS: "none" }));
      expect(none).toMatchObject({ approvalKeys: [], policyText: fs.readFileSync(file, "utf8") });
    });
  });

  test("rejects an invalid policy, naming the bad key", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sg-policy-")), "bad.json");
    fs.writeFileSync(file, JSON.stringify({ exposure: { massThreshold: -1 } }));
    expect(() => readSettings(env({ SEND_GUARD_POLICY: file }))).toThrow("exposure.massThreshold must be at least 1");
  });
});
