import { FluentProvider, makeStyles, Text, tokens } from "@fluentui/react-components";
import { languageOf, PANE_TEXT } from "../i18n";
import type { PaneHost } from "./host";
import { SenderPane } from "./SenderPane";
import { usePaneTheme } from "./theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  reviewer: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

/** `?mode=review` is the read-mode (reviewer) button's page; the compose button opens the sender's view. */
export function App(props: { host: PaneHost; mode: "compose" | "review" }) {
  const styles = useStyles();
  const language = languageOf(props.host.displayLanguage());
  const theme = usePaneTheme(props.host);
  const text = PANE_TEXT[language];
  return (
    <FluentProvider theme={theme} lang={language} className={styles.provider}>
      {props.mode === "review" ? (
        <main className={styles.reviewer}>
          <Text as="h1" size={500} weight="semibold">
            {text.title}
          </Text>
          <Text>{text.reviewerIntro}</Text>
        </main>
      ) : (
        <SenderPane host={props.host} language={language} />
      )}
    </FluentProvider>
  );
}
