import type { AttachmentInspection } from "../shared/types";
import type { InspectionResult } from "./inspect";
import { DEFAULT_LIMITS, type InspectLimits } from "./limits";

/** The policy's inspection section as inspector limits. */
export function limitsOf(policy: Partial<InspectLimits> | undefined): InspectLimits {
  return { ...DEFAULT_LIMITS, ...policy };
}

/** What the engine keeps of an inspection: counts, headers, masked samples, the distinct addresses (local only), reasons. */
export function toInspection(result: InspectionResult): AttachmentInspection {
  switch (result.status) {
    case "skipped":
      return { status: "skipped" };
    case "unscannable":
      return { status: "unscannable", reason: result.reason };
    case "inspected": {
      const counts = Object.fromEntries(Object.entries(result.detection.counts).filter(([, n]) => n > 0));
      return {
        status: "inspected",
        counts,
        headers: result.detection.headers,
        samples: result.detection.samples,
        addresses: result.detection.emails,
        ...(result.unreadable.length ? { unreadable: result.unreadable } : {}),
      };
    }
  }
}
