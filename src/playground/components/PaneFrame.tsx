import { Button, Text } from "@fluentui/react-components";
import { PANE_FRAME, type Snapshot, type PlaygroundStore } from "../store";
import { usePlaygroundStyles } from "../styles";
import type { PlaygroundText } from "../text";

/** The task pane as Outlook shows it: 320 px wide, the built taskpane.html in a frame, reloaded on each opening. */
export function PaneFrame(props: { store: PlaygroundStore; pane: Snapshot["pane"]; text: PlaygroundText }) {
  const { store, pane, text } = props;
  const styles = usePlaygroundStyles();
  if (!pane.open) return null;
  return (
    <aside className={styles.pane} aria-label={text.paneTitle}>
      <div className={styles.ribbon}>
        <Text weight="semibold">{text.paneTitle}</Text>
        <Button size="small" onClick={() => store.closePane()} data-testid="close-pane">
          {text.closePane}
        </Button>
      </div>
      <iframe key={pane.generation} name={PANE_FRAME} src="taskpane.html" title={text.paneTitle} className={styles.frame} data-testid="pane" />
    </aside>
  );
}
