import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { describeFinding, formatDateTime, type ReviewText } from "../../i18n";
import type { Review } from "../../api/contract";
import type { Checked } from "../use-sender-pane";
import { approvalStatus } from "./approval-status";
import type { useReviewRequest } from "./use-review-request";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function who(review: Review): string {
  return review.reviewerName ? `${review.reviewerName} (${review.reviewer})` : review.reviewer;
}

/** Request review: reviewer picker and note, then the request's live status and what to do next. */
export function RequestReview(props: {
  review: ReturnType<typeof useReviewRequest>;
  checked: Checked;
  text: ReviewText;
  language: "ja" | "en";
  /** Why the approval on the item did not lift the verdict at Send, when the pane was opened from that alert. */
  refusedAtSend: string | undefined;
}) {
  const { checked, text, language } = props;
  const styles = useStyles();
  const { state, request, cancel, reset, signIn } = props.review;
  const [reviewer, setReviewer] = useState("");
  const [note, setNote] = useState("");

  useEffect(() => {
    if (!reviewer && state.reviewers[0]) setReviewer(state.reviewers[0].address);
  }, [state.reviewers, reviewer]);

  const review = state.review;
  const status = approvalStatus(review, checked.evaluation);
  const changedAfterApproval = status.kind === "changed";
  const uncovered = status.kind === "not-covered" ? status.uncovered : [];
  const approvalHolds = status.kind === "holds";
  // Waiting, but for an earlier version of the message: asking again replaces that request.
  const pendingStale = review?.status === "pending" && review.fingerprint !== checked.evaluation.fingerprint;

  return (
    <section className={styles.section} aria-labelledby="review-title" data-testid="request-review">
      <h2 id="review-title" className={styles.heading}>
        {text.requestTitle}
      </h2>
      {(props.refusedAtSend === "fingerprint" || props.refusedAtSend === "not-covered") && !review && (
        <MessageBar intent="warning" layout="multiline" data-testid="approval-void">
          <MessageBarBody>{props.refusedAtSend === "fingerprint" ? text.approvalVoidAtSend : text.approvalNotCoveredAtSend}</MessageBarBody>
        </MessageBar>
      )}

      {state.phase === "connecting" && <Spinner size="tiny" label={text.signingIn} />}
      {state.phase === "unavailable" && (
        <MessageBar intent="warning" layout="multiline" data-testid="review-unavailable">
          <MessageBarBody>{state.problem === "no-sign-in" ? text.signInUnavailable : text.serviceUnavailable(state.problem ?? "")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "sign-in" && (
        <div className={styles.section} data-testid="review-sign-in">
          <Text>{text.signInNeeded}</Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={state.busy} onClick={() => void signIn()} data-testid="sign-in-button">
              {text.signInButton}
            </Button>
          </div>
        </div>
      )}

      {state.phase === "ready" && !review && (
        <>
          <Text>{text.requestIntro}</Text>
          {state.reviewers.length === 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="no-reviewer">
              <MessageBarBody>{text.noReviewer}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Field label={text.reviewerLabel}>
                <Select value={reviewer} onChange={(_e, data) => setReviewer(data.value)} data-testid="reviewer">
                  {state.reviewers.map((option) => (
                    <option key={option.address} value={option.address}>
                      {option.name ? `${option.name} (${option.address})` : option.address}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={text.noteLabel}>
                <Textarea value={note} maxLength={2000} placeholder={text.notePlaceholder} onChange={(_e, data) => setNote(data.value)} data-testid="note" />
              </Field>
              <div className={styles.row}>
                <Button appearance="primary" disabled={state.busy || !reviewer} onClick={() => void request(reviewer, note, language)} data-testid="request">
                  {state.busy ? text.requesting : text.request}
                </Button>
              </div>
            </>
          )}
        </>
      )}

      {review && (
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
          {changedAfterApproval && (
            <MessageBar intent="warning" layout="multiline" data-testid="changed-after-approval">
              <MessageBarBody>{text.changedAfterApproval}</MessageBarBody>
            </MessageBar>
          )}
          {uncovered.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="not-covered">
              <MessageBarBody>
                {text.notCovered(review.reviewerName ?? review.reviewer)}
                <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                  {uncovered.map((finding) => (
                    <li key={finding.code}>{describeFinding(finding, language)}</li>
                  ))}
                </ul>
                {text.notCoveredNext}
              </MessageBarBody>
            </MessageBar>
          )}
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
              <Button disabled={state.busy} onClick={() => void cancel()} data-testid="cancel-request">
                {text.cancelRequest}
              </Button>
            )}
            {((review.status !== "pending" && !approvalHolds) || pendingStale) && (
              <Button onClick={() => void reset()} data-testid="request-again">
                {text.requestAgain}
              </Button>
            )}
          </div>
        </div>
      )}

      {state.error && (
        <MessageBar intent="error" layout="multiline" data-testid="review-error">
          <MessageBarBody>{text.failed(state.error)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
