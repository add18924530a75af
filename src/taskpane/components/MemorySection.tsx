import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { PaneText } from "../../i18n";
import type { MemoryCounts } from "../../memory/correspondence";
import type { Notice } from "../../ui/notice";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/**
 * What the correspondence memory holds, as counts (it holds no addresses to show), and a way
 * to clear it, asked twice: clearing brings prompts back for people written to often.
 */
export function MemorySection(props: {
  counts: MemoryCounts | null;
  enabled: boolean;
  text: PaneText;
  clear: () => Promise<void>;
  onNotice: (notice: Notice) => void;
}) {
  const { counts, enabled, text } = props;
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(counts);
  if (!shown) return null;
  const empty = shown.addresses === 0 && shown.groups === 0;
  const clear = async () => {
    setBusy(true);
    try {
      await props.clear();
      setShown({ addresses: 0, domains: 0, groups: 0 });
      props.onNotice({ intent: "success", text: text.memoryCleared });
    } catch (error) {
      props.onNotice({ intent: "error", text: text.memoryClearFailed((error as Error)?.message ?? String(error)) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="memory-title" data-testid="memory">
      <h2 id="memory-title" className={styles.heading}>
        {text.memoryTitle}
      </h2>
      <Text data-testid="memory-summary">{!enabled ? text.memoryOff : empty ? text.memoryEmpty : text.memorySummary(shown.addresses, shown.groups)}</Text>
      {!empty && !confirming && (
        <div className={styles.row}>
          <Button onClick={() => setConfirming(true)} data-testid="memory-clear">
            {text.memoryClear}
          </Button>
        </div>
      )}
      {confirming && (
        <div className={styles.row} role="group" aria-label={text.memoryClear}>
          <Text data-testid="memory-confirm">{text.memoryConfirm}</Text>
          <Button appearance="primary" onClick={() => void clear()} disabled={busy} data-testid="memory-clear-yes">
            {text.memoryConfirmYes}
          </Button>
          <Button onClick={() => setConfirming(false)} disabled={busy} data-testid="memory-clear-cancel">
            {text.memoryCancel}
          </Button>
        </div>
      )}
    </section>
  );
}
