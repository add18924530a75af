import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { CATALOGS, formatDateTime, type AdminText, type Language } from "../../i18n";
import type { Finding, Verdict } from "../../shared/types";

const useStyles = makeStyles({
  detail: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, maxWidth: "44em" },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

/** One detail value, as people read it: dates in the page's language, finding codes and verdicts by name. */
export function readable(key: string, value: unknown, text: AdminText, language: Language): string {
  if (value === undefined || value === null || value === "") return text.none;
  const list = (items: string[]) => items.join(language === "ja" ? "、" : ", ");
  if (key === "codes" && Array.isArray(value)) return list(value.map((code) => text.finding[code as Finding["code"]] ?? String(code)));
  if (key === "acknowledged" && Array.isArray(value)) {
    // Check keys: a finding code, or a code and the file it names ("attachment-name:名簿.xlsx").
    return value.length === 0
      ? text.none
      : list(
          value.map((item) => {
            const [code = "", ...rest] = String(item).split(":");
            const label = text.finding[code as Finding["code"]] ?? code;
            return rest.length > 0 ? `${label}${language === "ja" ? "：" : ": "}${rest.join(":")}` : label;
          }),
        );
  }
  if (key === "verdict") return CATALOGS[language].verdictLabel[value as Verdict] ?? String(value);
  if (key === "reason") return text.reason[String(value)] ?? String(value);
  if (key.endsWith("At") && typeof value === "string") return formatDateTime(value, language);
  if (key === "fingerprint" && typeof value === "string") return `${value.slice(0, 16)}…`;
  if (Array.isArray(value)) return value.length === 0 ? text.none : value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(language === "ja" ? "、" : ", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An audit record's details as labelled fields, each value readable (see `readable`). */
export function Details(props: { detail: Record<string, unknown>; text: AdminText; language: Language }) {
  const styles = useStyles();
  const entries = Object.entries(props.detail);
  if (entries.length === 0) return <Text>{props.text.none}</Text>;
  return (
    <dl className={styles.detail} data-testid="detail">
      {entries.map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt className={styles.term}>{props.text.detail[key as keyof AdminText["detail"]] ?? key}</dt>
          <dd className={styles.value} title={key === "fingerprint" ? String(value) : undefined}>
            {readable(key, value, props.text, props.language)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
