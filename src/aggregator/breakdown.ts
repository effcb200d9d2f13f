import { QUARTER_MINUTES, quarterOfMinute, slot } from "./time.js";

/** Per-minute slots kept per category (the last hour, exact). */
export const BREAKDOWN_MINUTES = 60;
/** Quarter-hour slots kept per category (24 h plus the quarter being filled). */
export const BREAKDOWN_QUARTERS = 97;

/**
 * Counts by category (region or problem) in two rings on typed arrays: per minute for the last
 * hour and per quarter-hour for the last 24 h. That keeps 1,000 services × 100 regions under
 * ~80 MB where per-minute counts for 24 h would take ~576 MB. Layout is slot-major (all
 * categories of one minute side by side), so the counters a burst of reports touches share a few
 * cache lines.
 */
export class Breakdown {
  minute: Uint32Array;
  quarter: Uint32Array;
  /** Categories the arrays have room for (the stride of one slot). */
  capacity: number;
  size = 0;

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

  /** Clears the slots that the head moving from `from` to `to` (absolute minutes) reuses. */
  advance(from: number, to: number): void {
    const cap = this.capacity;
    const mSteps = Math.min(to - from, BREAKDOWN_MINUTES);
    for (let k = 1; k <= mSteps; k++) {
      const s = slot(from + k, BREAKDOWN_MINUTES) * cap;
      this.minute.fill(0, s, s + cap);
    }
    const qFrom = quarterOfMinute(from);
    const qSteps = Math.min(quarterOfMinute(to) - qFrom, BREAKDOWN_QUARTERS);
    for (let k = 1; k <= qSteps; k++) {
      const s = slot(qFrom + k, BREAKDOWN_QUARTERS) * cap;
      this.quarter.fill(0, s, s + cap);
    }
  }

  /** Counts one report of `category` at `minute`; the caller has checked it lies in the last 24 h of `head`. */
  add(category: number, minute: number, head: number): void {
    const cap = this.capacity;
    if (minute > head - BREAKDOWN_MINUTES) this.minute[slot(minute, BREAKDOWN_MINUTES) * cap + category]! += 1;
    this.quarter[slot(quarterOfMinute(minute), BREAKDOWN_QUARTERS) * cap + category]! += 1;
  }

  /**
   * Moves one report at `minute` from category `from` to category `to` (an amended report), where
   * the rings still hold it; a slot with nothing to move is left alone.
   */
  move(from: number, to: number, minute: number, head: number): void {
    const cap = this.capacity;
    if (minute > head - BREAKDOWN_MINUTES && minute <= head) {
      const s = slot(minute, BREAKDOWN_MINUTES) * cap;
      if (this.minute[s + from]! > 0) {
        this.minute[s + from]! -= 1;
        this.minute[s + to]! += 1;
      }
    }
    const q = quarterOfMinute(minute);
    if (q > quarterOfMinute(head) - BREAKDOWN_QUARTERS && minute <= head) {
      const s = slot(q, BREAKDOWN_QUARTERS) * cap;
      if (this.quarter[s + from]! > 0) {
        this.quarter[s + from]! -= 1;
        this.quarter[s + to]! += 1;
      }
    }
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
    const hq = quarterOfMinute(head);
    for (let q = quarterOfMinute(from); q <= quarterOfMinute(oldEnd); q++) {
      if (q <= hq - BREAKDOWN_QUARTERS) continue;
      const qStart = q * QUARTER_MINUTES;
      // Only the part of this quarter before `split` is not already counted per minute.
      const before = Math.min(qStart + QUARTER_MINUTES, split) - qStart;
      const overlap = Math.min(oldEnd, qStart + before - 1) - Math.max(from, qStart) + 1;
      if (overlap <= 0) continue;
      const qBase = slot(q, BREAKDOWN_QUARTERS) * cap;
      for (let c = 0; c < n; c++) {
        let count = this.quarter[qBase + c]!;
        if (count === 0) continue;
        for (let k = split; k < qStart + QUARTER_MINUTES; k++) count -= minute[slot(k, BREAKDOWN_MINUTES) * cap + c]!;
        if (count > 0) out[c]! += overlap === before ? count : (count * overlap) / before;
      }
    }
  }
}
