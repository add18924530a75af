/**
 * Built-in consumer / free-mail / mobile-carrier domains. An address at one of these
 * (or a subdomain, e.g. ISP mailboxes like `abc.biglobe.ne.jp`) is its own party:
 * two parents on gmail.com do not know each other. Policies add to this list with
 * `consumerDomains` and may switch it off with `builtInConsumerDomains: false`.
 */
export const BUILT_IN_CONSUMER_DOMAINS: readonly string[] = [
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
