/**
 * Entry of the event runtimes: dist/launchevent.js, the one self-contained file that
 * classic Outlook's JavaScript-only runtime loads (inspectors inlined: it cannot load
 * code on demand), and dist/commands.js, which commands.html loads in the browser
 * runtime (web, new Outlook, Mac; inspectors in a chunk loaded when a file needs them).
 * Office.onReady does not run in the JavaScript-only runtime, so registration happens
 * at top level (office/entry.ts).
 * https://learn.microsoft.com/office/dev/add-ins/outlook/smart-alerts-onmessagesend-walkthrough
 */
import { associateHandler } from "../office/entry";
import { createOnAttachmentsChanged, ON_ATTACHMENTS_CHANGED } from "./on-attachments-changed";
import { createOnMessageSend, ON_MESSAGE_SEND } from "./on-message-send";
import { createOnNewMessageCompose, ON_NEW_MESSAGE_COMPOSE } from "./on-new-message-compose";

// Replaced at build time by webpack's DefinePlugin (see webpack.config.js); the policy arrives
// validated and sealed (policy/sealed.ts), so loading this file builds no schemas.
declare const __SEND_GUARD_ORIGIN__: string;
declare const __SEND_GUARD_POLICY__: unknown;

export const config = { origin: __SEND_GUARD_ORIGIN__, embeddedPolicy: __SEND_GUARD_POLICY__ };
associateHandler(ON_MESSAGE_SEND, createOnMessageSend(config));
associateHandler(ON_ATTACHMENTS_CHANGED, createOnAttachmentsChanged(config));
associateHandler(ON_NEW_MESSAGE_COMPOSE, createOnNewMessageCompose(config));
