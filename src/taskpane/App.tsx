import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo } from "react";
import { languageOf, PANE_TEXT } from "../i18n";
import type { PaneHost } from "./host";
import { ReviewApi } from "../ui/review-api";
import type { OidcClient } from "../ui/sign-in";
import { ReviewerView } from "../ui/reviewer/ReviewerView";
import { SenderPane } from "./SenderPane";
import { usePaneTheme } from "../ui/theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

/** `?mode=review` is the read-mode (reviewer) button's page; the compose button opens the sender's view. */
export function App(props: { host: PaneHost; mode: "compose" | "review" }) {
  const styles = useStyles();
  const language = languageOf(props.host.displayLanguage());
  const theme = usePaneTheme(props.host);
  const text = PANE_TEXT[language];
  const api = useMemo(() => new ReviewApi(props.host.serviceBase()), [props.host]);
  // Stable per host: the sign-in effect depends on it.
  const requester = useCallback((client: OidcClient) => props.host.tokenRequester(client), [props.host]);
  return (
    <FluentProvider theme={theme} lang={language} className={styles.provider}>
      {props.mode === "review" ? (
        <ReviewerView api={api} language={language} suggestedUser={props.host.userEmail()} title={text.title} requester={requester} />
      ) : (
        <SenderPane host={props.host} api={api} language={language} />
      )}
    </FluentProvider>
  );
}
