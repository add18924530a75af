import { Button, Field, MessageBar, MessageBarBody, Select, Text, Textarea } from "@fluentui/react-components";
import { useEffect } from "react";
import type { ReviewerOption } from "../../api/contract";
import type { ReviewText } from "../../i18n";
import { useReviewStyles } from "./styles";

export interface RequestDraft {
  reviewer: string;
  note: string;
}

/**
 * Who should check the message (the reviewers the policy gives this sender; the first is
 * chosen until the sender picks) and a note for them. The choice is held by the caller, so
 * that asking again after a refusal starts from what the sender wrote.
 */
export function RequestForm(props: {
  reviewers: ReviewerOption[];
  value: RequestDraft;
  onChange: (value: RequestDraft) => void;
  busy: boolean;
  text: ReviewText;
  onRequest: () => void;
}) {
  const { reviewers, text, value, onChange } = props;
  const { reviewer, note } = value;
  const styles = useReviewStyles();

  useEffect(() => {
    // The first reviewer, also when the list changed (From switched to a shared mailbox) and no longer holds the one chosen.
    if ((!reviewer || !reviewers.some((option) => option.address === reviewer)) && reviewers[0]) onChange({ reviewer: reviewers[0].address, note });
  }, [reviewers, reviewer, note, onChange]);

  if (reviewers.length === 0) {
    return (
      <>
        <Text>{text.requestIntro}</Text>
        <MessageBar intent="warning" layout="multiline" data-testid="no-reviewer">
          <MessageBarBody>{text.noReviewer}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return (
    <>
      <Text>{text.requestIntro}</Text>
      <Field label={text.reviewerLabel}>
        <Select value={reviewer} onChange={(_e, data) => onChange({ reviewer: data.value, note })} data-testid="reviewer">
          {reviewers.map((option) => (
            <option key={option.address} value={option.address}>
              {option.name ? `${option.name} (${option.address})` : option.address}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.noteLabel}>
        <Textarea value={note} maxLength={2000} placeholder={text.notePlaceholder} onChange={(_e, data) => onChange({ reviewer, note: data.value })} data-testid="note" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy || !reviewer} onClick={props.onRequest} data-testid="request">
          {props.busy ? text.requesting : text.request}
        </Button>
      </div>
    </>
  );
}
