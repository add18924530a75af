/**
 * Individuals recognised from a maintained list: consumer, free-mail and home-ISP domains
 * (the email-providers package) plus the Japanese carriers and ISPs, subdomains included.
 */
import { builtInConsumerDomainCount, evaluate, isBuiltInConsumerDomain, JAPANESE_CONSUMER_DOMAINS } from "../../src/policy";
import * as fs from "node:fs";
import { inSortedLines } from "../../src/policy/consumer-domains";
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

describe("the built-in list searched as one sorted text (what the add-in bundles hold)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require("../../scripts/domain-list-loader.js") as (source: string) => string;
  const file = require.resolve("email-providers/all.json");
  const built = (() => {
    const module = { exports: "" };
    new Function("module", loader(fs.readFileSync(file, "utf8")))(module);
    return module.exports;
  })();
  const list = JSON.parse(fs.readFileSync(file, "utf8")) as string[];

  test("the loader emits every domain once, sorted by code units, newline-separated", () => {
    const lines = built.split("\n");
    expect(new Set(lines)).toEqual(new Set(list.map((d) => d.toLowerCase())));
    expect(lines).toEqual([...lines].sort());
    expect(lines.length).toBe(new Set(lines).size);
  });

  test("finds every listed domain, and nothing else, as a set would", () => {
    const set = new Set(list.map((d) => d.toLowerCase()));
    for (const domain of set) expect(inSortedLines(built, domain)).toBe(true);
    const others = [...set].flatMap((d) => [`x${d}`, `${d}x`, d.slice(1), d.slice(0, -1), `a.${d}`, d.replace(".", "")]).concat(["", "\n", "a", "zzzz.zz", "0"]);
    for (const other of others) expect(inSortedLines(built, other)).toBe(set.has(other));
  });

  test("short lists, first and last lines", () => {
    expect(inSortedLines("", "a")).toBe(false);
    expect(inSortedLines("b", "b")).toBe(true);
    expect(inSortedLines("b", "a")).toBe(false);
    expect(inSortedLines("a\nc\ne", "a")).toBe(true);
    expect(inSortedLines("a\nc\ne", "e")).toBe(true);
    for (const absent of ["", "b", "d", "f", "0"]) expect(inSortedLines("a\nc\ne", absent)).toBe(false);
  });
});
