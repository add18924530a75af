import { makeStyles, tokens } from "@fluentui/react-components";

/** The playground page's layout: the bar of settings, the compose window beside the pane, Sent and the policy below. */
export const usePlaygroundStyles = makeStyles({
  page: { minHeight: "100vh", padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, "& > *": { margin: 0 } },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  work: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "stretch" },
  compose: {
    flex: "1 1 28em",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  ribbon: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  pane: { flex: "0 0 auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  frame: { width: "320px", height: "640px", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  side: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  column: { flex: "1 1 24em", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  policy: { fontFamily: tokens.fontFamilyMonospace, minHeight: "16em" },
});
