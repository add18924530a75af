/**
 * Entry of dist/launchevent.js: the one self-contained file that classic
 * Outlook's JavaScript-only runtime loads, and that commands.html loads in the
 * browser runtime (web, new Outlook, Mac). Office.onReady does not run in the
 * JavaScript-only runtime, so registration happens at top level.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/smart-alerts-onmessagesend-walkthrough
 */
import { createOnMessageSend, ON_MESSAGE_SEND } from "./on-message-send";

// Replaced at build time by webpack's DefinePlugin (see webpack.config.js).
declare const __SEND_GUARD_ORIGIN__: string;
declare const __SEND_GUARD_POLICY__: unknown;

Office.actions.associate(
  ON_MESSAGE_SEND,
  createOnMessageSend({ origin: __SEND_GUARD_ORIGIN__, embeddedPolicy: __SEND_GUARD_POLICY__ }),
);
