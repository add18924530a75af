import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { AuditRecord } from "../../api/contract";
import { formatDateTime, type AdminText, type Language } from "../../i18n";
import { Details } from "./Details";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": { textAlign: "left", verticalAlign: "top", padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    // Column names never break inside a word (イベン/ト).
    "& th": { whiteSpace: "nowrap" },
  },
});

/** The records found, counted, one row each, newest first as the server sends them. */
export function AuditTable(props: { records: AuditRecord[]; text: AdminText; language: Language }) {
  const { records, text, language } = props;
  const styles = useStyles();
  return (
    <>
      <Text data-testid="record-count">{text.count(records.length)}</Text>
      <table className={styles.table} data-testid="records">
        <thead>
          <tr>
            {Object.values(text.columns).map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.seq} data-action={r.action}>
              <td data-testid="record-at">{formatDateTime(r.at, language, { seconds: true })}</td>
              <td>{text.actions[r.action]}</td>
              <td>{r.reviewId}</td>
              <td>{r.actor}</td>
              <td>{r.sender}</td>
              <td>{r.reviewer}</td>
              <td>
                <Details detail={r.detail} text={text} language={language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
