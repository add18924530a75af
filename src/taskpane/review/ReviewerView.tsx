import { Badge, Button, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { describeFinding, formatDateTime, PANE_TEXT, REVIEW_TEXT, type FileCheckCode, type Language, type ReviewText } from "../../i18n";
import { findingsView } from "../../views/findings";
import { FlaggedFiles } from "../components/FlaggedFiles";
import type { Review, ReviewCheck, ReviewerOption } from "../../api/contract";
import type { ExposedAddress } from "../../shared/types";
import { ApiError, describeError } from "../../api/error";
import type { ReviewApi } from "./api";
import { msalRequester, signInInteractively, signInSilently, type OidcClient, type TokenRequester } from "./sign-in";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: "960px" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  address: { overflowWrap: "anywhere" },
  /** A queue row: what the request is (subject, who, when, what differs) beside its Open button. */
  entry: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  queue: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  entryText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
});

const TOKEN_KEY = "sendguard.reviewer-token";
/** How much of the sender's note a queue row shows. */
const NOTE_EXCERPT = 60;

/** `#/requests/<id>` shows one request; anything else the queue (hash routing: Office nulls history.pushState). */
function useRoute(): [string | undefined, (id: string | undefined) => void] {
  const read = () => /^#\/requests\/([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
  const [id, setId] = useState<string | undefined>(read);
  useEffect(() => {
    const update = () => setId(read());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  const go = useCallback((next: string | undefined) => {
    window.location.hash = next ? `#/requests/${next}` : "#/";
  }, []);
  return [id, go];
}

/**
 * Sign-in for the reviewer's pane and pages: the organisation's provider (silent first, then a
 * button for the interactive sign-in), or, on a development server, a demo user to pick.
 */
export function SignIn(props: {
  api: ReviewApi;
  text: ReviewText;
  suggested?: string | undefined;
  onSignedIn: () => void;
  requester?: ((client: OidcClient) => TokenRequester) | undefined;
}) {
  const { api, text, onSignedIn } = props;
  const requesterFor = props.requester ?? msalRequester;
  const styles = useStyles();
  const [users, setUsers] = useState<ReviewerOption[] | null>(null);
  const [oidc, setOidc] = useState<OidcClient | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    void (async () => {
      try {
        const session = await api.session();
        if (session.signIn.dev) {
          const { users: demo } = await api.demoUsers();
          if (!disposed) setUsers(demo);
        } else if (session.signIn.oidc) {
          const client = session.signIn.oidc;
          const silent = await signInSilently(requesterFor(client), client);
          if (disposed) return;
          if (silent.ok) {
            api.useToken(silent.token);
            onSignedIn();
          } else setOidc(client);
        } else setProblem(text.signInUnavailable);
      } catch (error) {
        if (!disposed) setProblem(text.serviceUnavailable(describeError(error)));
      }
    })();
    return () => {
      disposed = true;
    };
  }, [api, text, requesterFor, onSignedIn]);
  const signInAs = async (email: string) => {
    try {
      await api.devSignIn(email);
      onSignedIn();
    } catch (error) {
      setProblem(text.failed(describeError(error)));
    }
  };
  const signInWithProvider = async (client: OidcClient) => {
    try {
      api.useToken(await signInInteractively(requesterFor(client), client));
      onSignedIn();
    } catch (error) {
      setProblem(text.failed(describeError(error)));
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

function groupByParty(exposed: readonly ExposedAddress[]): { party: string; kind: string; addresses: ExposedAddress[] }[] {
  const groups = new Map<string, { party: string; kind: string; addresses: ExposedAddress[] }>();
  for (const entry of exposed) {
    const group = groups.get(entry.party) ?? { party: entry.party, kind: entry.partyKind, addresses: [] };
    group.addresses.push(entry);
    groups.set(entry.party, group);
  }
  return [...groups.values()].sort((a, b) => b.addresses.length - a.addresses.length);
}

function checkLabel(check: ReviewCheck, review: Review, text: ReviewText): string {
  if (check.code === "external-exposure") {
    const { exposure } = findingsView(review.findings);
    return text.checkExposure(exposure?.evidence.visibleExternalCount ?? 0);
  }
  if (check.attachment) return text.checkFile(check.attachment, text.checkWhat[check.code as FileCheckCode] ?? "");
  return text.checkOther;
}

/** One request, risky items first, with an acknowledgement per flagged item and the decision. */
function RequestDetail(props: { api: ReviewApi; id: string; me: string; text: ReviewText; language: Language; onBack: () => void }) {
  const { api, id, me, text, language } = props;
  const styles = useStyles();
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    api.get(id).then(setReview, (e: unknown) => setError(e instanceof ApiError && e.status === 404 ? text.notAvailable : describeError(e)));
  }, [api, id, text]);

  if (error && !review) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="detail-error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!review) return <Spinner size="small" />;

  const { exposure, files, others } = findingsView(review.findings);
  const allTicked = review.checks.every((check) => acknowledged.has(check.key));
  const mine = review.reviewer === me && review.status === "pending";

  const decide = async (decision: "approve" | "reject") => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.decide(review.id, { decision, comment: comment.trim() || undefined, acknowledged: [...acknowledged] });
      setReview(result);
      setDone(text.decidedByYou(text.status[result.status]));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, list: Review["snapshot"]["to"]) => (
    <Text className={styles.address} data-testid={`field-${name.toLowerCase()}`}>
      <strong>{name}</strong> ({list.length}): {list.length ? list.map((r) => r.address).join(", ") : text.none}
    </Text>
  );

  return (
    <article className={styles.section} data-testid="request-detail" data-status={review.status}>
      <div className={styles.row}>
        <Button appearance="subtle" onClick={props.onBack} data-testid="back">
          {text.back}
        </Button>
        <Badge appearance="tint" data-testid="detail-status">
          {text.status[review.status]}
        </Badge>
      </div>
      <Text as="h2" size={500} weight="semibold" data-testid="detail-subject">
        {review.snapshot.subject || text.none}
      </Text>
      <Text>
        {text.from(review.senderName ? `${review.senderName} <${review.sender}>` : review.sender)} · {text.received(formatDateTime(review.createdAt, language))} · {text.expires(formatDateTime(review.expiresAt, language))}
      </Text>

      <section className={styles.section} aria-labelledby="risk-title">
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

      <section className={styles.section} aria-labelledby="note-title">
        <h3 id="note-title" className={styles.heading}>
          {text.noteTitle}
        </h3>
        <Text data-testid="sender-note">{review.note || text.noNote}</Text>
      </section>

      <section className={styles.section} aria-labelledby="message-title">
        <h3 id="message-title" className={styles.heading}>
          {text.messageTitle}
        </h3>
        {field("To", review.snapshot.to)}
        {field("CC", review.snapshot.cc)}
        {field("BCC", review.snapshot.bcc)}
        <Text>
          <strong>{text.attachments}</strong>: {review.snapshot.attachments.length ? review.snapshot.attachments.map((a) => `${a.name} (${a.size.toLocaleString()} B)`).join(", ") : text.none}
        </Text>
      </section>

      {mine && (
        <section className={styles.section} aria-labelledby="checks-title" data-testid="decision">
          <h3 id="checks-title" className={styles.heading}>
            {text.checksTitle}
          </h3>
          {review.checks.map((check) => (
            <Checkbox
              key={check.key}
              checked={acknowledged.has(check.key)}
              onChange={(_e, data) =>
                setAcknowledged((current) => {
                  const next = new Set(current);
                  if (data.checked) next.add(check.key);
                  else next.delete(check.key);
                  return next;
                })
              }
              label={checkLabel(check, review, text)}
              data-testid="ack"
              data-key={check.key}
            />
          ))}
          <Field label={text.commentLabel}>
            <Textarea value={comment} maxLength={2000} onChange={(_e, data) => setComment(data.value)} data-testid="comment" />
          </Field>
          {!allTicked && <Text size={200}>{text.approveHint}</Text>}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy || !allTicked} onClick={() => void decide("approve")} data-testid="approve">
              {text.approve}
            </Button>
            <Button disabled={busy} onClick={() => void decide("reject")} data-testid="reject">
              {text.reject}
            </Button>
          </div>
        </section>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="decided">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {review.status !== "pending" && review.comment && <Text>{text.comment(review.comment)}</Text>}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="decision-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </article>
  );
}

/** The reviewer's queue, kept current by Server-Sent Events. */
function Queue(props: { api: ReviewApi; text: ReviewText; language: Language; onOpen: (id: string) => void }) {
  const { api, text, language } = props;
  const styles = useStyles();
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.list("reviewer").then((r) => setReviews(r.reviews), (e: unknown) => setError(describeError(e))), [api]);
  useEffect(() => {
    void load();
    return api.subscribe(() => void load());
  }, [api, load]);
  if (error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!reviews) return <Spinner size="small" />;
  const pending = reviews.filter((r) => r.status === "pending");
  const decided = reviews.filter((r) => r.status !== "pending").slice(0, 20);
  const entry = (review: Review) => (
    <li key={review.id} className={styles.entry} data-testid="queue-item" data-id={review.id} data-status={review.status}>
      <div className={styles.entryText}>
        <div className={styles.item}>
          <Badge appearance="tint">{text.status[review.status]}</Badge>
          <Text weight="semibold">{review.snapshot.subject || text.none}</Text>
        </div>
        <Text size={200}>
          {text.from(review.senderName ?? review.sender)} · {formatDateTime(review.createdAt, language)}
        </Text>
        {/* What tells two requests with the same subject apart. */}
        <Text size={200} data-testid="queue-summary">
          {text.rowSummary(
            review.snapshot.to.length + review.snapshot.cc.length + review.snapshot.bcc.length,
            review.checks.length,
            review.note.length > NOTE_EXCERPT ? `${review.note.slice(0, NOTE_EXCERPT)}…` : review.note,
          )}
        </Text>
      </div>
      <Button size="small" onClick={() => props.onOpen(review.id)} aria-label={`${text.open}: ${review.snapshot.subject}`}>
        {text.open}
      </Button>
    </li>
  );
  return (
    <>
      <section className={styles.section} aria-labelledby="queue-title" data-testid="queue">
        <h2 id="queue-title" className={styles.heading}>
          {text.queueTitle} ({pending.length})
        </h2>
        {pending.length === 0 ? <Text>{text.queueEmpty}</Text> : <ul className={styles.queue}>{pending.map(entry)}</ul>}
      </section>
      {decided.length > 0 && (
        <section className={styles.section} aria-labelledby="decided-title">
          <h2 id="decided-title" className={styles.heading}>
            {text.decidedTitle}
          </h2>
          <ul className={styles.queue}>{decided.map(entry)}</ul>
        </section>
      )}
    </>
  );
}

/**
 * The reviewer's view, the same in the read-mode task pane and on the web page:
 * sign in, the queue, one request with the risky items first, acknowledge, decide.
 */
/** Who is signed in on a page or pane; the token is kept for this browser tab only (sessionStorage). */
export function useSignedInUser(api: ReviewApi) {
  const [me, setMe] = useState<string | null>(null);
  const [admin, setAdmin] = useState(false);
  const storage = useMemo(() => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined;
    }
  }, []);

  const adopt = useCallback(async () => {
    const session = await api.session();
    if (!session.user) throw new Error("not signed in");
    setMe(session.user.email);
    setAdmin(session.user.admin);
  }, [api]);

  useEffect(() => {
    const saved = storage?.getItem(TOKEN_KEY) ?? undefined;
    if (!saved) return;
    api.useToken(saved);
    adopt().catch(() => {
      api.useToken(undefined);
      storage?.removeItem(TOKEN_KEY);
    });
  }, [api, adopt, storage]);

  const signedIn = useCallback(() => {
    const token = api.currentToken;
    if (token) storage?.setItem(TOKEN_KEY, token);
    void adopt();
  }, [api, adopt, storage]);

  const signOut = useCallback(() => {
    api.useToken(undefined);
    storage?.removeItem(TOKEN_KEY);
    setMe(null);
    setAdmin(false);
  }, [api, storage]);

  return { me, admin, signedIn, signOut };
}

/** Who is signed in, and the way out. */
export function SignedInBar(props: { me: string; text: ReviewText; onSignOut: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Text data-testid="signed-in-as">{props.text.signedInAs(props.me)}</Text>
      <Button appearance="subtle" size="small" onClick={props.onSignOut} data-testid="sign-out">
        {props.text.signOut}
      </Button>
    </div>
  );
}

export function ReviewerView(props: { api: ReviewApi; language: Language; suggestedUser?: string | undefined; title: string }) {
  const { api, language } = props;
  const text = REVIEW_TEXT[language];
  const styles = useStyles();
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
        <SignIn
          api={api}
          text={text}
          suggested={props.suggestedUser}
          onSignedIn={signedIn}
        />
      )}
    </main>
  );
}
