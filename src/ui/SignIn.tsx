import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ReviewerOption } from "../api/contract";
import { describeError } from "../api/error";
import type { ReviewText } from "../i18n";
import type { ReviewClient } from "./review-api";
import { msalRequester, SIGN_IN_PAGE, signInInteractively, signInSilently, type OidcClient, type TokenRequester } from "./sign-in";

/**
 * Without a requester: the web pages (/review/, /admin/, one folder below the service root) sign
 * in with a pop-up that returns to the root's sign-in page, which hands the answer back.
 */
function pageRequester(client: OidcClient): TokenRequester {
  return msalRequester(client, { kind: "popup", redirectUri: new URL(`../${SIGN_IN_PAGE}`, window.location.href).href });
}
import { useLayoutStyles } from "./styles";

type Options = { kind: "loading" } | { kind: "demo"; users: ReviewerOption[] } | { kind: "provider"; client: OidcClient } | { kind: "problem"; text: string };

/**
 * What the server offers: demo users (development sign-in), or the organisation's provider,
 * tried silently first (signing in at once when that works).
 */
function useSignInOptions(api: ReviewClient, text: ReviewText, requesterFor: (client: OidcClient) => TokenRequester, onSignedIn: () => void) {
  const [options, setOptions] = useState<Options>({ kind: "loading" });
  useEffect(() => {
    let disposed = false;
    void (async () => {
      try {
        const session = await api.session();
        if (session.signIn.dev) {
          const { users } = await api.demoUsers();
          if (!disposed) setOptions({ kind: "demo", users });
        } else if (session.signIn.oidc) {
          const client = session.signIn.oidc;
          const silent = await signInSilently(requesterFor(client), client);
          if (disposed) return;
          if (silent.ok) {
            api.useToken(silent.token);
            onSignedIn();
          } else setOptions({ kind: "provider", client });
        } else setOptions({ kind: "problem", text: text.signInUnavailable });
      } catch (error) {
        if (!disposed) setOptions({ kind: "problem", text: text.serviceUnavailable(describeError(error)) });
      }
    })();
    return () => {
      disposed = true;
    };
  }, [api, text, requesterFor, onSignedIn]);
  return options;
}

/**
 * Sign-in for the reviewer's pane and pages: the organisation's provider (silent first, then a
 * button for the interactive sign-in), or, on a development server, a demo user to pick.
 */
export function SignIn(props: {
  api: ReviewClient;
  text: ReviewText;
  /** Offered first among the demo users (the mailbox the pane runs in). */
  suggested?: string | undefined;
  onSignedIn: () => void;
  /** Where provider tokens come from (default: the web pages' pop-up through the sign-in page). */
  requester?: ((client: OidcClient) => TokenRequester) | undefined;
}) {
  const { api, text, onSignedIn } = props;
  const requesterFor = props.requester ?? pageRequester;
  const styles = useLayoutStyles();
  const options = useSignInOptions(api, text, requesterFor, onSignedIn);
  // A failed click says why, over whatever the server offered.
  const [failure, setFailure] = useState<string | null>(null);
  const users = options.kind === "demo" ? options.users : null;
  const oidc = options.kind === "provider" ? options.client : null;
  const problem = failure ?? (options.kind === "problem" ? options.text : null);
  const signInAs = async (email: string) => {
    try {
      await api.devSignIn(email);
      onSignedIn();
    } catch (error) {
      setFailure(text.failed(describeError(error)));
    }
  };
  const signInWithProvider = async (client: OidcClient) => {
    try {
      api.useToken(await signInInteractively(requesterFor(client), client));
      onSignedIn();
    } catch (error) {
      setFailure(text.failed(describeError(error)));
    }
  };
  const choices = users ? [...(props.suggested && !users.some((u) => u.address === props.suggested) ? [{ address: props.suggested }] : []), ...users] : [];
  return (
    <section className={styles.section} aria-labelledby="sign-in-title" data-testid="sign-in">
      <h2 id="sign-in-title" className={styles.heading}>
        {text.signInTitle}
      </h2>
      {problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {!users && !oidc && !problem && <Spinner size="tiny" />}
      {oidc && (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void signInWithProvider(oidc)} data-testid="sign-in-button">
            {text.signInButton}
          </Button>
        </div>
      )}
      {users && <Text>{text.signInIntro}</Text>}
      <div className={styles.row}>
        {choices.map((user) => (
          <Button key={user.address} onClick={() => void signInAs(user.address)} data-testid="demo-user" data-address={user.address}>
            {text.signInAs(user.name ? `${user.name} (${user.address})` : user.address)}
          </Button>
        ))}
      </div>
    </section>
  );
}
