import type * as Tldts from "tldts-icann";

/**
 * The public suffix list (tldts-icann, ICANN section), loaded the first time a domain needs it.
 * Loading it builds the library's label hashes over the whole list, which in a freshly started
 * runtime (classic Outlook starts one per Send) took about 2 ms; a message to our own domains
 * and mail services only (the usual Send) never asks for a registrable domain, so it never pays
 * for that. The package's single-file build is required, so that webpack bundles it as one
 * module evaluated on first call (the library's modules as separate lazily evaluated modules
 * reached each other through accessors, which made its start-up loop several times slower).
 * Node (CLI, server, tests) requires the same file.
 */
let library: typeof Tldts | undefined;

function tldts(): typeof Tldts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above); `import()` would make every caller asynchronous
  return (library ??= require("tldts-icann/dist/index.cjs.min.js") as typeof Tldts);
}

/** The registrable domain (`acme.co.jp` for `mail.acme.co.jp`), or null when the list has none (an IP, a bare suffix). */
export function registrableDomainOf(domain: string): string | null {
  return tldts().getDomain(domain);
}

/** The public suffix (`co.jp`), or null. */
export function publicSuffixOf(domain: string): string | null {
  return tldts().getPublicSuffix(domain);
}
