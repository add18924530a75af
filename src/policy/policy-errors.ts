import type { PolicyError } from "./policy";

/** Policy errors as one line, `path message; …` (kept apart from the schemas, which the send handler loads only when it must validate). */
export function formatPolicyErrors(errors: readonly PolicyError[]): string {
  return errors.map((error) => `${error.path} ${error.message}`).join("; ");
}
