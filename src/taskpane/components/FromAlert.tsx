import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Catalog, FailureReason, PaneText } from "../../i18n";
import type { AlertContext } from "../../shared/types";

/** Why the pane is open when the Smart Alert opened it: Send Guard stopped the message, or could not check it. */
export function FromAlert(props: { alert: AlertContext; text: PaneText; catalog: Catalog }) {
  const { alert, text, catalog } = props;
  const failed = alert.verdict === "error";
  return (
    <MessageBar intent={failed ? "warning" : "info"} layout="multiline" data-testid="alert-context">
      <MessageBarBody>
        {failed ? text.fromAlertError(catalog.failureReason[(alert.error as FailureReason) ?? "internal"] ?? catalog.failureReason.internal) : text.fromAlert}
      </MessageBarBody>
    </MessageBar>
  );
}
