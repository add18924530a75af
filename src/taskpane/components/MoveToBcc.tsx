import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Catalog, PaneText } from "../../i18n";
import { fixObstacle, planMoveToBcc, type Policy } from "../../policy";
import type { Draft, DraftRecipient, RecipientField, SendContext } from "../../shared/types";
import type { PaneHost } from "../host";
import { applyMoveToBcc, previewMoveToBcc, type MovePreview } from "../move-to-bcc";
import type { Notice } from "../../ui/notice";

const SHOWN = 5;

const useStyles = makeStyles({
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  fields: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  value: { margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** What To / CC / BCC would hold after the move and the verdict they would get, with Apply right under the summary. */
function MovePreviewPanel(props: {
  preview: MovePreview;
  stale: boolean;
  busy: boolean;
  text: PaneText;
  catalog: Catalog;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { preview, text, catalog, busy } = props;
  const { plan } = preview;
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview replaces the button the sender just pressed: move focus to it.
  useEffect(() => heading.current?.focus(), [preview]);

  const list = (field: RecipientField, recipients: readonly DraftRecipient[]) => {
    const shown = recipients.slice(0, SHOWN).map((r) => r.emailAddress).join(text.listSeparator);
    const more = recipients.length > SHOWN ? catalog.andMore(recipients.length - SHOWN) : "";
    return (
      <>
        <dt>
          <Text weight="semibold">
            {catalog.field[field]} ({recipients.length})
          </Text>
        </dt>
        <dd className={styles.value} data-testid={`preview-${field}`}>
          <Text>{recipients.length === 0 ? text.fieldEmpty : `${shown}${more}`}</Text>
        </dd>
      </>
    );
  };

  return (
    <section className={styles.preview} aria-labelledby="bcc-preview-title" data-testid="bcc-preview">
      <h3 id="bcc-preview-title" ref={heading} tabIndex={-1} style={{ margin: 0 }}>
        <Text weight="semibold">{text.previewTitle}</Text>
      </h3>
      {props.stale && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.changedSincePreview}</MessageBarBody>
        </MessageBar>
      )}
      {preview.obstacle && (
        <MessageBar intent="warning" layout="multiline" data-testid="cannot-move">
          <MessageBarBody>{text.cannotMove(preview.obstacle)}</MessageBarBody>
        </MessageBar>
      )}
      <Text>{text.previewMoved(plan.moved.length)}</Text>
      <Text weight="semibold" data-testid="preview-result" data-verdict={preview.result}>
        {text.previewResult(catalog.verdictLabel[preview.result])}
      </Text>
      <div className={styles.actions}>
        {preview.obstacle ? null : (
          <Button appearance="primary" onClick={props.onApply} disabled={busy} data-testid="apply-bcc">
            {text.apply}
          </Button>
        )}
        <Button onClick={props.onCancel} disabled={busy}>
          {text.cancel}
        </Button>
        {busy && <Spinner size="tiny" label={text.applying} />}
      </div>
      {plan.senderAdded && <Text>{text.previewSenderAdded}</Text>}
      {plan.to.length === 0 && <Text>{text.previewToEmpty}</Text>}
      <dl className={styles.fields}>
        {list("to", plan.to)}
        {list("cc", plan.cc)}
        {list("bcc", plan.bcc)}
      </dl>
    </section>
  );
}

/**
 * "Move outside recipients to BCC": a preview of To / CC / BCC after the change
 * and the verdict it would get, then Apply (placed right under the summary, so it
 * is on screen in a 320 px pane without scrolling). Apply re-reads the draft first;
 * if the recipients changed since the preview, it shows the new preview instead of
 * writing something the sender has not seen. When the fix cannot be written without
 * losing recipients (Outlook returned a field only in part, or BCC would exceed the
 * per-field limit), no button is offered: the pane says why and what to do instead.
 */
export function MoveToBcc(props: {
  host: PaneHost;
  draft: Draft;
  policy: Policy;
  /** How the message started, so the preview's verdict is the one Send will give. */
  context?: SendContext | undefined;
  text: PaneText;
  catalog: Catalog;
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
}) {
  const { host, text } = props;
  const styles = useStyles();
  const [preview, setPreview] = useState<MovePreview | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const outcome = await applyMoveToBcc(host, props.policy, preview, props.context);
      if (outcome.kind === "changed") {
        setPreview(outcome.preview);
        setStale(true);
        return;
      }
      setPreview(null);
      setStale(false);
      if (outcome.kind === "refused") props.onNotice({ intent: "warning", text: text.cannotMove(outcome.obstacle) });
      else props.onNotice({ intent: "success", text: text.applied(outcome.moved) });
    } catch (error) {
      const e = error as { restored?: boolean; message?: string };
      props.onNotice({ intent: "error", text: text.writeFailed(e.restored !== false, e.message ?? String(error)) });
    } finally {
      setBusy(false);
      props.onChanged();
    }
  };

  if (preview) {
    const cancel = () => {
      setPreview(null);
      setStale(false);
    };
    return <MovePreviewPanel preview={preview} stale={stale} busy={busy} text={text} catalog={props.catalog} onApply={() => void apply()} onCancel={cancel} />;
  }
  const plan = planMoveToBcc(props.draft, props.policy);
  const obstacle = plan && fixObstacle(props.draft, plan);
  if (obstacle) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="cannot-move">
        <MessageBarBody>{text.cannotMove(obstacle)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.actions}>
      <Button appearance="primary" onClick={() => setPreview(previewMoveToBcc(props.draft, props.policy, props.context))} data-testid="move-to-bcc">
        {text.moveToBcc}
      </Button>
    </div>
  );
}
