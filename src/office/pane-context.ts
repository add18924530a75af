import type { AlertContext } from "../shared/types";
import { parseJsonObject } from "../util/json";
import { officeCall } from "./async";
import { composeItem } from "./host";

const VERDICTS = new Set(["allow", "confirm", "review", "block", "error"]);

/**
 * The Smart Alert's `contextData` as the send handler wrote it (JSON text), or
 * null when the pane was opened from the ribbon or the text is not ours.
 */
export function parseAlertContext(text: string | null | undefined): AlertContext | null {
  if (!text) return null;
  const v = parseJsonObject(text);
  if (!v) return null;
  if (v.v !== 1 || typeof v.verdict !== "string" || !VERDICTS.has(v.verdict)) return null;
  if (!Array.isArray(v.codes) || !v.codes.every((c) => typeof c === "string")) return null;
  if (v.fingerprint !== null && typeof v.fingerprint !== "string") return null;
  return {
    v: 1,
    verdict: v.verdict as AlertContext["verdict"],
    codes: v.codes as string[],
    fingerprint: v.fingerprint as string | null,
    ...(typeof v.error === "string" ? { error: v.error } : {}),
    ...(typeof v.approval === "string" ? { approval: v.approval } : {}),
    ...(Array.isArray(v.uncovered) && v.uncovered.every((c) => typeof c === "string") ? { uncovered: v.uncovered as string[] } : {}),
  };
}

/**
 * The data the pane was opened with (`getInitializationContextAsync`, Mailbox
 * 1.14 with Smart Alerts): the contextData text, or null when there is none, the
 * call is missing, or it fails (the pane then works from the live draft alone).
 */
export function readInitializationContext(): Promise<string | null> {
  const item = composeItem();
  if (typeof item.getInitializationContextAsync !== "function") return Promise.resolve(null);
  return officeCall<string>("getInitializationContextAsync", (cb) => item.getInitializationContextAsync(cb)).then(
    (text) => (typeof text === "string" && text.length > 0 ? text : null),
    () => null,
  );
}
