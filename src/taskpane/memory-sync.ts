import { CorrespondenceMemory, reconcileMemories } from "../memory/correspondence";
import type { ReviewClient } from "../ui/review-api";
import type { PaneHost } from "./host";

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
