import { officeCall } from "./async";

/**
 * Per-mailbox data through `Office.context.roamingSettings` (Mailbox 1.1): read synchronously
 * from the copy Outlook loads with the add-in, so reading costs the send handler no Office
 * round; written with `set` + `saveAsync`. 32 KB for all of an add-in's settings (a save over
 * it fails); not secure storage (EWS and MAPI can read it), so only hashes are kept there.
 * https://learn.microsoft.com/javascript/api/outlook/office.roamingsettings
 * https://learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins
 */
function settings(): Office.RoamingSettings | undefined {
  try {
    const value = Office.context?.roamingSettings;
    return value && typeof value.get === "function" && typeof value.set === "function" && typeof value.saveAsync === "function" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this client gives the add-in roaming settings. */
export function hasRoamingSettings(): boolean {
  return settings() !== undefined;
}

/** The stored value, or undefined when there is none or the client has no roaming settings (a throw is "none" too). */
export function readRoamingValue(key: string): unknown {
  try {
    const value = settings()?.get(key);
    return value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * Sets and saves one value; rejects when the client has no roaming settings or the save fails
 * (e.g. over 32 KB), and then puts the previous value back in this runtime's copy, so that
 * what the add-in reads afterwards is what the mailbox holds.
 */
export function saveRoamingValue(key: string, value: unknown): Promise<void> {
  const store = settings();
  if (!store) return Promise.reject(new Error("roaming settings are not available"));
  const before: unknown = store.get(key);
  store.set(key, value);
  return officeCall<void>("roamingSettings.saveAsync", (cb) => store.saveAsync(cb)).catch((error: unknown) => {
    if (before === null || before === undefined) store.remove(key);
    else store.set(key, before);
    throw error;
  });
}

/** Removes one value and saves. */
export function removeRoamingValue(key: string): Promise<void> {
  const store = settings();
  if (!store) return Promise.reject(new Error("roaming settings are not available"));
  store.remove(key);
  return officeCall<void>("roamingSettings.saveAsync", (cb) => store.saveAsync(cb));
}
