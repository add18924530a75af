import { createRoot } from "react-dom/client";
import { whenOfficeReady } from "../office/entry";
import { App } from "./App";
import { createOfficeHost } from "./office-host";

// Replaced at build time by webpack's DefinePlugin (see webpack.config.js).
declare const __SEND_GUARD_POLICY__: unknown;

whenOfficeReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const mode = new URLSearchParams(window.location.search).get("mode") === "review" ? "review" : "compose";
  createRoot(root).render(<App host={createOfficeHost(__SEND_GUARD_POLICY__)} mode={mode} />);
});
