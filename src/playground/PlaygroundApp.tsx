import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { CATALOGS } from "../i18n";
import { ComposeWindow } from "./components/ComposeWindow";
import { PaneFrame } from "./components/PaneFrame";
import { PolicyEditor } from "./components/PolicyEditor";
import { SentList } from "./components/SentList";
import { SettingsBar } from "./components/SettingsBar";
import { SmartAlert } from "./components/SmartAlert";
import type { PlaygroundStore } from "./store";
import { usePlaygroundStyles } from "./styles";
import { PLAYGROUND_TEXT } from "./text";

/** The playground page: settings, the compose window beside the pane, what was sent and the policy, and the Smart Alert. */
export function PlaygroundApp(props: { store: PlaygroundStore }) {
  const { store } = props;
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const styles = usePlaygroundStyles();
  const text = PLAYGROUND_TEXT[state.language];
  const catalog = CATALOGS[state.language];

  return (
    <FluentProvider theme={webLightTheme} lang={state.language}>
      <div className={styles.page}>
        <header className={styles.header}>
          <Text as="h1" size={600} weight="semibold">
            {text.title}
          </Text>
          <Text as="p">{text.intro}</Text>
        </header>
        <SettingsBar store={store} state={state} text={text} />
        <div className={styles.work}>
          <ComposeWindow store={store} state={state} text={text} />
          <PaneFrame store={store} pane={state.pane} text={text} />
        </div>
        <div className={styles.side}>
          <section className={styles.column} aria-labelledby="sent-title">
            <Text as="h2" id="sent-title" size={500} weight="semibold">
              {text.sent}
            </Text>
            <Text data-testid="playground-memory">{text.memory(state.memory.addresses, state.memory.groups)}</Text>
            <SentList sent={state.sent} text={text} fieldLabel={(field) => catalog.field[field]} />
          </section>
          <PolicyEditor store={store} state={state} text={text} />
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
