import { malformedAnswer, officeCall } from "./async";
import { composeItem } from "./host";

export { APPROVAL_SESSION_KEY, COMPOSE_SESSION_KEY, CONFIRMATION_SESSION_KEY, INSPECTIONS_SESSION_KEY, POLICY_SESSION_KEY, REVIEW_SESSION_KEY, TAUGHT_SESSION_KEY } from "../shared/session-keys";

/** sessionData holds at most 50,000 characters per add-in per item before Mailbox 1.16. */
export const SESSION_DATA_LIMIT = 50_000;

function sessionData(): Office.SessionData | undefined {
  const data = composeItem().sessionData;
  return data && typeof data.getAsync === "function" ? data : undefined;
}

/**
 * A value stored on this compose item, or undefined when absent or unavailable.
 * Absence only ever makes a check stricter (no approval, files read again, the policy
 * fetched), so a failed read, no value and an empty text all mean "absent"; a value
 * that is not text is an answer Office never documents, and rejects.
 */
export function readSessionValue(key: string): Promise<string | undefined> {
  const data = sessionData();
  if (!data) return Promise.resolve(undefined);
  // A missing key is reported as a failed call on some clients: treat it as absent.
  return officeCall<unknown>("sessionData.getAsync", (cb) => data.getAsync(key, cb)).then(
    (value) => {
      if (value === undefined || value === null || value === "") return undefined;
      if (typeof value !== "string") throw malformedAnswer("sessionData.getAsync", "text");
      return value;
    },
    () => undefined,
  );
}

export function writeSessionValue(key: string, value: string): Promise<void> {
  const data = sessionData();
  if (!data || value.length > SESSION_DATA_LIMIT) return Promise.resolve();
  return officeCall<void>("sessionData.setAsync", (cb) => data.setAsync(key, value, cb));
}

export function removeSessionValue(key: string): Promise<void> {
  const data = sessionData();
  if (!data) return Promise.resolve();
  return officeCall<void>("sessionData.removeAsync", (cb) => data.removeAsync(key, cb));
}
