import { QUARTER_MINUTES, quarterOfMinute, slot } from "./time.js";

/** Per-minute slots kept per category (the last hour, exact). */
export const BREAKDOWN_MINUTES = 60;
/** Quarter-hour slots kept per category (24 h plus the quarter being filled). */
export const BREAKDOWN_QUARTERS = 97;

/** Minutes of exact per-minute detail kept (24 h, the per-minute day of the service). */
export const BREAKDOWN_DAY_MINUTES = 1440;

/**
 * Counts by category (region or problem): a dense ring per minute for the last hour (typed
 * arrays, slot-major so the counters a burst touches share a few cache lines), and for the rest of
 * the last 24 h an archive of each minute's non-zero counts only, so an answer as of any minute of
 * the day is exact while memory follows the reports (a quiet service keeps next to nothing; a
 * dense 24 h ring for 1,000 services × 100 regions would take ~576 MB). A ring of quarter-hour
 * totals is kept too: it is what state saved before the archive existed knows of older minutes.
 */
export class Breakdown {
  minute: Uint32Array;
  quarter: Uint32Array;
  /** Categories the arrays have room for (the stride of one slot). */
  capacity: number;
  size = 0;
  /** Minutes older than the dense hour, by absolute minute: [category, count, category, count, …]. */
  archive = new Map<number, number[]>();
  /** First minute the archive (with the dense ring) holds exactly; older ones only per quarter hour. */
  archiveFrom = Number.NEGATIVE_INFINITY;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.minute = new Uint32Array(capacity * BREAKDOWN_MINUTES);
    this.quarter = new Uint32Array(capacity * BREAKDOWN_QUARTERS);
  }

  /** Makes room for one more category and returns its index. */
  addCategory(): number {
    // Grow by 16, then by a quarter: 100 regions take 112 slots, not the 128 of doubling.
    if (this.size === this.capacity)
      this.resize(this.capacity < 64 ? this.capacity + 16 : this.capacity + (this.capacity >> 2));
    return this.size++;
  }

  /** Re-lays the rings out for a new capacity (rare: categories only ever get added). */
  resize(capacity: number): void {
    const copy = (from: Uint32Array, slots: number) => {
      const to = new Uint32Array(capacity * slots);
      for (let s = 0; s < slots; s++) {
        to.set(from.subarray(s * this.capacity, s * this.capacity + this.size), s * capacity);
      }
      return to;
    };
    this.minute = copy(this.minute, BREAKDOWN_MINUTES);
    this.quarter = copy(this.quarter, BREAKDOWN_QUARTERS);
    this.capacity = capacity;
  }

  /** Copies of the rings with no spare capacity (stride = size), for snapshots. */
  compact(): { minute: Uint32Array; quarter: Uint32Array } {
    const pack = (from: Uint32Array, slots: number) => {
      if (this.capacity === this.size) return from;
      const to = new Uint32Array(this.size * slots);
      for (let s = 0; s < slots; s++)
        to.set(from.subarray(s * this.capacity, s * this.capacity + this.size), s * this.size);
      return to;
    };
    return { minute: pack(this.minute, BREAKDOWN_MINUTES), quarter: pack(this.quarter, BREAKDOWN_QUARTERS) };
  }

  /**
   * Clears the slots that the head moving from `from` to `to` (absolute minutes) reuses, moving
   * the minutes they held into the archive first.
   */
  advance(from: number, to: number): void {
    const cap = this.capacity;
    const mSteps = Math.min(to - from, BREAKDOWN_MINUTES);
    for (let k = 1; k <= mSteps; k++) {
      const s = slot(from + k, BREAKDOWN_MINUTES) * cap;
      const leaving = from + k - BREAKDOWN_MINUTES;
      if (leaving > to - BREAKDOWN_DAY_MINUTES && leaving >= this.archiveFrom) this.archiveSlot(leaving, s);
      this.minute.fill(0, s, s + cap);
    }
    if (this.archive.size > BREAKDOWN_DAY_MINUTES) {
      for (const m of this.archive.keys()) if (m <= to - BREAKDOWN_DAY_MINUTES) this.archive.delete(m);
    }
    const qFrom = quarterOfMinute(from);
    const qSteps = Math.min(quarterOfMinute(to) - qFrom, BREAKDOWN_QUARTERS);
    for (let k = 1; k <= qSteps; k++) {
      const s = slot(qFrom + k, BREAKDOWN_QUARTERS) * cap;
      this.quarter.fill(0, s, s + cap);
    }
  }

  /** The non-zero counts of one dense slot (at offset `s`), archived as minute `m`. */
  private archiveSlot(m: number, s: number): void {
    let pairs: number[] | undefined;
    for (let c = 0; c < this.size; c++) {
      const n = this.minute[s + c]!;
      if (n === 0) continue;
      pairs ??= [];
      pairs.push(c, n);
    }
    if (pairs !== undefined) this.archive.set(m, pairs);
  }

  /** Adds `n` (±) to one category of an archived minute. */
  private archiveAdd(m: number, category: number, n: number): void {
    if (m < this.archiveFrom) return;
    let pairs = this.archive.get(m);
    if (pairs === undefined) {
      if (n <= 0) return;
      pairs = [];
      this.archive.set(m, pairs);
    }
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === category) {
        pairs[i + 1] = Math.max(0, pairs[i + 1]! + n);
        return;
      }
    }
    if (n > 0) pairs.push(category, n);
  }

  /** Counts one report of `category` at `minute`; the caller has checked it lies in the last 24 h of `head`. */
  add(category: number, minute: number, head: number): void {
    const cap = this.capacity;
    if (minute > head - BREAKDOWN_MINUTES) this.minute[slot(minute, BREAKDOWN_MINUTES) * cap + category]! += 1;
    else this.archiveAdd(minute, category, 1);
    this.quarter[slot(quarterOfMinute(minute), BREAKDOWN_QUARTERS) * cap + category]! += 1;
  }

  /**
   * Moves one report at `minute` from category `from` to category `to` (an amended report), where
   * the rings still hold it; a slot with nothing to move is left alone. Returns whether the minute's
   * exact count moved (false when only its quarter hour knew it, or nothing was there).
   */
  move(from: number, to: number, minute: number, head: number): boolean {
    const cap = this.capacity;
    let moved = false;
    if (minute > head - BREAKDOWN_MINUTES && minute <= head) {
      const s = slot(minute, BREAKDOWN_MINUTES) * cap;
      if (this.minute[s + from]! > 0) {
        this.minute[s + from]! -= 1;
        this.minute[s + to]! += 1;
        moved = true;
      }
    } else if (minute <= head && (this.archive.get(minute)?.some((v, i) => i % 2 === 0 && v === from) ?? false)) {
      this.archiveAdd(minute, from, -1);
      this.archiveAdd(minute, to, 1);
      moved = true;
    }
    const q = quarterOfMinute(minute);
    if (q > quarterOfMinute(head) - BREAKDOWN_QUARTERS && minute <= head) {
      const s = slot(q, BREAKDOWN_QUARTERS) * cap;
      if (this.quarter[s + from]! > 0) {
        this.quarter[s + from]! -= 1;
        this.quarter[s + to]! += 1;
      }
    }
    return moved;
  }

  /** Reports of one category at one minute: exact in the last hour, pro-rated from its quarter before. */
  at(category: number, minute: number, head: number): number {
    if (minute > head) return 0;
    if (minute <= head - BREAKDOWN_MINUTES) return this.sum(category, minute, minute, head);
    return this.minute[slot(minute, BREAKDOWN_MINUTES) * this.capacity + category]!;
  }

  /** Reports of one category over minutes [from, to] inclusive (see `sumAll`). */
  sum(category: number, from: number, to: number, head: number): number {
    const out = new Float64Array(this.size);
    this.sumAll(from, to, head, out);
    return out[category] ?? 0;
  }

  /**
   * Reports of every category over minutes [from, to] (inclusive) into `out`. Exact within the
   * last hour of the head; older minutes come from quarter-hour buckets, pro-rated at the edges.
   */
  sumAll(from: number, to: number, head: number, out: Float64Array): void {
    const n = this.size;
    const cap = this.capacity;
    out.fill(0, 0, n);
    const end = Math.min(to, head);
    if (from > end) return;
    const split = head - BREAKDOWN_MINUTES + 1; // first minute held per minute
    const minute = this.minute;
    for (let k = Math.max(from, split); k <= end; k++) {
      const base = slot(k, BREAKDOWN_MINUTES) * cap;
      for (let c = 0; c < n; c++) out[c]! += minute[base + c]!;
    }
    const oldEnd = Math.min(end, split - 1);
    if (from > oldEnd) return;
    // Archived minutes: exact.
    const exactFrom = Math.max(from, this.archiveFrom, head - BREAKDOWN_DAY_MINUTES + 1);
    for (let k = exactFrom; k <= oldEnd; k++) {
      const pairs = this.archive.get(k);
      if (pairs !== undefined) for (let i = 0; i < pairs.length; i += 2) out[pairs[i]!]! += pairs[i + 1]!;
    }
    // Before the archive (state saved before it existed): quarter hours, pro-rated at the edges.
    const known = Math.max(this.archiveFrom, head - BREAKDOWN_DAY_MINUTES + 1);
    const quarterEnd = Math.min(oldEnd, known - 1);
    if (from > quarterEnd) return;
    const hq = quarterOfMinute(head);
    for (let q = quarterOfMinute(from); q <= quarterOfMinute(quarterEnd); q++) {
      if (q <= hq - BREAKDOWN_QUARTERS) continue;
      const qStart = q * QUARTER_MINUTES;
      // Only the part of this quarter before what is known per minute is pro-rated.
      const before = Math.min(qStart + QUARTER_MINUTES, known, split) - qStart;
      const overlap = Math.min(quarterEnd, qStart + before - 1) - Math.max(from, qStart) + 1;
      if (overlap <= 0) continue;
      const qBase = slot(q, BREAKDOWN_QUARTERS) * cap;
      for (let c = 0; c < n; c++) {
        let count = this.quarter[qBase + c]!;
        if (count === 0) continue;
        for (let k = Math.max(known, qStart); k < qStart + QUARTER_MINUTES; k++) {
          if (k >= split) count -= minute[slot(k, BREAKDOWN_MINUTES) * cap + c]!;
          else count -= this.archivedAt(k, c);
        }
        if (count > 0) out[c]! += overlap === before ? count : (count * overlap) / before;
      }
    }
  }

  /** One category's archived count at minute `k`. */
  private archivedAt(k: number, c: number): number {
    const pairs = this.archive.get(k);
    if (pairs === undefined) return 0;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) return pairs[i + 1]!;
    return 0;
  }

  /** The archive as flat numbers for a snapshot: minute, pair count, then category, count pairs. */
  archiveRows(): Uint32Array {
    const flat: number[] = [];
    for (const [m, pairs] of this.archive) flat.push(m, pairs.length / 2, ...pairs);
    return Uint32Array.from(flat);
  }

  /** Restores what `archiveRows` wrote; `from` is the first minute it holds exactly. */
  loadArchive(flat: Uint32Array, from: number): void {
    this.archive = new Map();
    this.archiveFrom = from;
    for (let i = 0; i < flat.length; ) {
      const m = flat[i]!;
      const n = flat[i + 1]!;
      this.archive.set(m, Array.from(flat.subarray(i + 2, i + 2 + 2 * n)));
      i += 2 + 2 * n;
    }
  }
}
