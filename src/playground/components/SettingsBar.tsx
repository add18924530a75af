import { Button, Field, Select } from "@fluentui/react-components";
import type { Language } from "../../i18n";
import { EXAMPLE_KEYS, examples, type ExampleKey } from "../examples";
import { FAULTS, type Fault } from "../office-sim";
import { FAULT_CALLS, type Snapshot, type PlaygroundStore } from "../store";
import { usePlaygroundStyles } from "../styles";
import type { PlaygroundText } from "../text";

const EXAMPLE_LABELS: Record<ExampleKey, (text: PlaygroundText) => string> = {
  asunaro: (t) => t.exampleAsunaro,
  customer: (t) => t.exampleCustomer,
  list: (t) => t.exampleList,
  replyAll: (t) => t.exampleReplyAll,
  typo: (t) => t.exampleTypo,
};

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

/** Language, the client to imitate, a failure to inject into one Office call, and example messages. */
export function SettingsBar(props: { store: PlaygroundStore; state: Snapshot; text: PlaygroundText }) {
  const { store, state, text } = props;
  const styles = usePlaygroundStyles();
  const presets = examples(store.internalDomain);
  return (
    <div className={styles.bar}>
      <Field label={text.language}>
        <Select value={state.language} onChange={(_, d) => store.setLanguage(d.value as Language)} data-testid="language">
          <option value="ja">日本語 (ja-JP)</option>
          <option value="en">English (en-US)</option>
        </Select>
      </Field>
      <Field label={text.client}>
        <Select value={state.mailboxVersion} onChange={(_, d) => store.setMailboxVersion(d.value)} data-testid="client">
          <option value="1.12">Mailbox 1.12 (classic Outlook 2206–2303: no Send Anyway)</option>
          <option value="1.13">Mailbox 1.13 (classic Outlook 2304–2403: no Send Anyway)</option>
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
          {EXAMPLE_KEYS.map((key) => (
            <Button key={key} size="small" onClick={() => void store.loadExample(presets[key])} data-testid={`example-${key}`}>
              {EXAMPLE_LABELS[key](text)}
            </Button>
          ))}
        </div>
      </Field>
    </div>
  );
}
