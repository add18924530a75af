import { Text } from "@fluentui/react-components";
import { REVIEW_TEXT, type Language } from "../../i18n";
import type { ReviewClient } from "../review-api";
import { SignedInBar } from "../SignedInBar";
import { SignIn } from "../SignIn";
import type { OidcClient, TokenRequester } from "../sign-in";
import { useLayoutStyles } from "../styles";
import { useSignedInUser } from "../use-signed-in-user";
import { Queue } from "./Queue";
import { RequestDetail } from "./RequestDetail";
import { useRoute } from "./use-route";

/**
 * The reviewer's view, the same in the read-mode task pane and on the web page:
 * sign in, the queue, one request with the risky items first, acknowledge, decide.
 */
export function ReviewerView(props: {
  api: ReviewClient;
  language: Language;
  suggestedUser?: string | undefined;
  title: string;
  requester?: ((client: OidcClient) => TokenRequester) | undefined;
}) {
  const { api, language } = props;
  const text = REVIEW_TEXT[language];
  const styles = useLayoutStyles();
  const { me, signedIn, signOut } = useSignedInUser(api);
  const [id, go] = useRoute();

  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {props.title}
      </Text>
      {me ? (
        <>
          <SignedInBar me={me} text={text} onSignOut={signOut} />
          {id ? (
            <RequestDetail key={id} api={api} id={id} me={me} text={text} language={language} onBack={() => go(undefined)} />
          ) : (
            <Queue api={api} text={text} language={language} onOpen={go} />
          )}
        </>
      ) : (
        <SignIn api={api} text={text} suggested={props.suggestedUser} onSignedIn={signedIn} requester={props.requester} />
      )}
    </main>
  );
}
