import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { Attach16Regular } from "@fluentui/react-icons";
import type { SentMessage } from "../store";
import type { PlaygroundText } from "../text";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  message: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  views: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Sent messages, with what every recipient could see of the others. */
export function SentList(props: { sent: SentMessage[]; text: PlaygroundText; fieldLabel: (field: "to" | "cc" | "bcc") => string }) {
  const styles = useStyles();
  const { text } = props;
  if (props.sent.length === 0) return <Text>{text.nothingSent}</Text>;
  return (
    <ul className={styles.list} data-testid="sent">
      {props.sent.map((message) => (
        <li key={message.id} className={styles.message} data-testid="sent-message" data-visible-outside={message.view.visibleOutside.length}>
          <Text weight="semibold">{message.subject || "(no subject)"}</Text>
          <Text size={200}>
            {text.visibleToAll}: {props.fieldLabel("to")} {message.view.visible.to.join(", ") || "—"} / {props.fieldLabel("cc")}{" "}
            {message.view.visible.cc.join(", ") || "—"}
          </Text>
          <Text size={200} className={message.view.visibleOutside.length > 0 ? styles.bad : undefined} data-testid="sent-outside">
            {text.outsideVisible(message.view.visibleOutside.length)}
          </Text>
          {message.attachments.length > 0 && (
            <Text size={200}>
              <Attach16Regular aria-hidden /> {message.attachments.map((a) => a.name).join(", ")}
            </Text>
          )}
          <details>
            <summary>
              <Text size={200}>{text.whoSeesWhat(message.view.views.length)}</Text>
            </summary>
            <ul className={styles.views}>
              {message.view.views.map((view, index) => (
                <li key={`${view.address}:${index}`}>
                  <Text size={200} className={view.outsideOthers.length > 0 ? styles.bad : undefined}>
                    {props.fieldLabel(view.field)} {view.address}: {text.seesOthers(view.outsideOthers.length)}
                  </Text>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
