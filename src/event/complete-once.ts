/**
 * Wraps `event.completed` so that it runs exactly once, whichever path gets
 * there first (result, error, or the internal deadline). Later calls are ignored.
 */
export function completeOnce(event: { completed: (options?: Office.SmartAlertsEventCompletedOptions) => void }) {
  let done = false;
  return function complete(options?: Office.SmartAlertsEventCompletedOptions): boolean {
    if (done) return false;
    done = true;
    try {
      event.completed(options);
    } catch {
      // Nothing more can be done: Outlook owns the send from here.
    }
    return true;
  };
}
