import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { PaneText } from "../../i18n";
import type { RecipientFix } from "../../policy";
import type { Finding } from "../../shared/types";
import type { Notice } from "../../ui/notice";
import type { PaneHost } from "../host";
import { applyRecipientFix, confirmAddress } from "../recipient-fix";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  address: { overflowWrap: "anywhere" },
});

/** The one-click fixes of a wrong-recipient finding: Replace with the address meant, or Remove one slipped into a reply. */
export function fixesOf(finding: Finding): RecipientFix[] {
  switch (finding.code) {
    case "lookalike-domain":
    case "first-time-recipient":
      return finding.evidence.recipients.map((r) => ({ field: r.field, address: r.address, replacement: r.suggestion }));
    case "new-domain-in-reply":
      return finding.evidence.recipients.map((r) => ({ field: r.field, address: r.address, replacement: null }));
    default:
      return [];
  }
}

export function RecipientFixes(props: { fixes: RecipientFix[]; host: PaneHost; text: PaneText; onNotice: (notice: Notice) => void; onChanged: () => void }) {
  const { text } = props;
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  if (props.fixes.length === 0) return null;
  const keep = async (fix: RecipientFix) => {
    setBusy(true);
    try {
      await confirmAddress(props.host, fix.address);
      props.onNotice({ intent: "success", text: text.keptAsCorrect(fix.address) });
    } catch (error) {
      props.onNotice({ intent: "error", text: text.keepFailed((error as Error)?.message ?? String(error)) });
    } finally {
      setBusy(false);
      props.onChanged();
    }
  };
  const apply = async (fix: RecipientFix) => {
    setBusy(true);
    try {
      const outcome = await applyRecipientFix(props.host, fix);
      if (outcome.kind === "refused") props.onNotice({ intent: "warning", text: text.cannotFix(outcome.obstacle) });
      else if (outcome.kind === "gone") props.onNotice({ intent: "warning", text: text.fixGone(fix.address) });
      else props.onNotice({ intent: "success", text: fix.replacement === null ? text.recipientRemoved(fix.address) : text.replaced(fix.address, fix.replacement) });
    } catch (error) {
      const e = error as { restored?: boolean; message?: string };
      props.onNotice({ intent: "error", text: text.writeFailed(e.restored !== false, e.message ?? String(error)) });
    } finally {
      setBusy(false);
      props.onChanged();
    }
  };
  return (
    <ul className={styles.list}>
      {props.fixes.map((fix) => (
        <li key={`${fix.field}:${fix.address}`} className={styles.item} data-testid="recipient-fix">
          {/* One fix: the sentence above already names the address. Several: each line says which. */}
          {props.fixes.length > 1 && <Text className={styles.address}>{fix.address}</Text>}
          <Button size="small" disabled={busy} onClick={() => void apply(fix)} data-testid={fix.replacement === null ? "remove-recipient" : "replace-recipient"}>
            {fix.replacement === null ? text.removeRecipient(fix.address) : text.replaceWith(fix.replacement)}
          </Button>
          {fix.replacement !== null && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => void keep(fix)} data-testid="keep-recipient">
              {text.itIsCorrect}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
