import { Button, Field, Input, Spinner, Text, Textarea } from "@fluentui/react-components";
import { Attach16Regular } from "@fluentui/react-icons";
import { formatBytes } from "../../i18n";
import type { Snapshot, PlaygroundStore } from "../store";
import { usePlaygroundStyles } from "../styles";
import type { PlaygroundText } from "../text";
import { RecipientRow } from "./RecipientRow";

/** The imitation of Outlook's compose window: Send, the add-in's ribbon button, From, To / CC / BCC, subject, files, body. */
export function ComposeWindow(props: { store: PlaygroundStore; state: Snapshot; text: PlaygroundText }) {
  const { store, state, text } = props;
  const styles = usePlaygroundStyles();
  const m = state.mailbox;
  return (
    <section className={styles.compose} aria-label="compose">
      <div className={styles.ribbon}>
        <Button appearance="primary" onClick={() => void store.send()} disabled={state.sending} data-testid="send">
          {text.send}
        </Button>
        <Button onClick={() => store.openPane()} data-testid="ribbon-send-guard">
          {text.openPane}
        </Button>
        {state.sending && <Spinner size="tiny" label={state.longRunning ? text.longRunning : text.sending} />}
      </div>
      <Text size={200}>
        {text.from}: {m.from.displayName} &lt;{m.from.emailAddress}&gt;
      </Text>
      {(["to", "cc", "bcc"] as const).map((field) => (
        <RecipientRow
          key={field}
          field={field}
          label={text[field]}
          recipients={m[field]}
          text={text}
          onAdd={(typed) => store.addTyped(field, typed)}
          onRemove={(index) => store.removeRecipient(field, index)}
        />
      ))}
      <Text size={200} id="recipients-help">
        {text.recipientsHelp}
      </Text>
      <Field label={text.subject}>
        <Input value={m.subject} onChange={(_, d) => store.setSubject(d.value)} data-testid="subject" />
      </Field>
      <Field label={text.attach}>
        <input
          type="file"
          multiple
          data-testid="attach"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = "";
            void store.attachFiles(files);
          }}
        />
      </Field>
      {m.attachments.length > 0 && (
        <ul className={styles.files} data-testid="attachments">
          {m.attachments.map((a) => (
            <li key={a.id} data-testid="attachment">
              {/* An icon, not the 📎 character: machines without an emoji font drew that as an empty box. */}
              <Attach16Regular aria-hidden />
              <Text size={200}>
                {a.name} ({formatBytes(a.size)})
              </Text>
              <Button size="small" appearance="transparent" aria-label={text.removeFile(a.name)} onClick={() => store.removeAttachment(a.id)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {state.background > 0 && <Spinner size="tiny" label={text.inspecting} data-testid="inspecting" />}
      <Field label={text.body}>
        <Textarea value={m.body} onChange={(_, d) => store.setBody(d.value)} rows={6} resize="vertical" />
      </Field>
    </section>
  );
}
