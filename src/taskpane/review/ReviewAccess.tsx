import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { ReviewText } from "../../i18n";
import { useReviewStyles } from "./styles";
import type { ReviewRequestState } from "./use-review-request";

/** Getting to the review service: signing in on its own, a button when the provider needs the sender, or why it cannot be used. */
export function ReviewAccess(props: { state: ReviewRequestState; text: ReviewText; onSignIn: () => void }) {
  const { state, text } = props;
  const styles = useReviewStyles();
  if (state.phase === "connecting") return <Spinner size="tiny" label={text.signingIn} />;
  if (state.phase === "unavailable") {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="review-unavailable">
        <MessageBarBody>{state.problem === "no-sign-in" ? text.signInUnavailable : text.serviceUnavailable(state.problem ?? "")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.phase === "sign-in") {
    return (
      <div className={styles.section} data-testid="review-sign-in">
        <Text>{text.signInNeeded}</Text>
        <div className={styles.row}>
          <Button appearance="primary" disabled={state.busy} onClick={props.onSignIn} data-testid="sign-in-button">
            {text.signInButton}
          </Button>
        </div>
      </div>
    );
  }
  return null;
}
