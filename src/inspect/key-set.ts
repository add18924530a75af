/**
 * The distinct strings of a file (its address keys), in the order first seen.
 *
 * Why not a Set<string>: an address list is tens of thousands of cells, each a slice of the
 * decoded text, and V8 hashes every one of them on Set.add; measured on the 40,000-address
 * benchmark list, the Set took about a sixth of the whole inspection. Here the hash is a plain
 * FNV-1a over the characters, kept beside each key, and the table is open addressing over a
 * typed array (linear probing, at most half full); strings are compared only when hashes agree.
 */
export class KeySet {
  /** Index + 1 of the key in `keys`, 0 for an empty slot; the length is a power of two. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private readonly list: string[] = [];

  get size(): number {
    return this.list.length;
  }

  /** Adds a key; true when it was not there yet. */
  add(key: string): boolean {
    const hash = hashOf(key);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = slots[i] as number;
      if (at === 0) {
        const count = this.list.push(key);
        if (count > this.hashes.length) this.hashes = grown(this.hashes);
        this.hashes[count - 1] = hash;
        slots[i] = count;
        if (count * 2 > slots.length) this.rehash(slots.length * 2);
        return true;
      }
      if (this.hashes[at - 1] === hash && this.list[at - 1] === key) return false;
    }
  }

  /** The keys, in the order they were first added. */
  keys(): string[] {
    return this.list.slice();
  }

  private rehash(length: number): void {
    const slots = new Int32Array(length);
    const mask = length - 1;
    for (let k = 0; k < this.list.length; k++) {
      let i = (this.hashes[k] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    this.slots = slots;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
