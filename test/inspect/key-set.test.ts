import { hashOf, KeySet } from "../../src/inspect/key-set";

/** Two different addresses with the same 32-bit hash, found by search (about 80,000 tries for an even chance). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `member${i}@example${i % 97}.jp`;
    const other = seen.get(hashOf(key));
    if (other !== undefined) return [other, key];
    seen.set(hashOf(key), key);
  }
}

describe("KeySet: the distinct address keys of a file", () => {
  test("keeps each key once, in the order first seen, and says whether it was new", () => {
    const set = new KeySet();
    expect(["b@x.jp", "a@x.jp", "b@x.jp", "c@x.jp", "a@x.jp"].map((key) => set.add(key))).toEqual([true, true, false, true, false]);
    expect(set.keys()).toEqual(["b@x.jp", "a@x.jp", "c@x.jp"]);
    expect(set.size).toBe(3);
  });

  test("agrees with Set<string> over 100,000 keys with repeats, through every growth of the table", () => {
    const set = new KeySet();
    const oracle = new Set<string>();
    const disagreements: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const key = `user${(i * 7919) % 60_000}@example${i % 13}.co.jp`;
      if (set.add(key) === oracle.has(key)) disagreements.push(key);
      oracle.add(key);
    }
    expect(disagreements).toEqual([]);
    expect(set.keys()).toEqual([...oracle]);
  });

  test("two keys with the same hash are both kept, and each is found again", () => {
    const [first, second] = collidingPair();
    expect(first).not.toBe(second);
    expect(hashOf(first)).toBe(hashOf(second));
    const set = new KeySet();
    expect([set.add(first), set.add(second), set.add(first), set.add(second)]).toEqual([true, true, false, false]);
    expect(set.keys()).toEqual([first, second]);
  });

  test("the empty string and non-ASCII keys are keys like any other", () => {
    const set = new KeySet();
    expect([set.add(""), set.add("山田@例え.jp"), set.add(""), set.add("山田@例え.jp")]).toEqual([true, true, false, false]);
  });
});
