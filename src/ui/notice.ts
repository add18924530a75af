/** A message the pane shows (and announces) after an action. */
export interface Notice {
  intent: "success" | "warning" | "error";
  text: string;
}
