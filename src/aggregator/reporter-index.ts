/**
 * Reporter hash → row of the ReporterGuard's table, by a 53-bit fingerprint of the hash: open
 * addressing (linear probing) over an Int32Array, the fingerprints in a Float64Array by row. A
 * `Map` of a million fresh strings cost ~3 µs a report in an import (hashing into it, growing it,
 * sweeping it, and the collector copying a million retained strings); this costs a fingerprint,
 * a probe or two and no object. The hash itself is kept only for rows a snapshot may save (see
 * `keep`); rows of history older than the guard's window are numbers only. Two different hashes
 * share a fingerprint with a chance of ~n²/2⁵⁴ (10⁻⁴ for a million reporters held at once).
 * Removal happens in bulk (a sweep) and rebuilds the slots.
 */
export class ReporterIndex {
  /** Row + 1 per slot; 0 is empty. */
  private slots = new Int32Array(2048);
  private mask = 2047;
  /** Fingerprint of each row; -1 for a free row. */
  private fps = new Float64Array(1024).fill(-1);
  /** Hash of each row that keeps it. */
  private keys: (string | undefined)[] = [];
  private rows = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The row of the hash with fingerprint `fp`, or -1. */
  get(fp: number): number {
    const slots = this.slots;
    let i = fp & this.mask;
    for (;;) {
      const r = slots[i]!;
      if (r === 0) return -1;
      if (this.fps[r - 1] === fp) return r - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Files fingerprint `fp` (not yet present) under `row`, with its hash when a snapshot may save it. */
  add(fp: number, row: number, key: string | undefined): void {
    if (row >= this.fps.length) {
      let size = this.fps.length * 2;
      while (size <= row) size *= 2;
      const grown = new Float64Array(size).fill(-1);
      grown.set(this.fps);
      this.fps = grown;
    }
    this.fps[row] = fp;
    this.keys[row] = key;
    if (row >= this.rows) this.rows = row + 1;
    this.count++;
    // At most half full, so a probe mostly stops at its first or second slot.
    if (this.count * 2 > this.slots.length) this.rebuild(this.slots.length * 2);
    else this.place(fp, row);
  }

  /** The hash of a row, if kept. */
  keyOf(row: number): string | undefined {
    return this.keys[row];
  }

  /** Keeps the hash of a row (its reporter reported within the window after all). */
  keep(row: number, key: string): void {
    this.keys[row] = key;
  }

  /** Each row in use, in row order. */
  forEach(visit: (row: number) => void): void {
    const fps = this.fps;
    for (let row = 0; row < this.rows; row++) if (fps[row]! >= 0) visit(row);
  }

  /** Removes the rows `drop` says to, and returns them (free to reuse). */
  removeWhere(drop: (row: number) => boolean): number[] {
    const freed: number[] = [];
    const fps = this.fps;
    for (let row = 0; row < this.rows; row++) {
      if (fps[row]! >= 0 && drop(row)) {
        fps[row] = -1;
        this.keys[row] = undefined;
        freed.push(row);
      }
    }
    if (freed.length > 0) {
      this.count -= freed.length;
      let size = 2048;
      while (size < this.count * 4) size *= 2;
      this.rebuild(size);
    }
    return freed;
  }

  /** Empties the index. */
  clear(): void {
    this.slots = new Int32Array(2048);
    this.mask = 2047;
    this.fps = new Float64Array(1024).fill(-1);
    this.keys = [];
    this.rows = 0;
    this.count = 0;
  }

  private place(fp: number, row: number): void {
    let i = fp & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = row + 1;
  }

  private rebuild(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    const fps = this.fps;
    for (let row = 0; row < this.rows; row++) if (fps[row]! >= 0) this.place(fps[row]!, row);
  }
}

/** A 53-bit fingerprint of a reporter hash: two 32-bit FNV-style hashes of its characters, 21 + 32 bits. */
export function fingerprint(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 11) * 2 ** 32 + (b >>> 0);
}
