export { alertText, approvalAlertText, composeFailureText, composeWarningText, describeFinding, MAX_NOTIFICATION, remediesFor, failureText, MAX_CANCEL_LABEL, MAX_ERROR_MESSAGE, type AlertText } from "./alert";
export { CATALOGS, CONFIRM_BUTTON, firstTimeAmongKnown, languageOf, RIBBON_BUTTON, type AlertClient, type Catalog, type FailureReason, type Language, type Remedy } from "./catalog";
export { count, formatBytes, formatNumber, nounFor, partiesOf, verbFor, type Noun } from "./count";
export { PANE_TEXT, type PaneText } from "./pane";
export { reviewRequestedEmail, reviewExpiredEmail, type EmailText } from "./email";
export { REVIEW_TEXT, type ReviewText, type FileCheckCode } from "./review";
export { ADMIN_TEXT, type AdminText } from "./admin";
export { fileLines, type FileLine } from "./files";
export { formatDateTime } from "./dates";
