import { CorrespondenceMemory, reconcileMemories } from "../memory/correspondence";
import type { Policy } from "../policy";
import type { ReviewClient } from "../ui/review-api";
import type { PaneHost } from "./host";
import { learnFromInbox } from "./inbox-learning";

export type MemorySyncOutcome = "none" | "same" | "pulled" | "pushed" | "merged";

/**
 * Makes the mailbox's memory and the review server's copy one, once the pane is signed in:
 * a new device or a cleared mailbox starts from the server's copy; what this mailbox learned
 * goes up; copies with the same salt are merged, otherwise the more recent wins (a clear
 * included). Best effort: a failure leaves both as they were.
 */
export async function syncMemory(api: Pick<ReviewClient, "getMemory" | "putMemory">, host: Pick<PaneHost, "readMemoryValue" | "writeMemoryValue">): Promise<MemorySyncOutcome> {
  const local = CorrespondenceMemory.decode(host.readMemoryValue());
  const { memory } = await api.getMemory();
  const server = memory ? CorrespondenceMemory.decode(memory) : undefined;
  const { result, toLocal, toServer } = reconcileMemories(local, server);
  if (!result) return "none";
  if (toLocal) await host.writeMemoryValue(result.encode());
  if (toServer) await api.putMemory(result.encode());
  return toLocal && toServer ? "merged" : toLocal ? "pulled" : toServer ? "pushed" : "same";
}

/**
 * Once signed in: what received mail teaches (Microsoft Graph, when the policy asks for it and
 * the organisation's provider gives a token silently), then the server's copy reconciled.
 * True when the mailbox's memory changed (the pane judges again).
 */
export async function refreshMemory(api: Pick<ReviewClient, "getMemory" | "putMemory" | "session">, host: Pick<PaneHost, "readMemoryValue" | "writeMemoryValue" | "tokenRequester">, policy: Policy): Promise<boolean> {
  let learned = false;
  if (policy.memory.inbox) {
    const client = (await api.session().catch(() => undefined))?.signIn.oidc;
    if (client) {
      const outcome = await learnFromInbox({ policy, requester: host.tokenRequester(client), host }).catch(() => undefined);
      learned = outcome?.kind === "learned" && outcome.changed;
    }
  }
  const synced = await syncMemory(api, host);
  return learned || synced === "pulled" || synced === "merged";
}
