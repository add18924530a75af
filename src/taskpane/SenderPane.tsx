import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { approvable } from "../approval/decide";
import { CATALOGS, describeFinding, PANE_TEXT, REVIEW_TEXT, type Language, type PaneText } from "../i18n";
import type { Finding } from "../shared/types";
import { FlaggedFiles } from "../ui/FlaggedFiles";
import type { Notice } from "../ui/notice";
import type { ReviewClient } from "../ui/review-api";
import { findingsView } from "../views/findings";
import { groupRecipients } from "../views/recipient-groups";
import { ExposureSection } from "./components/ExposureSection";
import { FromAlert } from "./components/FromAlert";
import { SenderConfirm } from "./components/SenderConfirm";
import { VerdictBanner } from "./components/VerdictBanner";
import type { PaneHost } from "./host";
import { approvalStatus, type ApprovalStatus } from "./review/approval-status";
import { RequestReview } from "./review/RequestReview";
import { MemorySection } from "./components/MemorySection";
import { refreshMemory, syncMemory } from "./memory-sync";
import { fixesOf, RecipientFixes } from "./components/RecipientFixes";
import { useReviewRequest } from "./review/use-review-request";
import { useSenderPane, type Checked } from "./use-sender-pane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  other: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Marks the first evaluation on screen, so benchmarks (and browser tools) can time it. */
function useFirstRenderMark(ready: boolean) {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark?.("sendguard:first-render");
  }, [ready]);
}

/** A message shown after an action, focused so that screen readers announce it. */
function NoticeArea(props: { notice: Notice | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.notice) ref.current?.focus();
  }, [props.notice]);
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite" data-testid="notice">
      {props.notice && (
        <MessageBar intent={props.notice.intent} layout="multiline">
          <MessageBarBody>{props.notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The verdict on the live message, or, when an approval holds for exactly this message, that it may be sent. */
function PaneVerdict(props: { checked: Checked; approval: ApprovalStatus; language: Language; confirmHere: boolean }) {
  const text = PANE_TEXT[props.language];
  const { approval } = props;
  if (approval.kind === "holds") {
    return (
      <MessageBar intent="success" layout="multiline" data-testid="verdict" data-verdict="approved">
        <MessageBarBody>
          <MessageBarTitle>{text.approvedTitle(approval.review.reviewerName ?? approval.review.reviewer)}</MessageBarTitle> {text.approvedHelp}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const verdict = props.checked.evaluation.verdict;
  return <VerdictBanner verdict={verdict} label={CATALOGS[props.language].verdictLabel[verdict]} help={props.confirmHere ? text.confirmHere.help : text.verdictHelp[verdict]} />;
}

/** With several addresses to fix, a lead sentence; each address then stands once, beside its fix. */
function leadOf(finding: Finding, text: PaneText): string | undefined {
  const fixes = fixesOf(finding);
  if (fixes.length < 2) return undefined;
  return finding.code === "lookalike-domain" || finding.code === "first-time-recipient" || finding.code === "new-domain-in-reply" ? text.wrongLead[finding.code] : undefined;
}

/** Findings that are neither the exposure nor about a file, in words, with the one-click fix where there is one. */
function OtherFindings(props: { findings: Finding[]; title: string; id: string; language: Language; host: PaneHost; onNotice: (notice: Notice) => void; onChanged: () => void }) {
  const styles = useStyles();
  const text = PANE_TEXT[props.language];
  return (
    <section className={styles.section} aria-labelledby={props.id} data-testid={props.id === "wrong-title" ? "wrong-recipients" : "other-findings"}>
      <h2 id={props.id} className={styles.heading}>
        {props.title}
      </h2>
      <ul className={styles.other}>
        {props.findings.map((finding) => (
          <li key={finding.code} data-code={finding.code}>
            <Text>{leadOf(finding, text) ?? describeFinding(finding, props.language)}</Text>
            <RecipientFixes fixes={fixesOf(finding)} host={props.host} text={text} onNotice={props.onNotice} onChanged={props.onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The sender's view: what would leak and to whom, the fixes, and the verdict after each change. */
export function SenderPane(props: { host: PaneHost; api: ReviewClient; language: Language }) {
  const { host, language } = props;
  const styles = useStyles();
  const text = PANE_TEXT[language];
  const catalog = CATALOGS[language];
  const { state, refresh } = useSenderPane(host);
  const review = useReviewRequest(props.api, host, state.checked);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Read once, and again after the server's copy was brought in: the memory changes only when a
  // message goes out (another compose window), is cleared here, or is synced.
  const [memoryCounts, setMemoryCounts] = useState(() => host.memoryCounts());
  const [memoryGeneration, setMemoryGeneration] = useState(0);
  const signedIn = review.state.phase === "ready";
  const policyForMemory = state.checked?.policy;
  const memoryRefreshed = useRef(false);
  useEffect(() => {
    if (!signedIn || !policyForMemory || memoryRefreshed.current) return;
    memoryRefreshed.current = true;
    void refreshMemory(props.api, host, policyForMemory).then(
      (changed) => {
        if (!changed) return;
        setMemoryCounts(host.memoryCounts());
        setMemoryGeneration((n) => n + 1);
        void refresh();
      },
      () => undefined,
    );
  }, [signedIn, policyForMemory, props.api, host, refresh]);
  useFirstRenderMark(state.checked !== null);

  const checked = state.checked;
  const findings = checked?.evaluation.findings ?? [];
  const { exposure, files, others: rest } = findingsView(findings);
  // A mistyped address is fixed first: moving it to BCC would still send to the wrong person.
  const wrong = rest.filter((f) => fixesOf(f).length > 0);
  const others = rest.filter((f) => fixesOf(f).length === 0);
  // The same groups the intro counts and the list shows: the two always agree.
  const groups = checked && exposure ? groupRecipients(checked.draft, checked.policy).groups : [];
  const approval = checked ? approvalStatus(review.state.review, checked.evaluation) : { kind: "none" as const };
  const changed = () => void refresh();
  // No Send Anyway on this client's alert: a confirm verdict is confirmed here instead.
  const confirmHere = checked?.evaluation.verdict === "confirm" && approval.kind !== "holds" && host.alertClient() === "basic";

  return (
    <main className={styles.root} aria-busy={state.busy}>
      <Text as="h1" size={500} weight="semibold">
        {text.title}
      </Text>
      {/* Once approved, "Send Guard stopped this message" is history: the banner below says what to do now. */}
      {state.alert && approval.kind !== "holds" && <FromAlert alert={state.alert} text={text} catalog={catalog} />}
      <NoticeArea notice={notice} />
      {state.error && (
        <MessageBar intent="error" layout="multiline" data-testid="load-error">
          <MessageBarBody>
            {text.loadFailed} {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!checked && state.busy && <Spinner size="small" label={text.checking} />}
      {checked && (
        <>
          <PaneVerdict checked={checked} approval={approval} language={language} confirmHere={confirmHere} />
          {wrong.length > 0 && (
            <OtherFindings findings={wrong} title={text.wrongRecipientsTitle} id="wrong-title" language={language} host={host} onNotice={setNotice} onChanged={changed} />
          )}
          {exposure && (
            <ExposureSection
              evidence={exposure.evidence}
              groups={groups}
              host={host}
              draft={checked.draft}
              policy={checked.policy}
              context={checked.context}
              text={text}
              catalog={catalog}
              onNotice={setNotice}
              onChanged={changed}
            />
          )}
          {files.length > 0 && (
            <section className={styles.section} aria-labelledby="files-title">
              <h2 id="files-title" className={styles.heading}>
                {text.attachmentsTitle}
              </h2>
              <FlaggedFiles
                files={files}
                text={text}
                language={language}
                removal={{ attachments: checked.draft.attachments, remove: (id) => host.removeAttachment(id), onNotice: setNotice, onChanged: changed }}
              />
            </section>
          )}
          {others.length > 0 && <OtherFindings findings={others} title={text.otherTitle} id="other-title" language={language} host={host} onNotice={setNotice} onChanged={changed} />}
          {findings.length === 0 && <Text data-testid="no-findings">{text.noFindings}</Text>}
          {confirmHere && <SenderConfirm evaluation={checked.evaluation} host={host} text={text} onNotice={setNotice} />}
          {approvable(checked.evaluation.verdict) && (
            <RequestReview review={review} checked={checked} text={REVIEW_TEXT[language]} language={language} refusedAtSend={state.alert?.approval} />
          )}
        </>
      )}
      <div className={styles.row}>
        <Button onClick={changed} disabled={state.busy} data-testid="refresh">
          {state.error && !checked ? text.retry : text.refresh}
        </Button>
        {checked && state.busy && <Spinner size="extra-tiny" aria-label={text.checking} />}
      </div>
      {checked && (
        <MemorySection
          key={memoryGeneration}
          counts={memoryCounts}
          enabled={checked.policy.memory.enabled}
          text={text}
          onNotice={setNotice}
          clear={() =>
            host.clearMemory().then(() => {
              void refresh();
              // The cleared copy is newer than the server's: it replaces it there too.
              if (signedIn) void syncMemory(props.api, host).catch(() => undefined);
            })
          }
        />
      )}
    </main>
  );
}
