/** Public surface of attachment content inspection (pure: bytes in, findings out). */
export { inspectFile, type InspectionResult } from "./inspect";
export { toInspection, limitsOf } from "./summary";
export { DEFAULT_LIMITS, type InspectLimits, type UnscannableReason } from "./limits";
export { detect, isValidMyNumber, passesLuhn, type Detection, type Sheet } from "./detect";
