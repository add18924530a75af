/** Public surface of attachment content inspection (pure: bytes in, findings out). */
// First: the ZIP reader needs a TextDecoder as it loads (see runtime-shims.ts).
import "./runtime-shims";
export { inspectFile, type InspectionResult } from "./inspect";
export { toInspection, limitsOf } from "./summary";
export { DEFAULT_LIMITS, type InspectLimits, type UnscannableReason } from "./limits";
export { isValidMyNumber, passesLuhn } from "./cell";
export { detect, type Detection, type Sheet } from "./detect";
