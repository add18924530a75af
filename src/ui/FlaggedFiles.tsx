import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { fileLines, formatBytes, type Language, type PaneText } from "../i18n";
import type { FlaggedFile } from "../views/flagged-files";
import type { DraftAttachment } from "../shared/types";
import type { Notice } from "./notice";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  about: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexBasis: "12em" },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/**
 * Each flagged file with everything found about it (name keywords, counts, personal columns,
 * masked samples, the address list, why it was not inspected). With `removal`, the sender gets a
 * button that removes the file from the draft; the reviewer's copy has none.
 */
export function FlaggedFiles(props: {
  files: FlaggedFile[];
  text: PaneText;
  language: Language;
  removal?: {
    attachments: DraftAttachment[];
    /** Removes the attachment with this id from the draft. */
    remove: (id: string) => Promise<void>;
    onNotice: (notice: Notice) => void;
    onChanged: () => void;
  };
}) {
  const styles = useStyles();
  const { text, removal } = props;
  const [removing, setRemoving] = useState<string | null>(null);
  // Evidence names files; the draft gives their ids. Match name and size, each attachment once.
  const used = new Set<string>();
  const rows = props.files.map((flagged) => {
    const match = removal?.attachments.find((a) => a.id && !used.has(a.id) && a.name === flagged.name && a.size === flagged.size);
    if (match?.id) used.add(match.id);
    return { ...flagged, id: match?.id };
  });

  const remove = async (id: string, name: string) => {
    if (!removal) return;
    setRemoving(id);
    try {
      await removal.remove(id);
      removal.onNotice({ intent: "success", text: text.removed(name) });
    } catch (error) {
      removal.onNotice({ intent: "error", text: text.removeFailed(name, (error as Error)?.message ?? String(error)) });
    } finally {
      setRemoving(null);
      removal.onChanged();
    }
  };

  return (
    <ul className={styles.list} data-testid="flagged-files">
      {rows.map((file, index) => (
        <li key={file.id ?? `${file.name}:${index}`} className={styles.file} data-testid="flagged-file" data-codes={file.codes.join(" ")}>
          <div className={styles.about}>
            <Text className={styles.name}>{file.name}</Text>
            <Text size={200}>{formatBytes(file.size)}</Text>
            <ul className={styles.lines}>
              {fileLines(file, props.language).map((line, i) => (
                <li key={i} data-code={line.code}>
                  <Text size={200}>{line.text}</Text>
                </li>
              ))}
            </ul>
          </div>
          {removal && (
            <Button
              onClick={() => file.id && void remove(file.id, file.name)}
              disabled={!file.id || removing !== null}
              aria-label={text.removeLabel(file.name)}
              data-testid="remove-attachment"
            >
              {text.remove}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
