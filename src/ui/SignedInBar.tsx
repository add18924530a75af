import { Button, Text } from "@fluentui/react-components";
import type { ReviewText } from "../i18n";
import { useLayoutStyles } from "./styles";

/** Who is signed in, and the way out. */
export function SignedInBar(props: { me: string; text: ReviewText; onSignOut: () => void }) {
  const styles = useLayoutStyles();
  return (
    <div className={styles.row}>
      <Text data-testid="signed-in-as">{props.text.signedInAs(props.me)}</Text>
      <Button appearance="subtle" size="small" onClick={props.onSignOut} data-testid="sign-out">
        {props.text.signOut}
      </Button>
    </div>
  );
}
