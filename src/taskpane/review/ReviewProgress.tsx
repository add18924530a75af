import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Review } from "../../api/contract";
import { describeFinding, formatDateTime, type Language, type ReviewText } from "../../i18n";
import type { Evaluation, Finding } from "../../shared/types";
import { approvalStatus } from "./approval-status";
import { useReviewStyles } from "./styles";

function who(review: Review): string {
  return review.reviewerName ? `${review.reviewerName} (${review.reviewer})` : review.reviewer;
}

/** Approved, but something is found now that the reviewer did not see: what it is, and what to do. */
function NotCovered(props: { reviewer: string; uncovered: readonly Finding[]; text: ReviewText; language: Language }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="not-covered">
      <MessageBarBody>
        {props.text.notCovered(props.reviewer)}
        <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
          {props.uncovered.map((finding) => (
            <li key={finding.code}>{describeFinding(finding, props.language)}</li>
          ))}
        </ul>
        {props.text.notCoveredNext}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Where the sender's request stands against the live message, and what to do next: waiting
 * (or waiting for an earlier version), approved (and whether the approval still holds),
 * not approved, expired, cancelled; Cancel while it waits, Request again when it no longer helps.
 */
export function ReviewProgress(props: {
  review: Review;
  evaluation: Evaluation;
  busy: boolean;
  text: ReviewText;
  language: Language;
  onCancel: () => void;
  onRequestAgain: () => void;
}) {
  const { review, text, language } = props;
  const styles = useReviewStyles();
  const status = approvalStatus(review, props.evaluation);
  const approvalHolds = status.kind === "holds";
  const uncovered = status.kind === "not-covered" ? status.uncovered : [];
  // Waiting, but for an earlier version of the message: asking again replaces that request.
  const pendingStale = review.status === "pending" && review.fingerprint !== props.evaluation.fingerprint;
  return (
    <div role="status" aria-live="polite" data-testid="review-status" data-status={review.status} className={styles.section}>
      {review.status === "pending" && !pendingStale && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {text.waiting(who(review))} {text.waitingHint}
          </MessageBarBody>
        </MessageBar>
      )}
      {pendingStale && (
        <MessageBar intent="warning" layout="multiline" data-testid="pending-stale">
          <MessageBarBody>{text.changedWhilePending(who(review))}</MessageBarBody>
        </MessageBar>
      )}
      {approvalHolds && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {/* What to do next is said once, in the banner at the top of the pane. */}
            {text.approvedBy(who(review), formatDateTime(review.decidedAt, language))}
            {review.comment ? ` ${text.comment(review.comment)}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "changed" && (
        <MessageBar intent="warning" layout="multiline" data-testid="changed-after-approval">
          <MessageBarBody>{text.changedAfterApproval}</MessageBarBody>
        </MessageBar>
      )}
      {uncovered.length > 0 && <NotCovered reviewer={review.reviewerName ?? review.reviewer} uncovered={uncovered} text={text} language={language} />}
      {review.status === "rejected" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {text.rejectedBy(who(review))} {review.comment ? text.comment(review.comment) : ""} {text.rejectedNext}
          </MessageBarBody>
        </MessageBar>
      )}
      {review.status === "expired" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{text.expired}</MessageBarBody>
        </MessageBar>
      )}
      {review.status === "cancelled" && <Text>{text.cancelled}</Text>}
      <div className={styles.row}>
        {review.status === "pending" && (
          <Button disabled={props.busy} onClick={props.onCancel} data-testid="cancel-request">
            {text.cancelRequest}
          </Button>
        )}
        {((review.status !== "pending" && !approvalHolds) || pendingStale) && (
          <Button onClick={props.onRequestAgain} data-testid="request-again">
            {text.requestAgain}
          </Button>
        )}
      </div>
    </div>
  );
}
