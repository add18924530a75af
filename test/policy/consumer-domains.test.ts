/**
 * Individuals recognised from a maintained list: consumer, free-mail and home-ISP domains
 * (the email-providers package) plus the Japanese carriers and ISPs, subdomains included.
 */
import { builtInConsumerDomainCount, evaluate, isBuiltInConsumerDomain, JAPANESE_CONSUMER_DOMAINS } from "../../src/policy";
import { classifyRecipients } from "../../src/policy/recipients";
import { draftOf, policyOf } from "../support/drafts";

const kindOf = (address: string, file: Record<string, unknown> = {}) => classifyRecipients(draftOf({ to: [address] }), policyOf(file))[0]?.party?.kind;

describe("individuals: each address is its own party", () => {
  test.each([
    // Home ISPs and old free mail abroad (the examples; houston.rr.com through rr.com)
    "t-online.de", "swbell.net", "earthlink.net", "houston.rr.com", "juno.com", "comcast.net", "sbcglobal.net", "att.net", "verizon.net",
    "gmx.de", "web.de", "orange.fr", "free.fr", "mail.ru", "qq.com", "163.com", "naver.com",
    // Japanese carriers and ISPs (ours: the package lacks most of them)
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "i.softbank.jp", "nifty.com", "ocn.ne.jp", "so-net.ne.jp", "plala.or.jp", "dion.ne.jp",
    "abc.biglobe.ne.jp", "gmail.com", "yahoo.co.jp", "icloud.com", "outlook.jp",
  ])("%s", (domain) => {
    expect(isBuiltInConsumerDomain(domain)).toBe(true);
    expect(kindOf(`someone@${domain}`)).toBe("individual");
  });

  test("upper case and a trailing dot are the same domain", () => {
    expect(kindOf("Someone@Houston.RR.com.")).toBe("individual");
  });
});

describe("organisations stay organisations", () => {
  test.each([
    "nec.co.jp", "ntt.co.jp", "sony.co.jp", "u-tokyo.ac.jp", "city.yokohama.lg.jp", "microsoft.com", "amazon.com",
    "tenant.onmicrosoft.com", "example.sakura.ne.jp", "acme.co.jp", "gmail.com.evil.jp", "notgmail.com", "mail.example.co.jp",
  ])("%s", (domain) => {
    expect(isBuiltInConsumerDomain(domain)).toBe(false);
    expect(kindOf(`someone@${domain}`)).toBe("organization");
  });
});

test("the built-in set is the package plus the Japanese list, several thousand domains", () => {
  const count = builtInConsumerDomainCount();
  expect(count).toBeGreaterThan(8000);
  expect(count).toBeGreaterThanOrEqual(JAPANESE_CONSUMER_DOMAINS.length);
});

test("builtInConsumerDomains: false leaves only the policy's own list", () => {
  expect(kindOf("someone@t-online.de", { builtInConsumerDomains: false })).toBe("organization");
  expect(kindOf("someone@school-parents.jp", { builtInConsumerDomains: false, consumerDomains: ["school-parents.jp"] })).toBe("individual");
});

test("two home-ISP customers at the same provider do not know each other: a small set, not one organisation", () => {
  const evaluation = evaluate(draftOf({ to: ["a@swbell.net", "b@swbell.net"] }), policyOf());
  expect(evaluation.findings.map((f) => [f.code, f.level])).toEqual([["external-exposure", "confirm"]]);
});
