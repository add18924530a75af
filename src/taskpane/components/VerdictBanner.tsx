import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { PaneText } from "../../i18n";
import type { Verdict } from "../../shared/types";

const INTENT: Record<Verdict, "success" | "warning" | "error"> = { allow: "success", confirm: "warning", review: "error", block: "error" };

export function VerdictBanner(props: { verdict: Verdict; label: string; text: PaneText }) {
  return (
    <MessageBar intent={INTENT[props.verdict]} layout="multiline" data-testid="verdict" data-verdict={props.verdict}>
      <MessageBarBody>
        <MessageBarTitle>{props.label}</MessageBarTitle> {props.text.verdictHelp[props.verdict]}
      </MessageBarBody>
    </MessageBar>
  );
}
