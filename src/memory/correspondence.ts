import { fromByteArray, toByteArray } from "base64-js";
import { sha256Into, utf8Bytes } from "../policy";
import type { KnownCorrespondence } from "../shared/types";

/**
 * The correspondence memory of one mailbox: the outside addresses the sender has written to,
 * their domains, and the groups of outside addresses already addressed together in To/CC
 * (people who have seen each other's addresses). Only salted hashes are kept, never an
 * address: 48 bits of SHA-256(salt ‖ kind ‖ ":" ‖ text), with a random 16-byte salt per
 * mailbox. Entries are kept most recently used first and the oldest are dropped at the limits.
 *
 * Stored format (roaming setting `sendguard.memory`, JSON):
 *   { "v": 1, "t": <ms of last change>, "n": <how many times it was cleared>, "s": base64(salt, 16 bytes),
 *     "a": base64(address hashes, 6 bytes each, most recent first),
 *     "d": base64(domain hashes, 6 bytes each, most recent first),
 *     "g": base64(groups, most recent first: 1 byte member count n (2..255), then n × 2-byte
 *                 big-endian indexes into "a") }
 * Anything else decodes to "no memory", which only makes verdicts stricter.
 */
export const MEMORY_SETTING_KEY = "sendguard.memory";
export const MEMORY_VERSION = 1;

export const MEMORY_LIMITS = {
  addresses: 2000,
  domains: 500,
  groups: 500,
  /** Members of one remembered group (a bigger group is not remembered). */
  groupSize: 255,
  /** Encoded size (characters of the JSON) kept under the 32 KB roaming-settings limit. */
  encodedChars: 30_000,
} as const;

const HASH_BYTES = 6;
const SALT_BYTES = 16;
/** Where each lookup's digest is written (sha256Into: no allocation per address). */
const DIGEST = new Uint8Array(32);

/** A 48-bit hash as a number (exact in a double). */
type Hash = number;

export interface StoredMemory {
  v: 1;
  t: number;
  /** Generation: how many times the memory was cleared. A copy of an older generation never comes back over a clear. */
  n: number;
  s: string;
  a: string;
  d: string;
  g: string;
}

export interface MemoryCounts {
  addresses: number;
  domains: number;
  groups: number;
}

/** What one message teaches: its outside addresses (address keys, every field) and, when it may be remembered, the group shown in To/CC. */
export interface Lesson {
  addresses: readonly string[];
  group: readonly string[];
  /** Registrable domains of the addresses (`acme.co.jp` for `sales.acme.co.jp`); the domain part of each address when not given. */
  domains?: readonly string[];
}

function randomSalt(): Uint8Array {
  const salt = new Uint8Array(SALT_BYTES);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(salt);
  // Classic Outlook's JavaScript-only runtime promises no Web Crypto. The salt only has to
  // differ between mailboxes (no precomputed tables), not be secret, so Math.random is enough there.
  else for (let i = 0; i < SALT_BYTES; i++) salt[i] = Math.floor(Math.random() * 256);
  return salt;
}

function readHashes(bytes: Uint8Array): Hash[] {
  // Two 24-bit halves in small-integer arithmetic and one multiply-add each: a Send in a fresh
  // runtime reads 2,000 of them, and six floating-point steps per hash took 1.8 ms there.
  const out: Hash[] = new Array<Hash>(Math.floor(bytes.length / HASH_BYTES));
  for (let i = 0, n = 0; i + HASH_BYTES <= bytes.length; i += HASH_BYTES, n++) {
    const high = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    const low = ((bytes[i + 3] as number) << 16) | ((bytes[i + 4] as number) << 8) | (bytes[i + 5] as number);
    out[n] = high * 0x1000000 + low;
  }
  return out;
}

function writeHashes(hashes: readonly Hash[]): Uint8Array {
  const bytes = new Uint8Array(hashes.length * HASH_BYTES);
  hashes.forEach((value, i) => {
    let rest = value;
    for (let j = HASH_BYTES - 1; j >= 0; j--) {
      bytes[i * HASH_BYTES + j] = rest % 256;
      rest = Math.floor(rest / 256);
    }
  });
  return bytes;
}

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

function isStrictlyIncreasing(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) <= (values[i - 1] as number)) return false;
  return true;
}

function sameMembers(a: readonly Hash[], b: readonly Hash[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Both sorted ascending. */
function isSubset(small: readonly Hash[], big: readonly Hash[]): boolean {
  let j = 0;
  for (const x of small) {
    while (j < big.length && (big[j] as number) < x) j++;
    if (big[j] !== x) return false;
    j++;
  }
  return true;
}

/** Most recent first: the touched ones (in their order), then the rest as they were. */
function touch(list: readonly Hash[], touched: readonly Hash[]): Hash[] {
  const first = [...new Set(touched)];
  const front = new Set(first);
  return [...first, ...list.filter((h) => !front.has(h))];
}

export class CorrespondenceMemory implements KnownCorrespondence {
  private addresses: Hash[];
  private domains: Hash[];
  /** Members sorted ascending; most recent group first. */
  private groups: Hash[][];
  private updatedAt: number;
  private generation = 0;
  private readonly hashes = new Map<string, Hash>();
  private index: { addresses: Set<Hash>; domains: Set<Hash>; groups: Map<Hash, number[]> } | undefined;

  private constructor(
    private readonly salt: Uint8Array,
    addresses: Hash[],
    domains: Hash[],
    groups: Hash[][],
    updatedAt: number,
  ) {
    this.addresses = addresses;
    this.domains = domains;
    this.groups = groups;
    this.updatedAt = updatedAt;
  }

  /** An empty memory with a new random salt. */
  static empty(salt: Uint8Array = randomSalt()): CorrespondenceMemory {
    return new CorrespondenceMemory(salt, [], [], [], 0);
  }

  /** The stored value, or undefined when there is none or it is not exactly this format (then: no memory). */
  static decode(value: unknown): CorrespondenceMemory | undefined {
    if (!value || typeof value !== "object") return undefined;
    const v = value as Record<string, unknown>;
    if (v.v !== MEMORY_VERSION || typeof v.t !== "number" || !Number.isFinite(v.t)) return undefined;
    if (typeof v.n !== "number" || !Number.isInteger(v.n) || v.n < 0) return undefined;
    if (typeof v.s !== "string" || typeof v.a !== "string" || typeof v.d !== "string" || typeof v.g !== "string") return undefined;
    let salt: Uint8Array, a: Uint8Array, d: Uint8Array, g: Uint8Array;
    try {
      [salt, a, d, g] = [toByteArray(v.s), toByteArray(v.a), toByteArray(v.d), toByteArray(v.g)];
    } catch {
      return undefined;
    }
    if (salt.length !== SALT_BYTES || a.length % HASH_BYTES !== 0 || d.length % HASH_BYTES !== 0) return undefined;
    const addresses = readHashes(a);
    const domains = readHashes(d);
    if (addresses.length > MEMORY_LIMITS.addresses || domains.length > MEMORY_LIMITS.domains) return undefined;
    const groups: Hash[][] = [];
    for (let i = 0; i < g.length; ) {
      const n = g[i] as number;
      if (n < 2 || i + 1 + n * 2 > g.length) return undefined;
      const members: Hash[] = [];
      for (let j = 0; j < n; j++) {
        const at = ((g[i + 1 + j * 2] as number) << 8) | (g[i + 2 + j * 2] as number);
        const member = addresses[at];
        if (member === undefined) return undefined;
        members.push(member);
      }
      // Written sorted and without repeats (encode); anything else is put in that order.
      groups.push(isStrictlyIncreasing(members) ? members : [...new Set(members)].sort((x, y) => x - y));
      i += 1 + n * 2;
    }
    if (groups.length > MEMORY_LIMITS.groups) return undefined;
    const memory = new CorrespondenceMemory(salt, addresses, domains, groups, v.t);
    memory.generation = v.n;
    return memory;
  }

  encode(): StoredMemory {
    const position = new Map(this.addresses.map((h, i) => [h, i]));
    const size = this.groups.reduce((sum, members) => sum + 1 + members.length * 2, 0);
    const g = new Uint8Array(size);
    let at = 0;
    for (const members of this.groups) {
      g[at++] = members.length;
      for (const member of members) {
        const i = position.get(member) as number;
        g[at++] = i >> 8;
        g[at++] = i & 0xff;
      }
    }
    return { v: MEMORY_VERSION, t: this.updatedAt, n: this.generation, s: fromByteArray(this.salt), a: fromByteArray(writeHashes(this.addresses)), d: fromByteArray(writeHashes(this.domains)), g: fromByteArray(g) };
  }

  counts(): MemoryCounts {
    return { addresses: this.addresses.length, domains: this.domains.length, groups: this.groups.length };
  }

  /** When it last changed (ms since the epoch; 0 when never). */
  get lastChanged(): number {
    return this.updatedAt;
  }

  private hashOf(kind: "a" | "d", text: string): Hash {
    const id = `${kind}:${text}`;
    let known = this.hashes.get(id);
    if (known === undefined) {
      let bytes: Uint8Array;
      try {
        bytes = utf8Bytes(id);
      } catch {
        return -1; // text no UTF-8 can carry (a lone surrogate) is never known
      }
      known = readHashes(sha256Into(DIGEST, this.salt, bytes).subarray(0, HASH_BYTES))[0] as Hash;
      this.hashes.set(id, known);
    }
    return known;
  }

  private lookup() {
    if (!this.index) {
      const groups = new Map<Hash, number[]>();
      this.groups.forEach((members, id) => {
        for (const member of members) {
          const list = groups.get(member);
          if (list) list.push(id);
          else groups.set(member, [id]);
        }
      });
      this.index = { addresses: new Set(this.addresses), domains: new Set(this.domains), groups };
    }
    return this.index;
  }

  knowsAddress(key: string): boolean {
    return this.lookup().addresses.has(this.hashOf("a", key));
  }

  knowsDomain(domain: string): boolean {
    return this.lookup().domains.has(this.hashOf("d", domain));
  }

  groupsOf(key: string): readonly number[] {
    return this.lookup().groups.get(this.hashOf("a", key)) ?? [];
  }

  groupSize(id: number): number {
    return this.groups[id]?.length ?? 0;
  }

  /** The id of the remembered group with exactly these members (address keys), if any. */
  groupIdOf(keys: readonly string[]): number | undefined {
    const members = [...new Set(keys.map((key) => this.hashOf("a", key)))].sort((x, y) => x - y);
    const at = this.groups.findIndex((g) => sameMembers(g, members));
    return at < 0 ? undefined : at;
  }

  /** Whether a group with these members (or more) is remembered. */
  hasGroup(keys: readonly string[]): boolean {
    const members = [...new Set(keys.map((key) => this.hashOf("a", key)))].sort((x, y) => x - y);
    return members.length >= 2 && this.groups.some((g) => isSubset(members, g));
  }

  /** The same memory as the engine sees it, without one group (a group this very item taught on a confirm). */
  without(groupId: number | undefined): KnownCorrespondence {
    if (groupId === undefined) return this;
    return {
      knowsAddress: (key) => this.knowsAddress(key),
      knowsDomain: (domain) => this.knowsDomain(domain),
      groupsOf: (key) => this.groupsOf(key).filter((id) => id !== groupId),
      groupSize: (id) => this.groupSize(id),
    };
  }

  /**
   * Learns from a message that went out. Returns whether anything worth saving changed: a new
   * address, domain or group, or a known one that had fallen into the older half (so that a
   * Send to people written to every day does not write the mailbox every time).
   */
  learn(lesson: Lesson, nowMs: number): boolean {
    const addresses = lesson.addresses.map((key) => this.hashOf("a", key)).filter((h) => h >= 0);
    const domainNames = lesson.domains ?? [...lesson.group, ...lesson.addresses].map((key) => key.slice(key.lastIndexOf("@") + 1));
    const domains = [...new Set(domainNames)].map((domain) => this.hashOf("d", domain)).filter((h) => h >= 0);
    const members = [...new Set(lesson.group.map((key) => this.hashOf("a", key)).filter((h) => h >= 0))].sort((x, y) => x - y);
    const rememberGroup = members.length >= 2 && members.length <= MEMORY_LIMITS.groupSize;
    // Every group member is an address too.
    const touchedAddresses = [...members, ...addresses];

    const stale = (list: readonly Hash[], touched: readonly Hash[], limit: number) => {
      const position = new Map(list.map((h, i) => [h, i]));
      return touched.some((h) => {
        const at = position.get(h);
        return at === undefined || at >= limit / 2;
      });
    };
    let groupAt = -1;
    if (rememberGroup) groupAt = this.groups.findIndex((g) => isSubset(members, g));
    const changed =
      stale(this.addresses, touchedAddresses, MEMORY_LIMITS.addresses) ||
      stale(this.domains, domains, MEMORY_LIMITS.domains) ||
      (rememberGroup && (groupAt < 0 || groupAt >= MEMORY_LIMITS.groups / 2));
    if (!changed) return false;

    this.addresses = touch(this.addresses, touchedAddresses);
    this.domains = touch(this.domains, domains).slice(0, MEMORY_LIMITS.domains);
    if (rememberGroup) {
      if (groupAt >= 0) {
        // Known already (the same people, or more of them): it moves up.
        const known = this.groups[groupAt] as Hash[];
        this.groups = [known, ...this.groups.filter((_, i) => i !== groupAt)];
      } else {
        // New: groups it contains say nothing more.
        this.groups = [members, ...this.groups.filter((g) => !isSubset(g, members) && !sameMembers(g, members))];
      }
    }
    this.evict();
    this.updatedAt = nowMs;
    this.index = undefined;
    return true;
  }

  /** Keeps the limits: oldest addresses first (with the groups that named them), then groups, then until it fits its encoded size. */
  private evict(): void {
    const fits = () =>
      base64Length(this.addresses.length * HASH_BYTES) + base64Length(this.domains.length * HASH_BYTES) +
      base64Length(this.groups.reduce((sum, g) => sum + 1 + g.length * 2, 0)) + 120 <= MEMORY_LIMITS.encodedChars;
    let addressLimit: number = MEMORY_LIMITS.addresses;
    let groupLimit: number = MEMORY_LIMITS.groups;
    for (;;) {
      this.addresses = this.addresses.slice(0, addressLimit);
      const kept = new Set(this.addresses);
      this.groups = this.groups.filter((g) => g.every((m) => kept.has(m))).slice(0, groupLimit);
      if (fits()) return;
      // Large groups fill the space: give up the oldest groups first, then addresses.
      if (this.groups.length > 0) groupLimit = Math.floor(this.groups.length * 0.9);
      else addressLimit = Math.floor(this.addresses.length * 0.9);
    }
  }

  /**
   * Forgets everything (a new salt too: nothing stored before can be matched again). Dated
   * now, so that it wins over any older copy (the server's) when the two are reconciled.
   */
  static cleared(nowMs: number = Date.now(), after?: CorrespondenceMemory): CorrespondenceMemory {
    const memory = CorrespondenceMemory.empty();
    memory.updatedAt = nowMs;
    memory.generation = (after?.generation ?? 0) + 1;
    return memory;
  }

  /** How many times this memory was cleared (a copy of an older generation never wins over it). */
  get clears(): number {
    return this.generation;
  }

  /** Whether two memories hash alike (the same salt): only then can they be merged. */
  sameSalt(other: CorrespondenceMemory): boolean {
    return this.salt.length === other.salt.length && this.salt.every((b, i) => b === other.salt[i]);
  }

  /**
   * Both memories in one (same salt): the more recently changed one's entries first, then the
   * other's that it lacks, within the limits. Returns a new memory.
   */
  mergedWith(other: CorrespondenceMemory): CorrespondenceMemory {
    if (!this.sameSalt(other)) throw new Error("memories with different salts cannot be merged");
    const [first, second] = this.updatedAt >= other.updatedAt ? [this, other] : [other, this];
    const union = (a: Hash[], b: Hash[]) => [...a, ...b.filter((h) => !new Set(a).has(h))];
    const groups = [...first.groups];
    for (const g of second.groups) if (!groups.some((known) => isSubset(g, known))) groups.push(g);
    const merged = new CorrespondenceMemory(this.salt, union(first.addresses, second.addresses), union(first.domains, second.domains).slice(0, MEMORY_LIMITS.domains), groups.filter((g, i) => !groups.some((h, j) => j !== i && g.length < h.length && isSubset(g, h))), Math.max(this.updatedAt, other.updatedAt));
    merged.generation = Math.max(this.generation, other.generation);
    // Every group member must be an address of the merged memory before eviction counts them.
    merged.addresses = union(merged.addresses, merged.groups.flat());
    merged.evict();
    return merged;
  }

  /** Same content (the order of recency included). */
  equals(other: CorrespondenceMemory): boolean {
    return JSON.stringify(this.encode()) === JSON.stringify(other.encode());
  }
}

/** The address keys recorded under TAUGHT_SESSION_KEY (JSON array); none when absent or not a list of text. */
export function taughtKeys(text: string | undefined): string[] {
  try {
    const value: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(value) && value.every((k) => typeof k === "string") ? (value as string[]) : [];
  } catch {
    return [];
  }
}

/**
 * The copy in the mailbox (roaming settings) and the copy on the review server, made one:
 * merged when they share a salt, otherwise the more recently changed wins (a clear is a
 * change: its new salt and date beat the older copy). Says which side must be written.
 */
export function reconcileMemories(local: CorrespondenceMemory | undefined, server: CorrespondenceMemory | undefined): { result: CorrespondenceMemory | undefined; toLocal: boolean; toServer: boolean } {
  if (!local && !server) return { result: undefined, toLocal: false, toServer: false };
  if (!server) return { result: local, toLocal: false, toServer: true };
  if (!local) return { result: server, toLocal: true, toServer: false };
  // A clear starts a new generation: an older generation's copy (a handler that learned from a stale read) never undoes it.
  const result =
    local.clears !== server.clears ? (local.clears > server.clears ? local : server) : local.sameSalt(server) ? local.mergedWith(server) : local.lastChanged >= server.lastChanged ? local : server;
  return { result, toLocal: !result.equals(local), toServer: !result.equals(server) };
}
