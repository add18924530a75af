/**
 * Characters PostgreSQL cannot store, in `text` or `jsonb`, on either engine (PGlite is
 * PostgreSQL): the NUL character U+0000 ("invalid byte sequence for encoding UTF8: 0x00";
 * in jsonb "unsupported Unicode escape sequence"), and a UTF-16 surrogate without its pair
 * (U+D800–U+DFFF alone), which is not a character at all: in jsonb PostgreSQL refuses it,
 * in text the driver silently turns it into U+FFFD, changing what was sent. Every other
 * code point, including controls, U+FEFF and U+FFFF, is stored as it is (checked on both
 * engines by test/server/request-text.test.ts).
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnstorableText {
  /** Where in the request: `snapshot.cc.3.name`, `(key) snapshot.x`, `person`. */
  path: string;
  message: string;
}

function describe(text: string): string {
  return text.match(UNSTORABLE)?.[0] === "\u0000" ? "contains a NUL character (U+0000)" : "contains an unpaired surrogate (U+D800–U+DFFF), which is not a character";
}

/** Every string (and object key) in a parsed request that PostgreSQL could not store; empty when there is none. */
export function unstorableText(value: unknown, path: string[] = [], found: UnstorableText[] = []): UnstorableText[] {
  if (found.length >= 20) return found;
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) found.push({ path: path.join(".") || "(body)", message: describe(value) });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableText(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push({ path: `(key) ${[...path, key.replace(UNSTORABLE, "?")].join(".")}`, message: describe(key) });
      unstorableText(item, [...path, key], found);
    }
  }
  return found;
}

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
