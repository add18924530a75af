import { Badge, Text } from "@fluentui/react-components";
import type { ExposedAddress, Finding } from "../../shared/types";
import { describeFinding, PANE_TEXT, type Language, type ReviewText } from "../../i18n";
import { findingsView } from "../../views/findings";
import { FlaggedFiles } from "../FlaggedFiles";
import { useLayoutStyles } from "../styles";

interface PartyGroup {
  party: string;
  kind: string;
  addresses: ExposedAddress[];
}

/** Exposed addresses by party, the party with the most addresses first. */
export function groupByParty(exposed: readonly ExposedAddress[]): PartyGroup[] {
  const groups = new Map<string, PartyGroup>();
  for (const entry of exposed) {
    const group = groups.get(entry.party) ?? { party: entry.party, kind: entry.partyKind, addresses: [] };
    group.addresses.push(entry);
    groups.set(entry.party, group);
  }
  return [...groups.values()].sort((a, b) => b.addresses.length - a.addresses.length);
}

/** What the request is about, riskiest first: who would see whom, the flagged files, then everything else. */
export function Risks(props: { findings: readonly Finding[]; text: ReviewText; language: Language }) {
  const { text, language } = props;
  const styles = useLayoutStyles();
  const { exposure, files, others } = findingsView(props.findings);
  return (
    <section className={styles.section} aria-labelledby="risk-title" data-testid="risks">
      <h3 id="risk-title" className={styles.heading}>
        {text.riskTitle}
      </h3>
      {exposure && (
        <div data-testid="exposed">
          <Text>
            {text.exposedIntro(
              exposure.evidence.visibleExternalCount,
              exposure.evidence.parties.filter((p) => p.visible > 0 && p.kind === "organization").length,
              exposure.evidence.parties.filter((p) => p.visible > 0 && p.kind === "individual").length,
            )}
          </Text>
          {exposure.evidence.newcomers && exposure.evidence.newcomers.length > 0 && (
            <Text data-testid="new-to-thread">{PANE_TEXT[language].newToThread(exposure.evidence.newcomers)}</Text>
          )}
          <ul className={styles.list}>
            {groupByParty(exposure.evidence.exposed).map((group) => (
              <li key={group.party} className={styles.item} data-party={group.party}>
                {/* An individual is their own party: the address says it all. */}
                {group.kind !== "individual" && <Text weight="semibold">{group.party}</Text>}
                <Badge appearance="outline" size="small">
                  {PANE_TEXT[language].partyKind[group.kind as "organization" | "individual"]}
                </Badge>
                <Text className={styles.address}>{group.addresses.map((a) => `${a.address} (${a.field.toUpperCase()})`).join(", ")}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {files.length > 0 && (
        <div>
          <Text weight="semibold">{text.filesTitle}</Text>
          <FlaggedFiles files={files} text={PANE_TEXT[language]} language={language} />
        </div>
      )}
      {others.length > 0 && (
        <ul className={styles.list}>
          {others.map((finding) => (
            <li key={finding.code} data-code={finding.code}>
              <Text>{describeFinding(finding, language)}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
