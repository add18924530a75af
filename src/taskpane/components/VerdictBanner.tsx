import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Verdict } from "../../shared/types";

const INTENT: Record<Verdict, "success" | "warning" | "error"> = { allow: "success", confirm: "warning", review: "error", block: "error" };

export function VerdictBanner(props: { verdict: Verdict; label: string; help: string }) {
  return (
    <MessageBar intent={INTENT[props.verdict]} layout="multiline" data-testid="verdict" data-verdict={props.verdict}>
      <MessageBarBody>
        <MessageBarTitle>{props.label}</MessageBarTitle> {props.help}
      </MessageBarBody>
    </MessageBar>
  );
}
