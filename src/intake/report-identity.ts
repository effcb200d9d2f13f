/**
 * A number naming one imported report across files: the service it counts for, the reporter as
 * the file names them and the report's own time. Two files that both hold the same report (an
 * overlap of exports) give it the same identity; reports without their own time have none (they
 * take the time of the import, which says nothing about which report they are).
 *
 * Two 32-bit FNV-1a hashes over the text, seeded differently, make 53 bits: for the few million
 * reports of 28 days, the chance that two different reports share one is about 10⁻³.
 */
export function reportIdentity(serviceId: string, reporter: string, at: number): number {
  // The FNV-1a pair over `${serviceId}\0${reporter}\0${at}`, part by part: no joined string per report.
  state[0] = 0x811c9dc5;
  state[1] = 0x01000193 ^ 0x5bd1e995;
  mix(serviceId);
  step(0);
  mix(reporter);
  step(0);
  mix(String(at));
  const a = state[0]!;
  const b = state[1]!;
  // 21 bits of one and 32 of the other: an exact integer in a double.
  return (a >>> 11) * 2 ** 32 + (b >>> 0);
}

const state = new Int32Array(2);

function step(c: number): void {
  state[0] = Math.imul(state[0]! ^ c, 0x01000193);
  const b = state[1]!;
  state[1] = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
}

function mix(text: string): void {
  let a = state[0]!;
  let b = state[1]!;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  state[0] = a;
  state[1] = b;
}

/**
 * Identities collected one by one into a growing Float64Array: a Set of a million doubles costs a
 * heap number and a hash entry each (~1 µs a report with its garbage), this 8 bytes.
 */
export class IdentityList {
  private ids = new Float64Array(1 << 16);
  private length = 0;

  get size(): number {
    return this.length;
  }

  add(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  /** The identities sorted, each once. */
  toSet(): IdentitySet {
    const sorted = this.ids.subarray(0, this.length).sort();
    let kept = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i]!;
    return new IdentitySet(sorted.slice(0, kept));
  }
}

/** Identities of earlier imports, sorted, to look reports up in (binary search: 8 bytes a report). */
export class IdentitySet {
  constructor(private readonly sorted: Float64Array) {}

  static of(ids: Iterable<number>): IdentitySet {
    const list = new IdentityList();
    for (const id of ids) list.add(id);
    return list.toSet();
  }

  get size(): number {
    return this.sorted.length;
  }

  has(id: number): boolean {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < s.length && s[lo] === id;
  }

  /** The sorted identities as base64 text (little-endian doubles), for the store. */
  encode(): string {
    return Buffer.from(this.sorted.buffer, this.sorted.byteOffset, this.sorted.byteLength).toString("base64");
  }

  static decode(text: string): IdentitySet {
    const bytes = Buffer.from(text, "base64");
    const aligned = new Uint8Array(bytes.byteLength - (bytes.byteLength % 8));
    aligned.set(bytes.subarray(0, aligned.byteLength));
    return new IdentitySet(new Float64Array(aligned.buffer));
  }
}
