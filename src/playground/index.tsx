import { createRoot } from "react-dom/client";
import { formatPolicyErrors, parsePolicyText } from "../policy";
import { readManifestInfo } from "./manifest-info";
import { PlaygroundApp } from "./PlaygroundApp";
import { initialLanguage, PlaygroundStore } from "./store";

declare global {
  interface Window {
    /** Read by the bridge script in playground/runtime.html and playground/taskpane.html. */
    sendGuardPlayground?: { connect: (frame: Window) => unknown; store: PlaygroundStore };
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function main(root: HTMLElement) {
  try {
    const [policyText, manifestText] = await Promise.all([fetchText("../policy.json"), fetchText("../manifest.xml")]);
    const policy = parsePolicyText(policyText);
    if (!policy.ok) throw new Error(`policy.json: ${formatPolicyErrors(policy.errors)}`);
    const domain = policy.policy.internalDomains[0] ?? "example.co.jp";
    const store = new PlaygroundStore(
      readManifestInfo(manifestText, new DOMParser()),
      policyText,
      { displayName: "田中 一郎", emailAddress: `tanaka@${domain}` },
      initialLanguage(),
    );
    window.sendGuardPlayground = { connect: store.connect, store };
    createRoot(root).render(<PlaygroundApp store={store} />);
  } catch (error) {
    root.textContent = `The playground could not start: ${(error as Error).message}`;
  }
}

const root = document.getElementById("root");
if (root) void main(root);
