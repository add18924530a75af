/**
 * Entry of dist/commands.js, which commands.html loads in the browser runtimes (web, new
 * Outlook, Mac) and in Outlook on Android and iOS: the launch-event handlers of
 * launchevent.ts, and the mobile-only warning while recipients change (the manifest's
 * MobileFormFactor). Classic Outlook on Windows loads launchevent.js instead, which never needs
 * the mobile handler and so does not carry it.
 */
import { associateHandler } from "../office/entry";
import { config } from "./launchevent";
import { createOnRecipientsChanged, ON_RECIPIENTS_CHANGED } from "./on-recipients-changed";

associateHandler(ON_RECIPIENTS_CHANGED, createOnRecipientsChanged(config));
