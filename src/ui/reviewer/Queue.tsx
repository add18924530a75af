import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Review } from "../../api/contract";
import { describeError } from "../../api/error";
import { formatDateTime, type Language, type ReviewText } from "../../i18n";
import type { ReviewClient } from "../review-api";
import { useLayoutStyles } from "../styles";

const useStyles = makeStyles({
  /** A queue row: what the request is (subject, who, when, what differs) beside its Open button. */
  entry: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  queue: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  entryText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
});

/** How much of the sender's note a queue row shows. */
export const NOTE_EXCERPT = 60;
/** How many decided requests are listed under the pending ones. */
export const DECIDED_SHOWN = 20;

/** The reviewer's queue (pending first, then the latest decided), kept current by Server-Sent Events. */
export function Queue(props: { api: ReviewClient; text: ReviewText; language: Language; onOpen: (id: string) => void }) {
  const { api, text, language } = props;
  const layout = useLayoutStyles();
  const styles = useStyles();
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.list("reviewer").then((r) => setReviews(r.reviews), (e: unknown) => setError(describeError(e))), [api]);
  useEffect(() => {
    void load();
    return api.subscribe(() => void load());
  }, [api, load]);
  if (error) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="queue-error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!reviews) return <Spinner size="small" />;
  const pending = reviews.filter((r) => r.status === "pending");
  const decided = reviews.filter((r) => r.status !== "pending").slice(0, DECIDED_SHOWN);
  const entry = (review: Review) => (
    <li key={review.id} className={styles.entry} data-testid="queue-item" data-id={review.id} data-status={review.status}>
      <div className={styles.entryText}>
        <div className={layout.item}>
          <Badge appearance="tint">{text.status[review.status]}</Badge>
          <Text weight="semibold">{review.snapshot.subject || text.none}</Text>
        </div>
        <Text size={200}>
          {text.from(review.senderName ?? review.sender)} · {formatDateTime(review.createdAt, language)}
        </Text>
        {/* What tells two requests with the same subject apart. */}
        <Text size={200} data-testid="queue-summary">
          {text.rowSummary(
            review.snapshot.to.length + review.snapshot.cc.length + review.snapshot.bcc.length,
            review.checks.length,
            review.note.length > NOTE_EXCERPT ? `${review.note.slice(0, NOTE_EXCERPT)}…` : review.note,
          )}
        </Text>
      </div>
      <Button size="small" onClick={() => props.onOpen(review.id)} aria-label={`${text.open}: ${review.snapshot.subject}`}>
        {text.open}
      </Button>
    </li>
  );
  return (
    <>
      <section className={layout.section} aria-labelledby="queue-title" data-testid="queue">
        <h2 id="queue-title" className={layout.heading}>
          {text.queueTitle} ({pending.length})
        </h2>
        {pending.length === 0 ? <Text>{text.queueEmpty}</Text> : <ul className={styles.queue}>{pending.map(entry)}</ul>}
      </section>
      {decided.length > 0 && (
        <section className={layout.section} aria-labelledby="decided-title" data-testid="decided-list">
          <h2 id="decided-title" className={layout.heading}>
            {text.decidedTitle}
          </h2>
          <ul className={styles.queue}>{decided.map(entry)}</ul>
        </section>
      )}
    </>
  );
}
