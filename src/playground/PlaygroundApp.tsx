import {
  Button,
  Field,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useState, useSyncExternalStore } from "react";
import { CATALOGS, type Language } from "../i18n";
import { RecipientRow } from "./components/RecipientRow";
import { SentList } from "./components/SentList";
import { SmartAlert } from "./components/SmartAlert";
import { examples } from "./examples";
import { FAULT_CALLS, PANE_FRAME, type PlaygroundStore } from "./store";
import { PLAYGROUND_TEXT } from "./text";
import { FAULTS, type Fault } from "./office-sim";

/** What each simulated failure does (Office's own terms, so they read the same in both languages). */
const FAULT_LABELS: Record<Fault, string> = {
  fail: "fail (AsyncResult failed)",
  never: "never (no callback)",
  throw: "throw",
  "no-value": "succeeded, no value",
  "null-value": "succeeded, value null",
  "wrong-type": "succeeded, value of the wrong type",
  "bad-element": "succeeded, a broken list entry",
  "no-result": "callback without a result",
  "failed-no-error": "failed, no error object",
  "no-effect": "succeeded, did nothing",
};

const useStyles = makeStyles({
  page: { minHeight: "100vh", padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, "& > *": { margin: 0 } },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  work: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "stretch" },
  compose: {
    flex: "1 1 28em",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  ribbon: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  pane: { flex: "0 0 auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  frame: { width: "320px", height: "640px", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  side: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  column: { flex: "1 1 24em", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  policy: { fontFamily: tokens.fontFamilyMonospace, minHeight: "16em" },
});

export function PlaygroundApp(props: { store: PlaygroundStore }) {
  const { store } = props;
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const styles = useStyles();
  const text = PLAYGROUND_TEXT[state.language];
  const catalog = CATALOGS[state.language];
  const [policyDraft, setPolicyDraft] = useState(state.policyText);
  const [policyNote, setPolicyNote] = useState<string | null>(null);
  const m = state.mailbox;
  const presets = examples(store.internalDomain);

  return (
    <FluentProvider theme={webLightTheme} lang={state.language}>
      <div className={styles.page}>
        <header className={styles.header}>
          <Text as="h1" size={600} weight="semibold">
            {text.title}
          </Text>
          <Text as="p">{text.intro}</Text>
        </header>

        <div className={styles.bar}>
          <Field label={text.language}>
            <Select value={state.language} onChange={(_, d) => store.setLanguage(d.value as Language)} data-testid="language">
              <option value="ja">日本語 (ja-JP)</option>
              <option value="en">English (en-US)</option>
            </Select>
          </Field>
          <Field label={text.client}>
            <Select value={state.mailboxVersion} onChange={(_, d) => store.setMailboxVersion(d.value)} data-testid="client">
              <option value="1.14">Mailbox 1.14 (classic Outlook LTSC 2024, Mac)</option>
              <option value="1.15">Mailbox 1.15 (classic Outlook 2412+)</option>
              <option value="1.16">Mailbox 1.16 (web, new Outlook)</option>
            </Select>
          </Field>
          <Field label={text.fault}>
            <div className={styles.ribbon}>
              <Select value={state.fault.call} onChange={(_, d) => store.setFault(d.value, state.fault.fault)} data-testid="fault-call" aria-label={text.fault}>
                {FAULT_CALLS.map((call) => (
                  <option key={call} value={call}>
                    {call}
                  </option>
                ))}
              </Select>
              <Select value={state.fault.fault} onChange={(_, d) => store.setFault(state.fault.call, d.value as Fault | "none")} data-testid="fault-kind" aria-label={text.fault}>
                <option value="none">{text.faultNone}</option>
                {FAULTS.map((fault) => (
                  <option key={fault} value={fault}>
                    {FAULT_LABELS[fault]}
                  </option>
                ))}
              </Select>
            </div>
          </Field>
          <Field label={text.examples}>
            <div className={styles.ribbon}>
              {(["asunaro", "customer", "list"] as const).map((key) => (
                <Button key={key} size="small" onClick={() => store.loadExample(presets[key].fields, presets[key].subject, presets[key].files)} data-testid={`example-${key}`}>
                  {key === "asunaro" ? text.exampleAsunaro : key === "customer" ? text.exampleCustomer : text.exampleList}
                </Button>
              ))}
            </div>
          </Field>
        </div>

        <div className={styles.work}>
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
                    <Text size={200}>
                      📎 {a.name} ({a.size.toLocaleString()} B)
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

          {state.pane.open && (
            <aside className={styles.pane} aria-label={text.paneTitle}>
              <div className={styles.ribbon}>
                <Text weight="semibold">{text.paneTitle}</Text>
                <Button size="small" onClick={() => store.closePane()} data-testid="close-pane">
                  {text.closePane}
                </Button>
              </div>
              <iframe key={state.pane.generation} name={PANE_FRAME} src="taskpane.html" title={text.paneTitle} className={styles.frame} data-testid="pane" />
            </aside>
          )}
        </div>

        <div className={styles.side}>
          <section className={styles.column} aria-labelledby="sent-title">
            <Text as="h2" id="sent-title" size={500} weight="semibold">
              {text.sent}
            </Text>
            <SentList sent={state.sent} text={text} fieldLabel={(field) => catalog.field[field]} />
          </section>
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
        </div>

        <SmartAlert
          alert={state.alert}
          unavailable={state.unavailable}
          canBypassUnavailable={store.manifest.sendMode !== "Block"}
          text={text}
          onDontSend={() => store.dismissAlert()}
          onAction={() => store.takeAction()}
          onSendAnyway={() => store.sendAnyway()}
        />
      </div>
    </FluentProvider>
  );
}
