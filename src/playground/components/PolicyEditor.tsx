import { Button, MessageBar, MessageBarBody, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { Snapshot, PlaygroundStore } from "../store";
import { usePlaygroundStyles } from "../styles";
import type { PlaygroundText } from "../text";

/** The organisation's policy as JSON, applied on request; what is wrong with it, or that it applies. */
export function PolicyEditor(props: { store: PlaygroundStore; state: Snapshot; text: PlaygroundText }) {
  const { store, state, text } = props;
  const styles = usePlaygroundStyles();
  const [policyDraft, setPolicyDraft] = useState(state.policyText);
  const [policyNote, setPolicyNote] = useState<string | null>(null);
  return (
    <section className={styles.column} aria-labelledby="policy-title">
      <Text as="h2" id="policy-title" size={500} weight="semibold">
        {text.policy}
      </Text>
      <Textarea
        className={styles.policy}
        value={policyDraft}
        onChange={(_, d) => setPolicyDraft(d.value)}
        aria-labelledby="policy-title"
        resize="vertical"
        data-testid="policy"
      />
      <div className={styles.ribbon}>
        <Button onClick={() => setPolicyNote(store.applyPolicy(policyDraft) ? text.policyApplied : null)} data-testid="apply-policy">
          {text.applyPolicy}
        </Button>
      </div>
      {state.policyError && (
        <MessageBar intent="error" layout="multiline" data-testid="policy-error">
          <MessageBarBody>
            {text.policyInvalid} {state.policyError}
          </MessageBarBody>
        </MessageBar>
      )}
      {policyNote && !state.policyError && (
        <MessageBar intent="success">
          <MessageBarBody>{policyNote}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
