import { Button, Checkbox, Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { Review, ReviewCheck } from "../../api/contract";
import type { FileCheckCode, ReviewText } from "../../i18n";
import { findingsView } from "../../views/findings";
import { useLayoutStyles } from "../styles";

/** The words beside one acknowledgement box. */
export function checkLabel(check: ReviewCheck, review: Review, text: ReviewText): string {
  if (check.code === "external-exposure") {
    const { exposure } = findingsView(review.findings);
    return text.checkExposure(exposure?.evidence.visibleExternalCount ?? 0);
  }
  if (check.attachment) return text.checkFile(check.attachment, text.checkWhat[check.code as FileCheckCode] ?? "");
  return text.checkOther;
}

export interface DecisionInput {
  decision: "approve" | "reject";
  comment: string | undefined;
  acknowledged: string[];
}

/**
 * The reviewer's decision: one box per flagged item, a comment, Approve (only once every box
 * is ticked) and Reject (always). Both are disabled while a decision is being sent.
 */
export function Decision(props: { review: Review; text: ReviewText; busy: boolean; onDecide: (input: DecisionInput) => void }) {
  const { review, text, busy } = props;
  const styles = useLayoutStyles();
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState("");
  const allTicked = review.checks.every((check) => acknowledged.has(check.key));
  const decide = (decision: DecisionInput["decision"]) => props.onDecide({ decision, comment: comment.trim() || undefined, acknowledged: [...acknowledged] });
  return (
    <section className={styles.section} aria-labelledby="checks-title" data-testid="decision">
      <h3 id="checks-title" className={styles.heading}>
        {text.checksTitle}
      </h3>
      {review.checks.map((check) => (
        <Checkbox
          key={check.key}
          checked={acknowledged.has(check.key)}
          onChange={(_e, data) =>
            setAcknowledged((current) => {
              const next = new Set(current);
              if (data.checked) next.add(check.key);
              else next.delete(check.key);
              return next;
            })
          }
          label={checkLabel(check, review, text)}
          data-testid="ack"
          data-key={check.key}
        />
      ))}
      <Field label={text.commentLabel}>
        <Textarea value={comment} maxLength={2000} onChange={(_e, data) => setComment(data.value)} data-testid="comment" />
      </Field>
      {!allTicked && <Text size={200}>{text.approveHint}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !allTicked} onClick={() => decide("approve")} data-testid="approve">
          {text.approve}
        </Button>
        <Button disabled={busy} onClick={() => decide("reject")} data-testid="reject">
          {text.reject}
        </Button>
      </div>
    </section>
  );
}
