import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";

/** Renders a component as the pane and the pages do: inside Fluent's provider. */
export function renderUi(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: ({ children }) => <FluentProvider theme={webLightTheme}>{children}</FluentProvider> });
}
