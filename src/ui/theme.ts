import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

function query(media: string): MediaQueryList | undefined {
  return typeof window.matchMedia === "function" ? window.matchMedia(media) : undefined;
}

/**
 * Fluent theme for the pane and the pages: high contrast when Windows forces colours, dark
 * when the host (Office in the pane; nothing on a page) or, failing that, the system is dark, light otherwise. All
 * colours come from Fluent tokens, so every component follows the theme.
 */
export function usePaneTheme(host: { isDarkTheme(): boolean | undefined }): Theme {
  const pick = () => {
    if (query("(forced-colors: active)")?.matches) return teamsHighContrastTheme;
    const dark = host.isDarkTheme() ?? query("(prefers-color-scheme: dark)")?.matches ?? false;
    return dark ? webDarkTheme : webLightTheme;
  };
  const [theme, setTheme] = useState<Theme>(pick);
  useEffect(() => {
    const lists = [query("(forced-colors: active)"), query("(prefers-color-scheme: dark)")].filter((q): q is MediaQueryList => !!q);
    const update = () => setTheme(pick());
    for (const list of lists) list.addEventListener?.("change", update);
    return () => {
      for (const list of lists) list.removeEventListener?.("change", update);
    };
  }, [host]);
  return theme;
}
