import { useCallback, useEffect, useRef, useState } from "react";
import { fingerprint, sameAddress } from "../../policy";
import { draftSnapshot } from "../../approval/snapshot";
import type { Review, ReviewerOption } from "../../api/contract";
import { APPROVAL_SESSION_KEY, REVIEW_SESSION_KEY } from "../../shared/session-keys";
import type { Checked } from "../use-sender-pane";
import type { PaneHost } from "../host";
import { draftForReview } from "../pane-inspection";
import { describeError } from "../../api/error";
import type { ReviewClient } from "../../ui/review-api";
import { signInInteractively, signInSilently, type OidcClient } from "../../ui/sign-in";

export type ReviewPhase = "connecting" | "sign-in" | "unavailable" | "ready";

const NOT_LISTED = Symbol("not listed");

export interface ReviewRequestState {
  phase: ReviewPhase;
  /** Why the service cannot be used: "oidc-only", "offline", or a server message. */
  problem?: string | undefined;
  reviewers: ReviewerOption[];
  /** The reviewers are listed for the mailbox the message is now from (until then the form waits, rather than say there are none). */
  listed: boolean;
  review?: Review | undefined;
  busy: boolean;
  error?: string | undefined;
}

/** How far the pane got signing in on its own (no click). */
type Access = { phase: "ready" } | { phase: "sign-in"; problem: string; client: OidcClient } | { phase: "unavailable"; problem: string };

/**
 * Signs the pane in without asking the sender: development sign-in as the mailbox user, or
 * the organisation's provider silently. Says when a click is needed or why the service cannot
 * be used (a server with no sign-in: "no-sign-in"; otherwise the reason in words).
 */
async function signInQuietly(api: ReviewClient, host: Pick<PaneHost, "userEmail" | "tokenRequester">): Promise<Access> {
  try {
    const session = await api.session();
    if (session.signIn.dev) {
      // Development sign-in: the pane is the mailbox user.
      const email = host.userEmail();
      if (!email) throw new Error("Outlook did not say who is signed in");
      await api.devSignIn(email);
      return { phase: "ready" };
    }
    const client = session.signIn.oidc;
    if (!client) return { phase: "unavailable", problem: "no-sign-in" };
    const silent = await signInSilently(host.tokenRequester(client), client);
    if (!silent.ok) return { phase: "sign-in", problem: silent.reason, client };
    api.useToken(silent.token);
    return { phase: "ready" };
  } catch (error) {
    return { phase: "unavailable", problem: describeError(error) };
  }
}

/**
 * The sender's side of a review: sign in to the review service, offer the
 * reviewers the policy allows, send the request with a snapshot of exactly
 * what will be sent, follow its status live, and keep the approval token on
 * the item (sessionData) for the send handler, which verifies it offline.
 */
export function useReviewRequest(api: ReviewClient, host: PaneHost, checked: Checked | null) {
  const [state, setState] = useState<ReviewRequestState>({ phase: "connecting", reviewers: [], listed: false, busy: false });
  const reviewId = useRef<string | undefined>(undefined);
  /** A pending request the next one replaces (the message changed while it waited): the server cancels it. */
  const replacing = useRef<string | undefined>(undefined);

  /** Applies a review's state: the approval token goes onto the item only while the request is approved. */
  const adopt = useCallback(
    async (review: Review) => {
      reviewId.current = review.id;
      setState((s) => ({ ...s, review, error: undefined }));
      if (review.status === "approved" && review.approvalToken) await host.writeItemValue(APPROVAL_SESSION_KEY, review.approvalToken);
      else await host.removeItemValue(APPROVAL_SESSION_KEY).catch(() => undefined);
    },
    [host],
  );

  const stopEvents = useRef<(() => void) | undefined>(undefined);
  const oidc = useRef<OidcClient | undefined>(undefined);

  // Sent from a shared mailbox (From is not the signed-in person): that mailbox's reviewers apply.
  const from = checked?.draft.from;
  const user = host.userEmail();
  const sharedFrom = from && user && !sameAddress(from, user) ? from : undefined;
  // Which mailbox the reviewer list is for; NOT_LISTED until the message has been read (From is known).
  const listedFor = useRef<string | undefined | typeof NOT_LISTED>(NOT_LISTED);
  const draftKnown = checked !== null;

  /** Once signed in: live events and the request already made for this item (the reviewers follow, for the mailbox the message is from). */
  const connect = useCallback(async () => {
    listedFor.current = NOT_LISTED;
    const savedId = await host.readItemValue(REVIEW_SESSION_KEY);
    setState((s) => ({ ...s, phase: "ready", problem: undefined, listed: false }));
    stopEvents.current?.();
    stopEvents.current = api.subscribe((event) => {
      if (event.id !== reviewId.current) return;
      void api.get(event.id).then(adopt, () => undefined);
    });
    if (savedId) await api.get(savedId).then(adopt, () => undefined);
  }, [api, host, adopt]);

  // The reviewers of the mailbox the message goes out from, listed again when the sender switches From.
  const ready = state.phase === "ready";
  useEffect(() => {
    if (!ready || !draftKnown || listedFor.current === sharedFrom) return;
    listedFor.current = sharedFrom;
    setState((s) => ({ ...s, listed: false }));
    void api.reviewers(sharedFrom).then(
      ({ reviewers }) => {
        // A later switch of From asked again: only the latest list counts.
        if (listedFor.current === sharedFrom) setState((s) => ({ ...s, reviewers, listed: true }));
      },
      (error: unknown) => setState((s) => ({ ...s, error: describeError(error) })),
    );
  }, [api, ready, draftKnown, sharedFrom]);

  useEffect(() => {
    let disposed = false;
    void (async () => {
      const access = await signInQuietly(api, host);
      if (disposed) return;
      if (access.phase === "sign-in") oidc.current = access.client;
      if (access.phase !== "ready") {
        setState((s) => ({ ...s, phase: access.phase, problem: access.problem }));
        return;
      }
      try {
        await connect();
      } catch (error) {
        if (!disposed) setState((s) => ({ ...s, phase: "unavailable", problem: describeError(error) }));
      }
    })();
    return () => {
      disposed = true;
      stopEvents.current?.();
    };
  }, [api, host, connect]);

  /** Interactive sign-in (from a click), when the silent one was not enough. */
  const signIn = useCallback(async () => {
    const client = oidc.current;
    if (!client) return;
    setState((s) => ({ ...s, busy: true, error: undefined }));
    try {
      api.useToken(await signInInteractively(host.tokenRequester(client), client));
      await connect();
    } catch (error) {
      setState((s) => ({ ...s, error: describeError(error) }));
    } finally {
      setState((s) => ({ ...s, busy: false }));
    }
  }, [api, host, connect]);

  const request = useCallback(
    async (reviewer: string, note: string, language: "ja" | "en") => {
      if (!checked) return;
      setState((s) => ({ ...s, busy: true, error: undefined }));
      try {
        // Read again: the request must describe the message as it is now, its files inspected.
        const draft = await draftForReview(host, checked.policy);
        const from = draft.from ?? host.userEmail() ?? "";
        const review = await api.create({
          snapshot: draftSnapshot(draft, from, checked.context),
          fingerprint: fingerprint(draft),
          reviewer,
          note: note.trim() || undefined,
          language,
          replaces: replacing.current,
        });
        replacing.current = undefined;
        await host.writeItemValue(REVIEW_SESSION_KEY, review.id);
        await adopt(review);
      } catch (error) {
        setState((s) => ({ ...s, error: describeError(error) }));
      } finally {
        setState((s) => ({ ...s, busy: false }));
      }
    },
    [api, host, checked, adopt],
  );

  const cancel = useCallback(async () => {
    const id = reviewId.current;
    if (!id) return;
    setState((s) => ({ ...s, busy: true, error: undefined }));
    try {
      await adopt(await api.cancel(id));
    } catch (error) {
      setState((s) => ({ ...s, error: describeError(error) }));
    } finally {
      setState((s) => ({ ...s, busy: false }));
    }
  }, [api, adopt]);

  /**
   * Starts over: the old request stays in the audit trail; the pane offers a new one. A request
   * still pending is replaced by the new one (the reviewer's queue then holds only the new one).
   */
  const reset = useCallback(async () => {
    replacing.current = state.review?.status === "pending" ? state.review.id : undefined;
    reviewId.current = undefined;
    await host.removeItemValue(REVIEW_SESSION_KEY).catch(() => undefined);
    await host.removeItemValue(APPROVAL_SESSION_KEY).catch(() => undefined);
    setState((s) => ({ ...s, review: undefined, error: undefined }));
  }, [host, state.review]);

  return { state, request, cancel, reset, signIn };
}
