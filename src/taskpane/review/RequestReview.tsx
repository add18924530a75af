import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import type { Language, ReviewText } from "../../i18n";
import type { Checked } from "../use-sender-pane";
import { RequestForm, type RequestDraft } from "./RequestForm";
import { ReviewAccess } from "./ReviewAccess";
import { ReviewProgress } from "./ReviewProgress";
import { useReviewStyles } from "./styles";
import type { useReviewRequest } from "./use-review-request";

/** Request review: getting to the service, then the reviewer picker and note, then the request's live status. */
export function RequestReview(props: {
  review: ReturnType<typeof useReviewRequest>;
  checked: Checked;
  text: ReviewText;
  language: Language;
  /** Why the approval on the item did not lift the verdict at Send, when the pane was opened from that alert. */
  refusedAtSend: string | undefined;
}) {
  const { checked, text, language } = props;
  const styles = useReviewStyles();
  const { state, request, cancel, reset, signIn } = props.review;
  const review = state.review;
  const [draft, setDraft] = useState<RequestDraft>({ reviewer: "", note: "" });

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
      <ReviewAccess state={state} text={text} onSignIn={() => void signIn()} />
      {state.phase === "ready" && state.listed && !review && (
        <RequestForm
          reviewers={state.reviewers}
          value={draft}
          onChange={setDraft}
          busy={state.busy}
          text={text}
          onRequest={() => void request(draft.reviewer, draft.note, language)}
        />
      )}
      {review && (
        <ReviewProgress
          review={review}
          evaluation={checked.evaluation}
          busy={state.busy}
          text={text}
          language={language}
          onCancel={() => void cancel()}
          onRequestAgain={() => void reset()}
        />
      )}
      {state.error && (
        <MessageBar intent="error" layout="multiline" data-testid="review-error">
          <MessageBarBody>{text.failed(state.error)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
