import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { firstTimeAmongKnown, type Catalog, type PaneText } from "../../i18n";
import type { Policy } from "../../policy";
import type { Draft, ExposureEvidence, SendContext } from "../../shared/types";
import type { Notice } from "../../ui/notice";
import type { PartyGroup } from "../../views/recipient-groups";
import type { PaneHost } from "../host";
import { MoveToBcc } from "./MoveToBcc";
import { PartyList } from "./PartyList";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Who would see whom: one sentence with the counts, the fix (Move to BCC) right under it so
 * that it is on screen in a 320 px pane, then each party with what it would see. The counts
 * and the list come from the same groups, so they always agree.
 */
export function ExposureSection(props: {
  evidence: ExposureEvidence;
  groups: PartyGroup[];
  host: PaneHost;
  draft: Draft;
  policy: Policy;
  context: SendContext;
  text: PaneText;
  catalog: Catalog;
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
}) {
  const { groups, text, catalog } = props;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="exposure-title" data-testid="exposure">
      <h2 id="exposure-title" className={styles.heading}>
        {text.exposureTitle}
      </h2>
      <Text data-testid="exposure-intro">
        {text.exposureIntro(
          props.evidence.visibleExternalCount,
          groups.filter((g) => g.kind === "organization").length,
          groups.filter((g) => g.kind === "individual").length,
        )}
      </Text>
      {props.evidence.newcomers && props.evidence.newcomers.length > 0 && <Text data-testid="new-to-thread">{text.newToThread(props.evidence.newcomers)}</Text>}
      {!props.evidence.newcomers?.length && firstTimeAmongKnown(props.evidence).length > 0 && (
        <Text data-testid="never-written-to">{text.neverWrittenTo(firstTimeAmongKnown(props.evidence))}</Text>
      )}
      <MoveToBcc host={props.host} draft={props.draft} policy={props.policy} context={props.context} text={text} catalog={catalog} onNotice={props.onNotice} onChanged={props.onChanged} />
      <PartyList groups={groups} text={text} catalog={catalog} />
    </section>
  );
}
