import { officeCall } from "./async";
import { composeItem, supportsMailbox } from "./host";

export type ItemChange = "recipients" | "attachments";

// The enum is absent when office.js runs outside Outlook; the values are documented strings.
const eventType = (name: "RecipientsChanged" | "AttachmentsChanged" | "InitializationContextChanged", value: string) =>
  ((Office.EventType as unknown as Record<string, string> | undefined)?.[name] ?? value) as unknown as Office.EventType;

function addHandler(type: Office.EventType, handler: (args: unknown) => void): Promise<() => Promise<void>> {
  const item = composeItem();
  return officeCall<void>("addHandlerAsync", (cb) => item.addHandlerAsync(type, handler, cb)).then(
    () => () => officeCall<void>("removeHandlerAsync", (cb) => item.removeHandlerAsync(type, cb)),
  );
}

/**
 * Calls `listener` when the sender changes recipients (Mailbox 1.7) or
 * attachments (1.8), including changes made by this add-in, with the event's
 * arguments (for attachments: which file was added or removed). Returns a
 * function that removes the handlers.
 */
export async function watchItem(listener: (change: ItemChange, args: unknown) => void): Promise<() => Promise<void>> {
  const stops = [await addHandler(eventType("RecipientsChanged", "olkRecipientsChanged"), (args) => listener("recipients", args))];
  if (supportsMailbox("1.8")) {
    stops.push(await addHandler(eventType("AttachmentsChanged", "olkAttachmentsChanged"), (args) => listener("attachments", args)));
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  };
}

/**
 * When the task pane is already open and the Smart Alert's button is pressed
 * again, Outlook (Mailbox 1.15) delivers the new contextData through this event
 * instead of reloading the pane. Null where the client does not support it.
 * https://learn.microsoft.com/javascript/api/outlook/office.initializationcontextchangedeventargs
 */
export function watchInitializationContext(listener: (data: string) => void): Promise<(() => Promise<void>) | null> {
  if (!supportsMailbox("1.15")) return Promise.resolve(null);
  return addHandler(eventType("InitializationContextChanged", "olkInitializationContextChanged"), (args) => {
    listener(String((args as { initializationContextData?: unknown })?.initializationContextData ?? ""));
  });
}
