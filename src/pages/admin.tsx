/**
 * The administrator's audit page (/admin/): filter the audit trail and export it as CSV.
 */
import { Button, Field, FluentProvider, Input, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { ADMIN_TEXT, languageOf, REVIEW_TEXT, type Language } from "../i18n";
import type { AuditRecord } from "../shared/review";
import { ApiRequestError, ReviewApi } from "../taskpane/review/api";
import { SignIn, useSignedInUser } from "../taskpane/review/ReviewerView";
import { usePaneTheme } from "../taskpane/theme";
import { pageLanguage, serviceBase } from "./page";

const ACTIONS = ["requested", "approved", "rejected", "cancelled", "expired", "sent"] as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { textAlign: "left", verticalAlign: "top", padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
  detail: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", maxWidth: "40em" },
});

function AuditPage(props: { language: Language }) {
  const text = ADMIN_TEXT[props.language];
  const styles = useStyles();
  const api = useMemo(() => new ReviewApi(serviceBase()), []);
  const { me, signedIn } = useSignedInUser(api);
  const [filters, setFilters] = useState({ from: "", to: "", action: "", person: "", review: "" });
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const query = useCallback(() => {
    const q: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value.trim()) q[key] = value.trim();
    return q;
  }, [filters]);

  const search = async () => {
    setError(null);
    try {
      setRecords((await api.audit(query())).records);
    } catch (e) {
      setError(e instanceof ApiRequestError && e.status === 403 ? text.notAdmin : (e as Error).message);
    }
  };

  const exportCsv = async () => {
    try {
      const blob = await api.auditCsv(query());
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "send-guard-audit.csv";
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError(e instanceof ApiRequestError && e.status === 403 ? text.notAdmin : (e as Error).message);
    }
  };

  const set = (key: keyof typeof filters) => (_e: unknown, data: { value: string }) => setFilters((f) => ({ ...f, [key]: data.value }));

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {text.title}
      </Text>
      {!me ? (
        <SignIn api={api} text={REVIEW_TEXT[props.language]} onSignedIn={signedIn} />
      ) : (
        <>
          <div className={styles.filters}>
            <Field label={text.from}>
              <Input type="date" value={filters.from} onChange={set("from")} data-testid="filter-from" />
            </Field>
            <Field label={text.to}>
              <Input type="date" value={filters.to} onChange={set("to")} data-testid="filter-to" />
            </Field>
            <Field label={text.action}>
              <Select value={filters.action} onChange={set("action")} data-testid="filter-action">
                <option value="">{text.anyAction}</option>
                {ACTIONS.map((a) => (
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
            <Button appearance="primary" onClick={() => void search()} data-testid="search">
              {text.search}
            </Button>
            <Button onClick={() => void exportCsv()} data-testid="export">
              {text.exportCsv}
            </Button>
          </div>
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
                      <td>{new Date(r.at).toLocaleString(props.language === "ja" ? "ja-JP" : "en-GB")}</td>
                      <td>{text.actions[r.action]}</td>
                      <td>{r.reviewId}</td>
                      <td>{r.actor}</td>
                      <td>{r.sender}</td>
                      <td>{r.reviewer}</td>
                      <td className={styles.detail}>{JSON.stringify(r.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
