/**
 * How a runtime starts: the only places Office hands control to Send Guard.
 *
 * - Launch events: classic Outlook's JavaScript-only runtime never runs `Office.onReady`;
 *   handlers are registered with `Office.actions.associate` while the file loads, under the
 *   names the manifest's `FunctionName` gives.
 *   https://learn.microsoft.com/office/dev/add-ins/outlook/smart-alerts-onmessagesend-walkthrough
 * - The task pane: rendered once Office is ready.
 */

/** Registers a launch-event handler under its manifest name. Call at the top level of the event bundle. */
export function associateHandler(name: string, handler: (event: Office.AddinCommands.Event) => void): void {
  Office.actions.associate(name, handler);
}

/** Runs `start` once Office has initialised the page. */
export function whenOfficeReady(start: () => void): void {
  void Office.onReady(() => start());
}
