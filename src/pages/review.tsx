/**
 * The reviewer's web page (/review/): the same view as the read-mode task pane,
 * for reviewers who open the link in the notification mail in a browser.
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { languageOf, PANE_TEXT } from "../i18n";
import { ReviewApi } from "../ui/review-api";
import { ReviewerView } from "../ui/reviewer/ReviewerView";
import { usePaneTheme } from "../ui/theme";
import { pageLanguage, serviceBase } from "./page";

function ReviewPage() {
  const language = languageOf(pageLanguage());
  const theme = usePaneTheme({ isDarkTheme: () => undefined });
  return (
    <FluentProvider theme={theme} lang={language} style={{ minHeight: "100vh" }}>
      <ReviewerView api={new ReviewApi(serviceBase())} language={language} title={`${PANE_TEXT[language].title} — ${language === "ja" ? "確認" : "Review"}`} />
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<ReviewPage />);
