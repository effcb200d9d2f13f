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
  const text = `${serviceId}\u0000${reporter}\u0000${at}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  // 21 bits of one and 32 of the other: an exact integer in a double.
  return (a >>> 11) * 2 ** 32 + (b >>> 0);
}

/** Identities of earlier imports, sorted, to look reports up in (binary search: 8 bytes a report). */
export class IdentitySet {
  constructor(private readonly sorted: Float64Array) {}

  static of(ids: Iterable<number>): IdentitySet {
    return new IdentitySet(Float64Array.from(new Set(ids)).sort());
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
