/**
 * The administrator's audit page (/admin/): who is signed in, the latest records on opening,
 * filters, CSV export; details as readable fields; dates in the page's language.
 */
import { Button, Field, FluentProvider, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { ADMIN_TEXT, CATALOGS, formatDateTime, languageOf, REVIEW_TEXT, type AdminText, type Language } from "../i18n";
import { AUDIT_ACTIONS, type AuditRecord } from "../api/contract";
import type { Finding, Verdict } from "../shared/types";
import { ApiError, ReviewApi } from "../ui/review-api";
import { SignedInBar } from "../ui/SignedInBar";
import { SignIn } from "../ui/SignIn";
import { useSignedInUser } from "../ui/use-signed-in-user";
import { usePaneTheme } from "../ui/theme";
import { pageLanguage, serviceBase } from "./page";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": { textAlign: "left", verticalAlign: "top", padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    // Column names never break inside a word (イベン/ト).
    "& th": { whiteSpace: "nowrap" },
  },
  detail: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, maxWidth: "44em" },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

/** One detail value, as people read it: dates in the page's language, finding codes and verdicts by name. */
function readable(key: string, value: unknown, text: AdminText, language: Language): string {
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

function Details(props: { detail: Record<string, unknown>; text: AdminText; language: Language }) {
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

function AuditPage(props: { language: Language }) {
  const { language } = props;
  const text = ADMIN_TEXT[language];
  const styles = useStyles();
  const api = useMemo(() => new ReviewApi(serviceBase()), []);
  const { me, admin, signedIn, signOut } = useSignedInUser(api);
  const [filters, setFilters] = useState({ from: "", to: "", action: "", person: "", review: "" });
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const badFrom = filters.from.trim() !== "" && !ISO_DATE.test(filters.from.trim());
  const badTo = filters.to.trim() !== "" && !ISO_DATE.test(filters.to.trim());

  const query = useCallback(() => {
    const q: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value.trim()) q[key] = value.trim();
    return q;
  }, [filters]);

  const describe = useCallback((e: unknown) => (e instanceof ApiError && e.status === 403 ? text.notAdmin : (e as Error).message), [text]);

  const load = useCallback(
    async (q: Record<string, string>) => {
      setError(null);
      setLoading(true);
      try {
        setRecords((await api.audit(q)).records);
      } catch (e) {
        setError(describe(e));
      } finally {
        setLoading(false);
      }
    },
    [api, describe],
  );

  // The latest records as soon as an administrator is signed in.
  useEffect(() => {
    if (me && admin) void load({});
    else setRecords(null);
  }, [me, admin, load]);

  const exportCsv = async () => {
    try {
      const blob = await api.auditCsv(query());
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "send-guard-audit.csv";
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError(describe(e));
    }
  };

  const set = (key: keyof typeof filters) => (_e: unknown, data: { value: string }) => setFilters((f) => ({ ...f, [key]: data.value }));

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {text.title}
      </Text>
      {!me ? (
        <SignIn api={api} text={REVIEW_TEXT[language]} onSignedIn={signedIn} />
      ) : (
        <>
          <SignedInBar me={me} text={REVIEW_TEXT[language]} onSignOut={signOut} />
          {!admin ? (
            <MessageBar intent="warning" layout="multiline" data-testid="not-admin">
              <MessageBarBody>{text.notAdminAs(me)}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div className={styles.filters} data-testid="filters">
                <Field label={text.from} validationMessage={badFrom ? text.badDate : null}>
                  <Input value={filters.from} placeholder={text.datePlaceholder} onChange={set("from")} data-testid="filter-from" />
                </Field>
                <Field label={text.to} validationMessage={badTo ? text.badDate : null}>
                  <Input value={filters.to} placeholder={text.datePlaceholder} onChange={set("to")} data-testid="filter-to" />
                </Field>
                <Field label={text.action}>
                  <Select value={filters.action} onChange={set("action")} data-testid="filter-action">
                    <option value="">{text.anyAction}</option>
                    {AUDIT_ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {text.actions[a]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={text.person}>
                  <Input value={filters.person} onChange={set("person")} data-testid="filter-person" />
                </Field>
                <Field label={text.review}>
                  <Input value={filters.review} onChange={set("review")} data-testid="filter-review" />
                </Field>
                <Button appearance="primary" disabled={badFrom || badTo || loading} onClick={() => void load(query())} data-testid="search">
                  {text.search}
                </Button>
                <Button disabled={badFrom || badTo} onClick={() => void exportCsv()} data-testid="export">
                  {text.exportCsv}
                </Button>
              </div>
              {loading && <Spinner size="tiny" label={text.loading} />}
              {error && (
                <MessageBar intent="error" layout="multiline" data-testid="audit-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {records && (
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
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}

function Root() {
  const language = languageOf(pageLanguage());
  const theme = usePaneTheme({ isDarkTheme: () => undefined });
  return (
    <FluentProvider theme={theme} lang={language} style={{ minHeight: "100vh" }}>
      <AuditPage language={language} />
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Root />);
