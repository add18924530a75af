import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Review } from "../../api/contract";
import { ApiError, describeError } from "../../api/error";
import { formatBytes, formatDateTime, type Language, type ReviewText } from "../../i18n";
import type { ReviewClient } from "../review-api";
import { useLayoutStyles } from "../styles";
import { Decision, type DecisionInput } from "./Decision";
import { Risks } from "./Risks";

/** The message as the sender asked for it to be reviewed: each recipient field, the attachments. */
function MessageFields(props: { snapshot: Review["snapshot"]; text: ReviewText }) {
  const { snapshot, text } = props;
  const styles = useLayoutStyles();
  const field = (name: string, list: Review["snapshot"]["to"]) => (
    <Text className={styles.address} data-testid={`field-${name.toLowerCase()}`}>
      <strong>{name}</strong> ({list.length}): {list.length ? list.map((r) => r.address).join(", ") : text.none}
    </Text>
  );
  return (
    <section className={styles.section} aria-labelledby="message-title">
      <h3 id="message-title" className={styles.heading}>
        {text.messageTitle}
      </h3>
      {field("To", snapshot.to)}
      {field("CC", snapshot.cc)}
      {field("BCC", snapshot.bcc)}
      <Text>
        <strong>{text.attachments}</strong>: {snapshot.attachments.length ? snapshot.attachments.map((a) => `${a.name} (${formatBytes(a.size)})`).join(", ") : text.none}
      </Text>
    </section>
  );
}

/** One request, risky items first, with an acknowledgement per flagged item and the decision when it is the signed-in reviewer's. */
export function RequestDetail(props: { api: ReviewClient; id: string; me: string; text: ReviewText; language: Language; onBack: () => void }) {
  const { api, id, me, text, language } = props;
  const styles = useLayoutStyles();
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    api.get(id).then(setReview, (e: unknown) => setError(e instanceof ApiError && e.status === 404 ? text.notAvailable : describeError(e)));
  }, [api, id, text]);

  if (error && !review) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="detail-error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!review) return <Spinner size="small" />;

  const mine = review.reviewer === me && review.status === "pending";
  const decide = async (input: DecisionInput) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.decide(review.id, input);
      setReview(result);
      setDone(text.decidedByYou(text.status[result.status]));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={styles.section} data-testid="request-detail" data-status={review.status}>
      <div className={styles.row}>
        <Button appearance="subtle" onClick={props.onBack} data-testid="back">
          {text.back}
        </Button>
        <Badge appearance="tint" data-testid="detail-status">
          {text.status[review.status]}
        </Badge>
      </div>
      <Text as="h2" size={500} weight="semibold" data-testid="detail-subject">
        {review.snapshot.subject || text.none}
      </Text>
      <Text>
        {text.from(review.senderName ? `${review.senderName} <${review.sender}>` : review.sender)} · {text.received(formatDateTime(review.createdAt, language))} · {text.expires(formatDateTime(review.expiresAt, language))}
      </Text>
      <Risks findings={review.findings} text={text} language={language} />
      <section className={styles.section} aria-labelledby="note-title">
        <h3 id="note-title" className={styles.heading}>
          {text.noteTitle}
        </h3>
        <Text data-testid="sender-note">{review.note || text.noNote}</Text>
      </section>
      <MessageFields snapshot={review.snapshot} text={text} />
      {mine && <Decision review={review} text={text} busy={busy} onDecide={(input) => void decide(input)} />}
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="decided">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {review.status !== "pending" && review.comment && <Text>{text.comment(review.comment)}</Text>}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="decision-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </article>
  );
}
