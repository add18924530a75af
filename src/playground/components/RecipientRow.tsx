import { Button, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SimField, SimRecipient } from "../office-sim";
import type { PlaygroundText } from "../text";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "5.5em 1fr", alignItems: "start", gap: tokens.spacingHorizontalS },
  box: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    maxWidth: "100%",
    overflowWrap: "anywhere",
  },
  user: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  externalUser: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  distributionList: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  other: { backgroundColor: tokens.colorPaletteRedBackground1, textDecorationLine: "underline", textDecorationStyle: "wavy" },
  input: { flexGrow: 1, minWidth: "12em" },
  error: { flexBasis: "100%", color: tokens.colorPaletteRedForeground1 },
});

/** One recipient line (To / CC / BCC): resolved recipients as chips, and a box to type more. */
export function RecipientRow(props: {
  field: SimField;
  label: string;
  recipients: SimRecipient[];
  text: PlaygroundText;
  /** Adds what was typed; returns what is not an email address (left in the box). */
  onAdd: (typed: string) => string[];
  onRemove: (index: number) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState("");
  const [invalid, setInvalid] = useState<string[]>([]);
  const inputId = `recipients-${props.field}`;
  const commit = () => {
    // Like Outlook's recipient well: what is not an address stays in the box, marked, to be corrected.
    const refused = draft.trim() ? props.onAdd(draft) : [];
    setInvalid(refused);
    setDraft(refused.join("; "));
  };
  return (
    <div className={styles.row}>
      <label htmlFor={inputId}>
        <Text weight="semibold">{props.label}</Text>
      </label>
      <div className={styles.box} data-testid={`field-${props.field}`}>
        {props.recipients.map((r, index) => (
          <span
            key={`${r.emailAddress}:${index}`}
            className={`${styles.chip} ${styles[r.recipientType]}`}
            data-testid="recipient"
            data-type={r.recipientType}
            title={`${r.emailAddress} (${props.text.resolution[r.recipientType]})`}
          >
            <Text size={200}>{r.displayName === r.emailAddress ? r.emailAddress : `${r.displayName} <${r.emailAddress}>`}</Text>
            <Button size="small" appearance="transparent" aria-label={props.text.removeRecipient(r.emailAddress)} onClick={() => props.onRemove(index)}>
              ×
            </Button>
          </span>
        ))}
        <Input
          id={inputId}
          className={styles.input}
          value={draft}
          aria-describedby={invalid.length > 0 ? `${inputId}-invalid` : "recipients-help"}
          aria-invalid={invalid.length > 0}
          onChange={(_, data) => {
            setDraft(data.value);
            if (invalid.length > 0) setInvalid([]);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ";") {
              event.preventDefault();
              commit();
            } else if (event.key === "Backspace" && draft === "" && props.recipients.length > 0) {
              props.onRemove(props.recipients.length - 1);
            }
          }}
          onBlur={commit}
        />
        {invalid.length > 0 && (
          <Text id={`${inputId}-invalid`} role="alert" className={styles.error} data-testid={`invalid-${props.field}`}>
            {props.text.invalidAddress(invalid)}
          </Text>
        )}
      </div>
    </div>
  );
}
