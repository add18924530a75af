/**
 * The administrator's audit page (/admin/): who is signed in, the latest records on opening,
 * filters, CSV export; details as readable fields; dates in the page's language.
 */
import { FluentProvider } from "@fluentui/react-components";
import { useMemo } from "react";
import { createRoot } from "react-dom/client";
import { languageOf } from "../i18n";
import { ReviewApi } from "../ui/review-api";
import { usePaneTheme } from "../ui/theme";
import { AuditPage } from "./audit/AuditPage";
import { pageLanguage, serviceBase } from "./page";

function Root() {
  const language = languageOf(pageLanguage());
  const theme = usePaneTheme({ isDarkTheme: () => undefined });
  const api = useMemo(() => new ReviewApi(serviceBase()), []);
  return (
    <FluentProvider theme={theme} lang={language} style={{ minHeight: "100vh" }}>
      <AuditPage api={api} language={language} />
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Root />);
