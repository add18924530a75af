import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog, PaneText } from "../../i18n";
import type { PartyGroup } from "../../views/recipient-groups";
import type { PartyKind } from "../../shared/types";

const INITIAL = 8;

const BADGE: Record<PartyKind, "success" | "warning" | "informative"> = { internal: "success", organization: "warning", individual: "informative" };

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  party: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  members: { listStyleType: "none", margin: 0, padding: 0 },
  member: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  exposed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Every recipient grouped by party: kind badge, how many addresses, how many outside addresses of others it would see. */
export function PartyList(props: { groups: PartyGroup[]; text: PaneText; catalog: Catalog }) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const { text, catalog } = props;
  const shown = showAll ? props.groups : props.groups.slice(0, INITIAL);
  return (
    <>
      <ul className={styles.list} data-testid="parties">
        {shown.map((group) => {
          // An individual is their own party: the address is the name, said once with its field.
          const single = group.kind === "individual" && group.members.length === 1 ? group.members[0] : undefined;
          if (single) {
            const exposed = single.field !== "bcc";
            return (
              <li key={group.id} className={styles.party} data-party={group.id} data-kind={group.kind}>
                <div className={styles.header}>
                  <Text className={mergeClasses(styles.name, exposed && styles.exposed)}>
                    {catalog.field[single.field]}: {single.address}
                  </Text>
                  <Badge appearance="tint" color={BADGE[group.kind]}>
                    {text.partyKind[group.kind]}
                  </Badge>
                </div>
                {group.seesOutside > 0 && <Text size={200}>{text.seesOutside(group.seesOutside)}</Text>}
              </li>
            );
          }
          return (
            <li key={group.id} className={styles.party} data-party={group.id} data-kind={group.kind}>
              <div className={styles.header}>
                {/* The internal group is named by its badge alone (社内 once, not twice). */}
                {group.kind !== "internal" && <Text className={styles.name}>{group.id}</Text>}
                <Badge appearance="tint" color={BADGE[group.kind]}>
                  {text.partyKind[group.kind]}
                </Badge>
                <Text size={200}>{text.addressCount(group.members.length)}</Text>
              </div>
              {group.seesOutside > 0 && <Text size={200}>{text.seesOutside(group.seesOutside)}</Text>}
              <ul className={styles.members}>
                {group.members.map((member, index) => {
                  const exposed = group.kind !== "internal" && member.field !== "bcc";
                  return (
                    <li key={`${member.field}:${member.address}:${index}`} className={exposed ? styles.exposed : styles.member}>
                      <Text size={200} className={exposed ? styles.exposed : styles.member}>
                        {catalog.field[member.field]}: {member.address}
                      </Text>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
      {!showAll && props.groups.length > INITIAL && (
        <Button appearance="subtle" onClick={() => setShowAll(true)} data-testid="show-more-parties">
          {text.showMore(props.groups.length - INITIAL)}
        </Button>
      )}
    </>
  );
}
