import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { AuditRecord } from "../../api/contract";
import { ApiError, describeError } from "../../api/error";
import { ADMIN_TEXT, REVIEW_TEXT, type Language } from "../../i18n";
import type { ReviewClient } from "../../ui/review-api";
import { SignedInBar } from "../../ui/SignedInBar";
import { SignIn } from "../../ui/SignIn";
import { useSignedInUser } from "../../ui/use-signed-in-user";
import { AuditFilters, auditQuery, NO_FILTERS, type AuditFilterValues } from "./AuditFilters";
import { AuditTable } from "./AuditTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** Saves a file the way a link with `download` does. */
function saveFile(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * The administrator's audit page: who is signed in, the latest records on opening, filters,
 * CSV export; someone signed in who is not an administrator is told so, by name.
 */
export function AuditPage(props: { api: ReviewClient; language: Language; save?: (blob: Blob, name: string) => void }) {
  const { api, language } = props;
  const text = ADMIN_TEXT[language];
  const styles = useStyles();
  const { me, admin, signedIn, signOut } = useSignedInUser(api);
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = props.save ?? saveFile;

  const describe = useCallback((e: unknown) => (e instanceof ApiError && e.status === 403 ? text.notAdmin : describeError(e)), [text]);
  const load = useCallback(
    async (query: Record<string, string>) => {
      setError(null);
      setLoading(true);
      try {
        setRecords((await api.audit(query)).records);
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
      save(await api.auditCsv(auditQuery(filters)), "send-guard-audit.csv");
    } catch (e) {
      setError(describe(e));
    }
  };

  let body;
  if (!me) body = <SignIn api={api} text={REVIEW_TEXT[language]} onSignedIn={signedIn} />;
  else if (!admin) {
    body = (
      <MessageBar intent="warning" layout="multiline" data-testid="not-admin">
        <MessageBarBody>{text.notAdminAs(me)}</MessageBarBody>
      </MessageBar>
    );
  } else {
    body = (
      <>
        <AuditFilters value={filters} onChange={setFilters} loading={loading} text={text} onSearch={() => void load(auditQuery(filters))} onExport={() => void exportCsv()} />
        {loading && <Spinner size="tiny" label={text.loading} />}
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="audit-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {records && <AuditTable records={records} text={text} language={language} />}
      </>
    );
  }
  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {text.title}
      </Text>
      {me && <SignedInBar me={me} text={REVIEW_TEXT[language]} onSignOut={signOut} />}
      {body}
    </main>
  );
}
