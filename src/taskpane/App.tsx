import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { CATALOGS, describeFinding, languageOf } from "../i18n";
import { readDraft } from "../office/draft";
import { displayLanguage } from "../office/host";
import { evaluate, parsePolicy, parsePolicyText, type PolicyResult } from "../policy";
import type { Evaluation, Verdict } from "../shared/types";

declare const __SEND_GUARD_POLICY__: unknown;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const INTENT: Record<Verdict, "success" | "warning" | "error"> = { allow: "success", confirm: "warning", review: "error", block: "error" };

/** The policy the server publishes next to this page, else the one built in. */
async function loadPanePolicy(): Promise<PolicyResult> {
  try {
    const response = await fetch("policy.json", { cache: "no-store" });
    if (response.ok) return parsePolicyText(await response.text());
  } catch {
    // Offline: use the embedded policy.
  }
  return parsePolicy(__SEND_GUARD_POLICY__);
}

function isReviewMode(): boolean {
  return new URLSearchParams(window.location.search).get("mode") === "review";
}

export function App() {
  const styles = useStyles();
  const language = languageOf(displayLanguage());
  const text = CATALOGS[language];
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;

  const check = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const [draft, policy] = await Promise.all([readDraft(), loadPanePolicy()]);
      if (!policy.ok) throw new Error(text.failureReason["policy-invalid"]);
      setEvaluation(evaluate(draft, policy.policy));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [text]);

  useEffect(() => {
    if (!isReviewMode()) void check();
  }, [check]);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={language}>
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          {text.pane.title}
        </Text>
        {isReviewMode() ? (
          <Text>{text.pane.reviewerIntro}</Text>
        ) : (
          <>
            {busy && <Spinner size="tiny" label={text.pane.checking} />}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {text.pane.loadFailed} {error}
                </MessageBarBody>
              </MessageBar>
            )}
            {evaluation && (
              <MessageBar intent={INTENT[evaluation.verdict]}>
                <MessageBarBody>{text.verdictLabel[evaluation.verdict]}</MessageBarBody>
              </MessageBar>
            )}
            {evaluation && evaluation.findings.length === 0 && <Text>{text.pane.noFindings}</Text>}
            {evaluation && evaluation.findings.length > 0 && (
              <ul className={styles.list}>
                {evaluation.findings.map((finding) => (
                  <li key={finding.code}>
                    <Text>{describeFinding(finding, language)}</Text>
                  </li>
                ))}
              </ul>
            )}
            <Button appearance="primary" onClick={() => void check()} disabled={busy}>
              {text.pane.refresh}
            </Button>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
