/** `?lang=ja|en`, else the browser's language. */
export function pageLanguage(): string {
  return new URLSearchParams(window.location.search).get("lang") ?? navigator.language;
}

/** The server root: pages live one folder below it (/review/, /admin/). */
export function serviceBase(): string {
  return new URL("../", window.location.href).href.replace(/\/+$/, "");
}
