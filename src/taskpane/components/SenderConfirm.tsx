import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { confirmationCovers, senderConfirmation } from "../../approval/sender-confirmation";
import type { PaneText } from "../../i18n";
import { CONFIRMATION_SESSION_KEY } from "../../shared/session-keys";
import type { Evaluation } from "../../shared/types";
import type { Notice } from "../../ui/notice";
import type { PaneHost } from "../host";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/**
 * Where the Smart Alert has no Send Anyway (Mailbox below 1.14), a `confirm` verdict would
 * otherwise be a dead end: the sender marks the message as checked here, which keeps a
 * confirmation of exactly this message and these findings on the item for the send handler
 * (src/approval/sender-confirmation.ts). Shown as done while the stored one still fits.
 */
export function SenderConfirm(props: { evaluation: Evaluation; host: Pick<PaneHost, "readItemValue" | "writeItemValue">; text: PaneText; onNotice: (notice: Notice) => void }) {
  const { evaluation, host, text } = props;
  const styles = useStyles();
  const [stored, setStored] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    host.readItemValue(CONFIRMATION_SESSION_KEY).then(
      (value) => live && setStored(value),
      () => live && setStored(undefined),
    );
    return () => {
      live = false;
    };
  }, [host, evaluation]);
  const done = confirmationCovers(stored, evaluation.fingerprint, evaluation.findings);
  const confirm = async () => {
    setBusy(true);
    const value = senderConfirmation(evaluation);
    try {
      await host.writeItemValue(CONFIRMATION_SESSION_KEY, value);
      setStored(value);
      props.onNotice({ intent: "success", text: text.confirmHere.done });
    } catch (error) {
      props.onNotice({ intent: "error", text: text.confirmHere.saveFailed((error as Error)?.message ?? String(error)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="confirm-here-title" data-testid="confirm-here" data-done={done ? "true" : "false"}>
      <h2 id="confirm-here-title" className={styles.heading}>
        {text.confirmHere.title}
      </h2>
      {done ? (
        <MessageBar intent="success" layout="multiline" data-testid="confirmed">
          <MessageBarBody>{text.confirmHere.done}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>{text.confirmHere.why}</Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()} data-testid="confirm-as-is">
              {text.confirmHere.button}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
