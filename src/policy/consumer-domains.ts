/**
 * Consumer / free-mail / home-ISP / mobile-carrier domains. An address at one of these (or a
 * subdomain: ISP mailboxes like `abc.biglobe.ne.jp`, `houston.rr.com`) is its own party: two
 * parents on gmail.com do not know each other. The built-in set is the `email-providers`
 * package (about 8,800 provider domains, maintained from the goware list) plus the Japanese
 * carriers and ISPs below, which it lacks. Policies add to it with `consumerDomains` and may
 * switch it off with `builtInConsumerDomains: false`.
 */
export const JAPANESE_CONSUMER_DOMAINS: readonly string[] = [
  // Japanese mobile carriers (including MVNO and legacy carrier mail)
  "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "disney.ne.jp",
  "ymobile.ne.jp", "ymobile1.ne.jp", "y-mobile.ne.jp", "emobile.ne.jp", "willcom.com", "pdx.ne.jp",
  "uqmobile.jp", "rakumail.jp", "mineo.jp", "dwmail.jp", "vodafone.ne.jp",
  // Japanese free mail and ISP mailboxes
  "yahoo.co.jp", "ymail.ne.jp", "outlook.jp", "hotmail.co.jp", "live.jp", "msn.jp", "nifty.com",
  "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp", "plala.or.jp", "odn.ne.jp", "dion.ne.jp", "ybb.ne.jp",
  "infoseek.jp", "excite.co.jp", "goo.jp", "mail.goo.ne.jp", "zoho.jp", "eonet.ne.jp", "tnc.ne.jp",
  "kcn.ne.jp", "jcom.home.ne.jp", "jcom.zaq.ne.jp", "zaq.ne.jp", "commufa.jp", "bbiq.jp", "asahi-net.or.jp",
  "gol.com", "livedoor.com", "ic-net.or.jp", "wakwak.com", "mopera.net", "spmode.ne.jp", "rakuten.jp",
  // International free mail
  "gmail.com", "googlemail.com", "icloud.com", "me.com", "mac.com", "outlook.com", "hotmail.com",
  "live.com", "msn.com", "yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "proton.me",
  "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "zoho.com",
  "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "naver.com", "daum.net",
  "hanmail.net", "tutanota.com", "fastmail.com",
];

/**
 * The provider list as one string, sorted by UTF-16 code units and joined by newlines: what the
 * add-in bundles hold (scripts/domain-list-loader.js makes it at build time, so a fresh runtime
 * parses no array and builds no set), and what Node (CLI, server, tests), which reads the
 * package's JSON array, makes on first use. Loaded on first use too: a message to our own
 * domains only never looks a provider up, and a fresh runtime then never evaluates the text.
 */
let providers: string | undefined;
function providerLines(): string {
  if (providers === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
    const raw: unknown = require("email-providers/all.json");
    providers = typeof raw === "string" ? raw : [...new Set((raw as string[]).map((d) => d.toLowerCase()))].sort().join("\n");
  }
  return providers;
}

/** True when `key` is one of the lines of `lines` (sorted by UTF-16 code units, newline-separated): a binary search over the text. */
export function inSortedLines(lines: string, key: string): boolean {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = lines.lastIndexOf("\n", mid - 1) + 1;
    let end = lines.indexOf("\n", start);
    if (end < 0 || end > hi) end = hi;
    const line = lines.slice(start, end);
    if (line === key) return true;
    if (line < key) lo = end + 1;
    else hi = start - 1;
  }
  return false;
}

let japanese: Set<string> | undefined;

function isListed(domain: string): boolean {
  japanese ??= new Set(JAPANESE_CONSUMER_DOMAINS);
  return japanese.has(domain) || inSortedLines(providerLines(), domain);
}

/** How many domains the built-in set holds (the README and the tests quote it). */
export function builtInConsumerDomainCount(): number {
  const all = new Set(providerLines().split("\n"));
  for (const domain of JAPANESE_CONSUMER_DOMAINS) all.add(domain);
  return all.size;
}

/** True when `domain` (normalised ASCII) or a parent domain of it is a built-in consumer domain. */
export function isBuiltInConsumerDomain(domain: string): boolean {
  for (let at = -1; ; ) {
    const candidate = at < 0 ? domain : domain.slice(at + 1);
    if (isListed(candidate)) return true;
    at = domain.indexOf(".", at + 1);
    if (at < 0) return false;
  }
}
