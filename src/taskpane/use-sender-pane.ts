import { useCallback, useEffect, useRef, useState } from "react";
import { evaluate, formatPolicyErrors, type Policy } from "../policy";
import { addedAttachmentKey } from "../attachments/cache";
import type { AlertContext, Draft, Evaluation, SendContext } from "../shared/types";
import type { PaneHost } from "./host";
import { inspectNewAttachments } from "./pane-inspection";

export interface Checked {
  draft: Draft;
  policy: Policy;
  /** What is known beyond the message (how it started), as Send will know it. */
  context: SendContext;
  evaluation: Evaluation;
}

export interface SenderPaneState {
  /** The latest evaluation of the live draft; kept on screen while a re-check runs. */
  checked: Checked | null;
  /** Why the draft or the policy could not be read. */
  error: string | null;
  busy: boolean;
  /** The Smart Alert's context when the pane was opened from it. */
  alert: AlertContext | null;
}

/** Milliseconds to wait after a change event before re-reading, so a burst of edits reads once. */
const SETTLE_MS = 120;

/**
 * Reads and evaluates the live draft, and again whenever recipients or
 * attachments change or the Smart Alert hands over new context. Reads that
 * finish out of order never overwrite a newer result.
 */
export function useSenderPane(host: PaneHost) {
  const [state, setState] = useState<SenderPaneState>({ checked: null, error: null, busy: true, alert: null });
  const latest = useRef(0);
  const inspecting = useRef(false);
  /** Files reported as added since the last inspection: read again whatever the item's cache says. */
  const added = useRef(new Set<string>());

  const refresh = useCallback(async (): Promise<Checked | null> => {
    const run = ++latest.current;
    setState((s) => ({ ...s, busy: true }));
    try {
      const [draft, policy, context] = await Promise.all([host.readDraft(), host.readPolicy(), host.readContext()]);
      if (!policy.ok) throw new Error(formatPolicyErrors(policy.errors));
      const checked = { draft, policy: policy.policy, context, evaluation: evaluate(draft, policy.policy, context) };
      if (run === latest.current) setState((s) => ({ ...s, checked, error: null, busy: false }));
      // New attachments are inspected now, not at Send; their findings come with the next evaluation.
      if (!inspecting.current) {
        inspecting.current = true;
        const invalidated = new Set(added.current);
        added.current.clear();
        inspectNewAttachments(host, draft, policy.policy, invalidated).then(
          (stored) => {
            inspecting.current = false;
            if (stored) void refresh();
          },
          () => {
            inspecting.current = false;
            for (const key of invalidated) added.current.add(key);
          },
        );
      }
      return checked;
    } catch (error) {
      if (run === latest.current) setState((s) => ({ ...s, error: (error as Error)?.message ?? String(error), busy: false }));
      return null;
    }
  }, [host]);

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stops: (() => Promise<void>)[] = [];
    const keep = (stop: (() => Promise<void>) | null) => {
      if (!stop) return;
      if (disposed) void stop().catch(() => undefined);
      else stops.push(stop);
    };

    void refresh();
    void host.readAlertContext().then((alert) => !disposed && setState((s) => ({ ...s, alert })));
    host
      .watchDraft((args) => {
        const key = addedAttachmentKey(args);
        if (key !== undefined) added.current.add(key);
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), SETTLE_MS);
      })
      .then(keep, () => undefined);
    host
      .watchAlertContext((alert) => {
        if (disposed) return;
        setState((s) => ({ ...s, alert }));
        void refresh();
      })
      .then(keep, () => undefined);

    return () => {
      disposed = true;
      clearTimeout(timer);
      for (const stop of stops) void stop().catch(() => undefined);
    };
  }, [host, refresh]);

  return { state, refresh };
}
