import { matchedAddressKey } from "../../src/inspect/cell";
import { addressKey, normalizeDomain, parseAddress, sameAddress } from "../../src/policy";
import { parseMailbox } from "../../src/policy/mailbox";

describe("parseAddress", () => {
  test.each([
    ["plain address", "yamada@example.co.jp", "yamada@example.co.jp"],
    ["upper-case domain and local part", "Yamada@EXAMPLE.CO.JP", "yamada@example.co.jp"],
    ["angle brackets", "<yamada@example.co.jp>", "yamada@example.co.jp"],
    ["trailing dot on the domain", "yamada@example.co.jp.", "yamada@example.co.jp"],
    ["mailto: prefix", "mailto:yamada@example.co.jp", "yamada@example.co.jp"],
    ["Unicode IDN domain becomes punycode", "info@例え.テスト", "info@xn--r8jz45g.xn--zckzah"],
    ["punycode IDN domain stays punycode", "info@xn--r8jz45g.xn--zckzah", "info@xn--r8jz45g.xn--zckzah"],
    ["full-width domain is folded (NFKC)", "yamada@ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", "yamada@example.co.jp"],
    ["ideographic full stop separates labels", "yamada@example。co。jp", "yamada@example.co.jp"],
    ["quoted local part", '"yamada taro"@example.co.jp', '"yamada taro"@example.co.jp'],
    ["address literal", "root@[192.0.2.1]", "root@[192.0.2.1]"],
  ])("%s", (_name, input, key) => {
    const parsed = parseAddress(input);
    expect(parsed).toMatchObject({ ok: true, key });
  });

  test("IDN display form is Unicode", () => {
    expect(parseAddress("info@xn--r8jz45g.xn--zckzah")).toMatchObject({ display: "info@例え.テスト" });
  });

  test.each([
    ["empty", "", "empty"],
    ["spaces only", "   ", "empty"],
    ["no @", "yamada.example.co.jp", "no-at"],
    ["empty local part", "@example.co.jp", "bad-local"],
    ["space in local part", "yama da@example.co.jp", "bad-local"],
    ["double dot in local part", "yama..da@example.co.jp", "bad-local"],
    ["single-label domain", "yamada@localhost", "bad-domain"],
    ["label with underscore", "yamada@exa_mple.co.jp", "bad-domain"],
    ["label starting with a hyphen", "yamada@-example.co.jp", "bad-domain"],
    ["numeric top-level domain", "yamada@192.0.2.1", "bad-domain"],
    ["empty label", "yamada@example..jp", "bad-domain"],
    ["over-long label", `yamada@${"a".repeat(64)}.jp`, "bad-domain"],
  ])("invalid: %s", (_name, input, reason) => {
    expect(parseAddress(input)).toEqual({ ok: false, raw: input, reason });
  });

  test("never throws on hostile input", () => {
    const inputs = ["\u0000@\u0000", "a@xn--", "a@xn--zz.jp", "@@@", "a@.", "a@" + "あ".repeat(300) + ".jp", "a@b@c.jp"];
    for (const input of inputs) expect(() => parseAddress(input)).not.toThrow();
  });
});

describe("parseMailbox", () => {
  test.each([
    ["name and address", "山田 太郎 <yamada@example.co.jp>", "yamada@example.co.jp", "山田 太郎"],
    ["quoted name", '"山田, 太郎" <Yamada@Example.co.jp>', "yamada@example.co.jp", "山田, 太郎"],
    ["bare address", "sato@example.jp", "sato@example.jp", undefined],
  ])("%s", (_name, input, key, displayName) => {
    expect(parseMailbox(input)).toMatchObject({ ok: true, key, displayName });
  });

  test("two mailboxes in one string is invalid", () => {
    expect(parseMailbox("a@example.jp, b@example.jp")).toMatchObject({ ok: false });
  });
});

describe("normalizeDomain", () => {
  test("Unicode and punycode forms compare equal", () => {
    expect(normalizeDomain("日本語.jp")).toBe(normalizeDomain("xn--wgv71a119e.jp"));
  });
  test("rejects garbage", () => {
    expect(normalizeDomain("not a domain")).toBeNull();
  });
});

describe("one address key, one contract", () => {
  const cases = [
    "yamada@acme.co.jp", "Yamada@ACME.co.jp", "a.b+c@sub.example.jp", "山田@例え.jp", "user@XN--R8JZ45G.jp", `${"a".repeat(64)}@example.jp`,
    `${"a".repeat(65)}@example.jp`, "a..b@example.jp", ".a@example.jp", "a@b", "a@-b.jp", "not an address", "",
  ];

  test.each(cases)("addressKey(%j) is the parsed key, or undefined when it is not an address", (text) => {
    const parsed = parseAddress(text);
    expect(addressKey(text)).toBe(parsed.ok ? parsed.key : undefined);
  });

  test.each(cases.filter((c) => c.includes("@")))("the inspectors' fast key of a matched %j equals addressKey wherever both accept it", (text) => {
    const fast = matchedAddressKey(text);
    if (fast !== undefined) expect(fast).toBe(addressKey(text));
    if (addressKey(text) === undefined) expect(fast).toBeUndefined();
  });

  test("sameAddress: both valid and the same key; an invalid address equals nothing, not even itself", () => {
    expect(sameAddress("Tanaka@Mirai-Shoji.co.jp", "tanaka@mirai-shoji.co.jp")).toBe(true);
    expect(sameAddress("tanaka@mirai-shoji.co.jp", "sato@mirai-shoji.co.jp")).toBe(false);
    expect(sameAddress("not an address", "not an address")).toBe(false);
    expect(sameAddress(undefined, "tanaka@mirai-shoji.co.jp")).toBe(false);
  });
});
