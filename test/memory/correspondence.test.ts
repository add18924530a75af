/**
 * The correspondence memory: salted hashes only, bounded, most recently used kept; a group
 * addressed together before passes, a superset with a new party does not.
 */
import { createHash } from "node:crypto";
import { CorrespondenceMemory, MEMORY_LIMITS, reconcileMemories, type StoredMemory } from "../../src/memory/correspondence";
import { lessonOf } from "../../src/memory/lesson";
import { evaluate } from "../../src/policy";
import type { ExposureEvidence } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf, type DraftSpec } from "../support/drafts";

const policy = policyOf();
const SALT = new Uint8Array(16).fill(7);
const NOW = Date.UTC(2026, 11, 1);

function taught(...specs: DraftSpec[]): CorrespondenceMemory {
  const memory = CorrespondenceMemory.empty(SALT);
  for (const spec of specs) memory.learn(lessonOf(draftOf(spec), policy), NOW);
  return memory;
}

const judge = (spec: DraftSpec, memory: CorrespondenceMemory | undefined, p = policy) => {
  const evaluation = evaluate(draftOf(spec), p, memory ? { memory } : {});
  const exposure = evaluation.findings.find((f) => f.code === "external-exposure");
  return { verdict: evaluation.verdict, evidence: exposure?.evidence as ExposureEvidence | undefined };
};

describe("what is stored", () => {
  test("never an address, a domain or a name in the clear", () => {
    const memory = taught({ to: ["yamada.taro@acme.co.jp", "suzuki@law-office.jp"] });
    const text = JSON.stringify(memory.encode());
    for (const part of ["yamada", "acme", "law-office", "suzuki", "co.jp", "@"]) expect(text).not.toContain(part);
    expect(memory.counts()).toEqual({ addresses: 2, domains: 2, groups: 1 });
  });

  test("the format round-trips exactly and keeps its documented shape", () => {
    const memory = taught({ to: ["a@acme.co.jp", "b@globex.co.jp"], cc: ["c@initech.co.jp"] }, { to: ["d@umbrella.co.jp"] });
    const stored = memory.encode();
    expect(Object.keys(stored).sort()).toEqual(["a", "d", "g", "n", "s", "t", "v"]);
    expect(stored.v).toBe(1);
    expect(stored.t).toBe(NOW);
    // 4 addresses × 6 bytes = 24 bytes = 32 base64 characters; one group of 3: 1 + 3 × 2 = 7 bytes.
    expect(stored.a).toHaveLength(32);
    expect(Buffer.from(stored.g, "base64")).toHaveLength(7);
    const again = CorrespondenceMemory.decode(JSON.parse(JSON.stringify(stored)));
    expect(again?.encode()).toEqual(stored);
    expect(again?.knowsAddress("d@umbrella.co.jp")).toBe(true);
  });

  test("the salt makes the same address a different hash in another mailbox", () => {
    const one = CorrespondenceMemory.empty(new Uint8Array(16).fill(1));
    const two = CorrespondenceMemory.empty(new Uint8Array(16).fill(2));
    for (const m of [one, two]) m.learn({ addresses: ["a@acme.co.jp"], group: [] }, NOW);
    expect(one.encode().a).not.toBe(two.encode().a);
    // A memory read with the wrong salt knows nobody.
    const forged = CorrespondenceMemory.decode({ ...one.encode(), s: two.encode().s });
    expect(forged?.knowsAddress("a@acme.co.jp")).toBe(false);
  });

  test("a new empty memory draws a random salt", () => {
    expect(CorrespondenceMemory.empty().encode().s).not.toBe(CorrespondenceMemory.empty().encode().s);
  });

  test.each<[string, unknown]>([
    ["nothing", undefined],
    ["text", "sendguard"],
    ["another version", { ...taught({ to: ["a@acme.co.jp"] }).encode(), v: 2 }],
    ["a short salt", { ...taught({ to: ["a@acme.co.jp"] }).encode(), s: "AAAA" }],
    ["addresses not a whole number of hashes", { ...taught({ to: ["a@acme.co.jp"] }).encode(), a: "AAAA" }],
    ["not base64", { ...taught({ to: ["a@acme.co.jp"] }).encode(), a: "@@@@" }],
    ["a group naming an address that is not stored", { ...taught({ to: ["a@acme.co.jp"] }).encode(), g: Buffer.from([2, 0, 0, 0, 9]).toString("base64") }],
    ["a group of one", { ...taught({ to: ["a@acme.co.jp"] }).encode(), g: Buffer.from([1, 0, 0]).toString("base64") }],
    ["a cut-off group", { ...taught({ to: ["a@acme.co.jp", "b@globex.co.jp"] }).encode(), g: Buffer.from([2, 0, 0]).toString("base64") }],
    ["no date", { ...taught({ to: ["a@acme.co.jp"] }).encode(), t: "yesterday" }],
  ])("%s decodes to no memory (judged as a new mailbox: stricter, never milder)", (_name, value) => {
    expect(CorrespondenceMemory.decode(value)).toBeUndefined();
  });
});

describe("judging with the memory", () => {
  const counsel = { to: ["tanaka@acme.co.jp", "sato@acme.co.jp"], cc: ["bengoshi@law-office.jp", "jimu@law-office.jp", "kanri@acme.co.jp", "hisho@law-office.jp"] };

  test("a group addressed together before passes; without the memory the same message is stopped", () => {
    expect(judge(counsel, undefined).verdict).toBe("review");
    expect(judge(counsel, taught(counsel)).verdict).toBe("allow");
  });

  test("a part of a known group passes (they have seen each other), in any field order", () => {
    const memory = taught(counsel);
    expect(judge({ to: ["jimu@law-office.jp"], cc: ["sato@acme.co.jp"] }, memory).verdict).toBe("allow");
  });

  test("a superset with a new party is stopped; the new party and those it sees are exposed, the rest is counted as shared", () => {
    const memory = taught(counsel);
    const { verdict, evidence } = judge({ ...counsel, cc: [...counsel.cc, "someone@globex.co.jp"] }, memory);
    expect(verdict).toBe("review");
    expect(evidence?.exposed.map((e) => e.address)).toContain("someone@globex.co.jp");
    expect(evidence?.exposed.find((e) => e.address === "someone@globex.co.jp")?.firstTime).toBe(true);
    expect(evidence?.exposed.find((e) => e.address === "tanaka@acme.co.jp")?.firstTime).toBeUndefined();
  });

  test("two groups known apart are not one group: their members have not seen each other", () => {
    const memory = taught({ to: ["a@acme.co.jp", "b@globex.co.jp"] }, { to: ["c@initech.co.jp", "d@umbrella.co.jp"] });
    expect(judge({ to: ["a@acme.co.jp", "b@globex.co.jp"] }, memory).verdict).toBe("allow");
    expect(judge({ to: ["a@acme.co.jp", "c@initech.co.jp"] }, memory).verdict).toBe("confirm");
  });

  test("someone written to before only in BCC has not been seen: a group needs To/CC", () => {
    const memory = taught({ to: ["a@acme.co.jp"], bcc: ["b@globex.co.jp"] });
    expect(memory.knowsAddress("b@globex.co.jp")).toBe(true);
    expect(judge({ to: ["a@acme.co.jp", "b@globex.co.jp"] }, memory).verdict).toBe("confirm");
  });

  test("a mass mailing is not remembered by default: the 88 guardians are stopped every time", () => {
    const asunaro = { to: ["jimu@mirai-shoji.co.jp"], cc: addresses(88, CARRIER_DOMAINS) };
    const memory = taught(asunaro);
    expect(memory.counts().groups).toBe(0);
    expect(judge(asunaro, memory).verdict).toBe("review");
  });

  test("with memory.massGroups a remembered mass group passes, and one more address is stopped", () => {
    const p = policyOf({ memory: { massGroups: true } });
    const list = addresses(30, ["acme.co.jp", "globex.co.jp", "initech.co.jp"]);
    const memory = CorrespondenceMemory.empty(SALT);
    memory.learn(lessonOf(draftOf({ to: list }), p), NOW);
    expect(judge({ to: list }, memory, p).verdict).toBe("allow");
    expect(judge({ to: [...list, "new@umbrella.co.jp"] }, memory, p).verdict).toBe("review");
  });

  test("memory.individualGroups false: a family is not remembered", () => {
    const family = { to: ["taro@gmail.com", "hanako@docomo.ne.jp", "jiro@yahoo.co.jp"] };
    const p = policyOf({ memory: { individualGroups: false } });
    const memory = CorrespondenceMemory.empty(SALT);
    memory.learn(lessonOf(draftOf(family), p), NOW);
    expect(memory.counts()).toMatchObject({ addresses: 3, groups: 0 });
    expect(judge(family, taught(family)).verdict).toBe("allow");
    // A family remembered before the switch no longer counts either.
    expect(judge(family, taught(family), p).verdict).toBe("confirm");
  });

  test("memory.enabled false: the memory is not consulted", () => {
    expect(judge(counsel, taught(counsel), policyOf({ memory: { enabled: false } })).verdict).toBe("review");
  });
});

describe("limits and eviction", () => {
  test("the oldest addresses go first; what was used again stays", () => {
    const memory = CorrespondenceMemory.empty(SALT);
    memory.learn({ addresses: ["first@acme.co.jp"], group: [] }, NOW);
    for (let i = 0; i < MEMORY_LIMITS.addresses; i++) {
      memory.learn({ addresses: [`p${i}@example${i % 50}.co.jp`], group: [] }, NOW);
      if (i === MEMORY_LIMITS.addresses / 2) memory.learn({ addresses: ["first@acme.co.jp"], group: [] }, NOW);
    }
    memory.learn({ addresses: ["last@acme.co.jp"], group: [] }, NOW);
    expect(memory.counts().addresses).toBe(MEMORY_LIMITS.addresses);
    expect(memory.knowsAddress("first@acme.co.jp")).toBe(true);
    expect(memory.knowsAddress("p0@example0.co.jp")).toBe(false);
    expect(memory.knowsAddress("last@acme.co.jp")).toBe(true);
  });

  test("groups are bounded; a group whose member was evicted goes with it", () => {
    const memory = CorrespondenceMemory.empty(SALT);
    for (let i = 0; i < MEMORY_LIMITS.groups + 20; i++) memory.learn({ addresses: [], group: [`a${i}@acme.co.jp`, `b${i}@globex.co.jp`] }, NOW);
    expect(memory.counts().groups).toBe(MEMORY_LIMITS.groups);
    expect(memory.groupsOf("a0@acme.co.jp")).toEqual([]);
    expect(memory.groupsOf(`a${MEMORY_LIMITS.groups + 19}@acme.co.jp`)).toHaveLength(1);
  });

  test("a full memory (2,000 addresses, 500 groups of 5) stays under 30,000 characters, the roaming-settings budget", () => {
    const memory = CorrespondenceMemory.empty(SALT);
    for (let i = 0; i < 3000; i++) memory.learn({ addresses: [`x${i}@example${i % 300}.co.jp`], group: i % 4 === 0 ? Array.from({ length: 5 }, (_, j) => `g${i}-${j}@org${j}.co.jp`) : [] }, NOW);
    const encoded = JSON.stringify(memory.encode());
    expect(encoded.length).toBeLessThanOrEqual(MEMORY_LIMITS.encodedChars);
    expect(memory.counts().addresses).toBeLessThanOrEqual(MEMORY_LIMITS.addresses);
    expect(CorrespondenceMemory.decode(JSON.parse(encoded))?.counts()).toEqual(memory.counts());
  });

  test("large groups give way before the encoded size is exceeded", () => {
    const memory = CorrespondenceMemory.empty(SALT);
    for (let i = 0; i < 200; i++) memory.learn({ addresses: [], group: Array.from({ length: 100 }, (_, j) => `m${i}-${j}@org${j}.co.jp`) }, NOW);
    expect(JSON.stringify(memory.encode()).length).toBeLessThanOrEqual(MEMORY_LIMITS.encodedChars);
    expect(memory.counts().groups).toBeGreaterThan(0);
  });

  test("a known group inside a new bigger one is replaced by it; a known bigger group is only moved up", () => {
    const memory = taught({ to: ["a@acme.co.jp", "b@globex.co.jp"] });
    memory.learn({ addresses: [], group: ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"] }, NOW);
    expect(memory.counts().groups).toBe(1);
    expect(memory.learn({ addresses: [], group: ["a@acme.co.jp", "c@initech.co.jp"] }, NOW)).toBe(false);
    expect(memory.counts().groups).toBe(1);
  });

  test("learning what is known and recent changes nothing (no save on every Send to the same people)", () => {
    const memory = taught({ to: ["a@acme.co.jp", "b@globex.co.jp"] });
    const before: StoredMemory = memory.encode();
    expect(memory.learn(lessonOf(draftOf({ to: ["a@acme.co.jp", "b@globex.co.jp"] }), policy), NOW + 1000)).toBe(false);
    expect(memory.encode()).toEqual(before);
  });

  test("clearing forgets everything and draws a new salt", () => {
    const memory = taught({ to: ["a@acme.co.jp", "b@globex.co.jp"] });
    const cleared = CorrespondenceMemory.cleared();
    expect(cleared.counts()).toEqual({ addresses: 0, domains: 0, groups: 0 });
    expect(cleared.encode().s).not.toBe(memory.encode().s);
  });
});

describe("one memory from the mailbox's copy and the server's", () => {
  const SHARED_SALT = new Uint8Array(16).fill(9);
  const memoryWith = (salt: Uint8Array, groups: string[][], at: number) => {
    const memory = CorrespondenceMemory.empty(salt);
    for (const group of groups) memory.learn({ addresses: [], group }, at);
    return memory;
  };

  test("the same salt: merged, both groups known, the limits kept", () => {
    const laptop = memoryWith(SHARED_SALT, [["a@acme.co.jp", "b@globex.co.jp"]], 2000);
    const server = memoryWith(SHARED_SALT, [["c@initech.co.jp", "d@umbrella.co.jp"]], 1000);
    const { result, toLocal, toServer } = reconcileMemories(laptop, server);
    expect(toLocal && toServer).toBe(true);
    expect(result?.groupsOf("a@acme.co.jp")).toHaveLength(1);
    expect(result?.groupsOf("d@umbrella.co.jp")).toHaveLength(1);
    expect(result?.counts()).toMatchObject({ addresses: 4, groups: 2 });
    expect(result?.lastChanged).toBe(2000);
  });

  test("a new device (nothing in the mailbox) takes the server's copy; a first sync uploads the mailbox's", () => {
    const server = memoryWith(SHARED_SALT, [["c@initech.co.jp", "d@umbrella.co.jp"]], 1000);
    expect(reconcileMemories(undefined, server)).toMatchObject({ result: server, toLocal: true, toServer: false });
    expect(reconcileMemories(server, undefined)).toMatchObject({ result: server, toLocal: false, toServer: true });
    expect(reconcileMemories(undefined, undefined)).toEqual({ result: undefined, toLocal: false, toServer: false });
  });

  test("a clear wins over an older copy with another salt: the server forgets too", () => {
    const server = memoryWith(SHARED_SALT, [["c@initech.co.jp", "d@umbrella.co.jp"]], 1000);
    const cleared = CorrespondenceMemory.cleared(5000);
    const { result, toLocal, toServer } = reconcileMemories(cleared, server);
    expect(result).toBe(cleared);
    expect(toLocal).toBe(false);
    expect(toServer).toBe(true);
  });

  test("identical copies: nothing to write", () => {
    const a = memoryWith(SHARED_SALT, [["c@initech.co.jp", "d@umbrella.co.jp"]], 1000);
    const b = CorrespondenceMemory.decode(a.encode());
    expect(reconcileMemories(a, b)).toMatchObject({ toLocal: false, toServer: false });
  });

  test("a group of one copy inside a bigger group of the other is not kept twice", () => {
    const small = memoryWith(SHARED_SALT, [["a@acme.co.jp", "b@globex.co.jp"]], 1000);
    const big = memoryWith(SHARED_SALT, [["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"]], 2000);
    expect(reconcileMemories(small, big).result?.counts().groups).toBe(1);
  });
});

test("a clear is never undone by a copy learned from a stale read: the older generation loses even when dated later", () => {
  const before = CorrespondenceMemory.empty(new Uint8Array(16).fill(4));
  before.learn({ addresses: [], group: ["a@acme.co.jp", "b@globex.co.jp"] }, 1000);
  const cleared = CorrespondenceMemory.cleared(2000, before);
  // A send handler that read the old copy learns one more address and saves it later.
  const stale = CorrespondenceMemory.decode(before.encode()) as CorrespondenceMemory;
  stale.learn({ addresses: ["c@initech.co.jp"], group: [] }, 3000);
  expect(cleared.clears).toBe(1);
  expect(reconcileMemories(stale, cleared)).toMatchObject({ result: cleared, toLocal: true, toServer: false });
  expect(reconcileMemories(cleared, stale)).toMatchObject({ result: cleared, toLocal: false, toServer: true });
});

test("a mass group written into the mailbox's settings by hand is ignored unless the policy remembers mass groups", () => {
  const asunaro = { to: ["jimu@mirai-shoji.co.jp"], cc: addresses(88, CARRIER_DOMAINS) };
  const forged = CorrespondenceMemory.empty(SALT);
  forged.learn({ addresses: [], group: asunaro.cc }, NOW);
  expect(forged.counts().groups).toBe(1);
  expect(judge(asunaro, forged).verdict).toBe("review");
  expect(judge(asunaro, forged, policyOf({ memory: { massGroups: true } })).verdict).toBe("allow");
});

describe("the stored hashes stay what earlier versions wrote", () => {
  test("a memory written with SHA-256(salt ‖ 'a:' key) and SHA-256(salt ‖ 'd:' domain), first 6 bytes, is read and recognised", () => {
    const salt = Buffer.alloc(16, 9);
    const first6 = (text: string) => createHash("sha256").update(Buffer.concat([salt, Buffer.from(text, "utf8")])).digest().subarray(0, 6);
    const stored = {
      v: 1,
      t: 1_700_000_000_000,
      n: 1,
      s: salt.toString("base64"),
      a: Buffer.concat([first6("a:yamada@acme.co.jp"), first6("a:佐藤@例え.jp")]).toString("base64"),
      d: first6("d:acme.co.jp").toString("base64"),
      // One group of both, its members written in reverse order and one twice (not as encode writes them).
      g: Buffer.from([3, 0, 1, 0, 0, 0, 1]).toString("base64"),
    };
    const memory = CorrespondenceMemory.decode(stored);
    expect(memory?.knowsAddress("yamada@acme.co.jp")).toBe(true);
    expect(memory?.knowsAddress("佐藤@例え.jp")).toBe(true);
    expect(memory?.knowsDomain("acme.co.jp")).toBe(true);
    expect(memory?.knowsAddress("kato@acme.co.jp")).toBe(false);
    expect(memory?.knowsDomain("acme.com")).toBe(false);
    expect(memory?.counts()).toEqual({ addresses: 2, domains: 1, groups: 1 });
    expect(memory?.groupsOf("yamada@acme.co.jp")).toEqual(memory?.groupsOf("佐藤@例え.jp"));
    expect(memory?.groupsOf("yamada@acme.co.jp")).toHaveLength(1);
    // Encoded again, the group is written sorted and once per member.
    const again = memory?.encode();
    expect(Buffer.from(again?.g ?? "", "base64")[0]).toBe(2);
  });
});
