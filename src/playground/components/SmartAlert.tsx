import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
} from "@fluentui/react-components";
import type { AlertState } from "../store";

const useStyles = makeStyles({
  // Buttons wrap as a whole, never inside a word (Japanese breaks anywhere by default: 送信し/ない).
  actions: { flexWrap: "wrap" },
  button: { whiteSpace: "nowrap", flexShrink: 0 },
  message: { whiteSpace: "pre-wrap", lineBreak: "strict" },
});
import type { PlaygroundText } from "../text";

/** The Smart Alerts dialog drawn from the options the handler completed with (or the "unavailable" dialog). */
export function SmartAlert(props: {
  alert: AlertState | null;
  unavailable: boolean;
  canBypassUnavailable: boolean;
  text: PlaygroundText;
  onDontSend: () => void;
  onAction: () => void;
  onSendAnyway: () => void;
}) {
  const { alert, text } = props;
  const styles = useStyles();
  const open = alert !== null || props.unavailable;
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && props.onDontSend()}>
      <DialogSurface data-testid="smart-alert">
        <DialogBody>
          <DialogTitle>Send Guard</DialogTitle>
          <DialogContent>
            <Text as="p" className={styles.message} data-testid="alert-message">
              {alert ? alert.message : text.unavailable}
            </Text>
            {alert && alert.violations.length > 0 && (
              <MessageBar intent="error" layout="multiline" data-testid="alert-violations">
                <MessageBarBody>
                  {text.contract} {alert.violations.join("; ")}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
            {alert?.action && (
              <Button appearance="primary" className={styles.button} onClick={props.onAction} data-testid="alert-action">
                {alert.action.label}
              </Button>
            )}
            {(alert?.sendAnyway || (props.unavailable && props.canBypassUnavailable)) && (
              <Button className={styles.button} onClick={props.onSendAnyway} data-testid="alert-send-anyway">
                {text.sendAnyway}
              </Button>
            )}
            <Button className={styles.button} onClick={props.onDontSend} data-testid="alert-dont-send">
              {text.dontSend}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
