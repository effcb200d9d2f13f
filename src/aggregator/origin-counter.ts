import { slot } from "./time.js";

/** Minutes in the distinct-origin window (the last hour). */
export const ORIGIN_MINUTES = 60;
/** Minutes of "distinct origins in the hour ending here" history kept (24 h, like the minute counts). */
export const ORIGIN_HISTORY_MINUTES = 1440;
/**
 * Slots of the distinct-origin ring: the hour ending at each minute of the last 24 h, and the
 * hour ending at each of the 59 minutes after the head that its reports still reach.
 */
export const DISTINCT_SLOTS = ORIGIN_HISTORY_MINUTES + ORIGIN_MINUTES;

/**
 * What one service remembers about one origin (a hashed guild, an API/import origin, or a lone
 * reporter) for the per-origin cap and raid detection, over the last hour. Numbers only: the
 * origin's hash is the map key, nothing else about it is kept.
 */
export class OriginEntry {
  /** Latest minute it was counted in for the diversity rule; -1 before it first counted. */
  last = -1;
  /** Latest minute any of its reports arrived (counted or not): drives forgetting. */
  seen: number;
  /** Quarter hour of `used`, and the weight units it added to the service in that quarter / the one before. */
  quarter = -1;
  used = 0;
  prevUsed = 0;
  /** Reports in minute `burstMinute`, for raid detection. */
  burstMinute = -1;
  burst = 0;
  /** Quarter hour in which it was flagged as a suspected raid; -1 when never. */
  raidQuarter = -1;
  /** Reports in minutes before `burstMinute` that arrived late (event time), the last quarter hour only. */
  older: Map<number, number> | null = null;
  /** Weight units added in quarters before `quarter` (reports that came late), by quarter. */
  usedBefore: Map<number, number> | null = null;
  /** Quarter hour of `refused`: reports of it refused as duplicates or over the rate limit (a flood). */
  refusedQuarter = -1;
  refused = 0;

  constructor(seen: number) {
    this.seen = seen;
  }
}

/** Numbers kept per origin in a snapshot: last, seen, quarter, used, prevUsed, burstMinute, burst, raidQuarter. */
export const ORIGIN_FIELDS = 8;

/** Origins of a snapshot: their hashes, and ORIGIN_FIELDS numbers each (+1, so -1 fits unsigned). */
export interface OriginRows {
  hashes: string[];
  numbers: Uint32Array;
  /**
   * The late-report state of each origin, flat in the order of `hashes`: refusedQuarter + 1,
   * refused, then the `older` map (its size, then minute, count pairs) and the `usedBefore` map
   * (its size, then quarter, units pairs). Absent in snapshots from before it was kept.
   */
  late?: Uint32Array;
}

/** Which minutes each origin was counted in, for a snapshot: hashes, and per hash its count then its minutes. */
export interface CoverageRows {
  hashes: string[];
  minutes: Uint32Array;
}

/** How much one API token added to one service in one hour. */
export interface TokenUse {
  hour: number;
  used: number;
}

/**
 * Provenance ledger of one service: distinct origins per hour in event time, each origin's cap and
 * burst state, what each API token added this hour, and the new-account burst state of the service.
 *
 * The distinct count of the hour ending at minute k is the number of origins counted in some minute
 * of (k − 60, k]. Each origin keeps the minutes it was counted in over the per-minute day, so a
 * report that arrives late adds its origin exactly to the hours its own minute reaches that no
 * other minute of the origin already covers: the count depends on the reports, not on the order
 * they arrive in.
 */
export class OriginCounter {
  entries = new Map<string, OriginEntry>();
  /** Distinct origins of the hour ending at each minute, ring keyed by absolute minute. */
  distinctAt: Uint32Array = new Uint32Array(DISTINCT_SLOTS);
  /** Minutes each origin was counted in: one minute (most origins) as a number, more as an ascending array. */
  counted = new Map<string, number | number[]>();
  tokens = new Map<string, TokenUse>();
  /** New-account reports in minute `newMinute`, and the quarter hour a new-account raid was flagged in. */
  newMinute = -1;
  newBurst = 0;
  newRaidQuarter = -1;
  private sweepAtSize = 256;
  private countedSweepAtSize = 1024;

  /** The origin's entry, created on first sight; marks it seen at `minute`. */
  entry(origin: string, minute: number): OriginEntry {
    let e = this.entries.get(origin);
    if (e === undefined) {
      e = new OriginEntry(minute);
      this.entries.set(origin, e);
    } else if (minute > e.seen) e.seen = minute;
    return e;
  }

  /** Counts `origin` (entry `e`) as reporting at `minute`; `head` is the service's head after the report. */
  count(origin: string, e: OriginEntry, minute: number, head: number): void {
    if (minute > e.last) e.last = minute;
    // The first hour a kept minute of the ring can end at.
    const lowest = head + ORIGIN_MINUTES - DISTINCT_SLOTS;
    if (minute + ORIGIN_MINUTES - 1 < lowest) return;
    let prev = Number.NEGATIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    const had = this.counted.get(origin);
    if (had === undefined) this.counted.set(origin, minute);
    else if (typeof had === "number") {
      if (had === minute) return;
      if (had < minute) prev = had;
      else next = had;
      this.counted.set(origin, had < minute ? [had, minute] : [minute, had]);
    } else {
      let lo = 0;
      let hi = had.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (had[mid]! < minute) lo = mid + 1;
        else hi = mid;
      }
      if (had[lo] === minute) return;
      if (lo > 0) prev = had[lo - 1]!;
      if (lo < had.length) next = had[lo]!;
      had.splice(lo, 0, minute);
      // Minutes whose hours have all left the ring cover nothing any more.
      let drop = 0;
      while (drop < had.length - 1 && had[drop]! + ORIGIN_MINUTES - 1 < lowest) drop++;
      if (drop > 0) had.splice(0, drop);
    }
    // The hours ending at minute … minute + 59 that no other minute of this origin already covers.
    const from = Math.max(minute, prev + ORIGIN_MINUTES, lowest);
    const to = Math.min(minute + ORIGIN_MINUTES - 1, next - 1);
    for (let k = from; k <= to; k++) this.distinctAt[slot(k, DISTINCT_SLOTS)]! += 1;
  }

  /**
   * Forgets an origin (excluded by the owner): it leaves the distinct count of the hour ending at
   * the head, and of those after, at once; hours already past keep what was answered for them.
   */
  remove(origin: string, head: number): OriginEntry | undefined {
    const had = this.counted.get(origin);
    if (had !== undefined) {
      const lowest = head;
      let covered = lowest - 1;
      for (const m of typeof had === "number" ? [had] : had) {
        for (let k = Math.max(m, covered + 1, lowest); k <= m + ORIGIN_MINUTES - 1; k++) {
          const s = slot(k, DISTINCT_SLOTS);
          if (this.distinctAt[s]! > 0) this.distinctAt[s]! -= 1;
        }
        covered = Math.max(covered, m + ORIGIN_MINUTES - 1);
      }
      this.counted.delete(origin);
    }
    const e = this.entries.get(origin);
    if (e === undefined) return undefined;
    this.entries.delete(origin);
    return e;
  }

  /**
   * Moves the head from `from` to `to`: clears the ring slots of the hours that come into view
   * (ending up to 59 minutes after the new head), and forgets origins whose reports no kept hour
   * holds any more (an hour unseen, for the cap and burst state).
   */
  advance(from: number, to: number): void {
    const steps = Math.min(to - from, DISTINCT_SLOTS);
    for (let k = 0; k < steps; k++) this.distinctAt[slot(to + ORIGIN_MINUTES - 1 - k, DISTINCT_SLOTS)] = 0;
    if (this.counted.size >= this.countedSweepAtSize) {
      const lowest = to + ORIGIN_MINUTES - DISTINCT_SLOTS;
      for (const [origin, had] of this.counted) {
        const latest = typeof had === "number" ? had : had[had.length - 1]!;
        if (latest + ORIGIN_MINUTES - 1 < lowest) this.counted.delete(origin);
      }
      this.countedSweepAtSize = Math.max(1024, this.counted.size * 2);
    }
    if (this.entries.size < this.sweepAtSize) return;
    for (const [origin, e] of this.entries) if (e.seen <= to - ORIGIN_MINUTES) this.entries.delete(origin);
    this.sweepAtSize = Math.max(256, this.entries.size * 2);
  }

  /** Distinct origins counted in the hour ending at absolute minute `minute` (service head `head`). */
  distinct(minute: number, head: number): number {
    if (head < 0 || minute <= head - ORIGIN_HISTORY_MINUTES || minute > head + ORIGIN_MINUTES - 1) return 0;
    return this.distinctAt[slot(minute, DISTINCT_SLOTS)]!;
  }

  /** Origins seen within the last hour of `head`, for a snapshot (typed arrays: cheap to encode and check). */
  rows(head: number): OriginRows {
    const hashes: string[] = [];
    const numbers: number[] = [];
    const late: number[] = [];
    for (const [hash, e] of this.entries) {
      if (e.seen <= head - ORIGIN_MINUTES) continue;
      hashes.push(hash);
      numbers.push(e.last, e.seen, e.quarter, e.used, e.prevUsed, e.burstMinute, e.burst, e.raidQuarter);
      late.push(e.refusedQuarter + 1, e.refused);
      for (const map of [e.older, e.usedBefore]) {
        late.push(map?.size ?? 0);
        for (const [k, v] of map ?? []) late.push(k, v);
      }
    }
    return { hashes, numbers: Uint32Array.from(numbers, (n) => n + 1), late: Uint32Array.from(late) };
  }

  /** The minutes each origin was counted in that a kept hour still holds, for a snapshot. */
  coverage(): CoverageRows {
    const hashes: string[] = [];
    const minutes: number[] = [];
    for (const [hash, had] of this.counted) {
      hashes.push(hash);
      if (typeof had === "number") minutes.push(1, had);
      else minutes.push(had.length, ...had);
    }
    return { hashes, minutes: Uint32Array.from(minutes) };
  }

  /** Restores what `coverage` wrote. */
  loadCoverage(rows: CoverageRows): void {
    this.counted = new Map();
    let o = 0;
    for (const hash of rows.hashes) {
      const n = rows.minutes[o++] ?? 0;
      const list = Array.from(rows.minutes.subarray(o, o + n));
      o += n;
      if (list.length === 1) this.counted.set(hash, list[0]!);
      else if (list.length > 1) this.counted.set(hash, list);
    }
  }

  /**
   * Rebuilds the distinct ring and each origin's latest minute from a snapshot of the older form
   * (a ring of the last hour's distinct origins per minute and the history of the hour ending at
   * each past minute). Late reports after it cannot tell minutes the origins reported in before
   * their latest one.
   */
  loadLegacy(head: number, ring: Uint32Array | undefined, hourly: Uint32Array | undefined): void {
    this.distinctAt.fill(0);
    this.counted = new Map();
    if (head < 0) return;
    const ringAt = (m: number) => (ring === undefined ? 0 : ring[slot(m, ORIGIN_MINUTES)]!);
    for (let k = head - ORIGIN_HISTORY_MINUTES + 1; k <= head + ORIGIN_MINUTES - 1; k++) {
      let n = 0;
      if (k < head) n = hourly === undefined ? 0 : hourly[slot(k, ORIGIN_HISTORY_MINUTES)]!;
      else for (let m = Math.max(k - ORIGIN_MINUTES + 1, head - ORIGIN_MINUTES + 1); m <= head; m++) n += ringAt(m);
      this.distinctAt[slot(k, DISTINCT_SLOTS)] = n;
    }
    for (const [hash, e] of this.entries)
      if (e.last >= 0 && e.last > head - ORIGIN_MINUTES) this.counted.set(hash, e.last);
  }

  /** Restores rows written by `rows` (or the older [hash, last] pairs). */
  loadRows(rows: OriginRows | undefined, legacy: readonly [string, number][] | undefined): void {
    this.entries = new Map();
    const n = rows?.numbers;
    const late = rows?.late;
    let l = 0;
    for (let i = 0; rows !== undefined && n !== undefined && i < rows.hashes.length; i++) {
      const o = i * ORIGIN_FIELDS;
      const e = new OriginEntry(n[o + 1]! - 1);
      e.last = n[o]! - 1;
      e.quarter = n[o + 2]! - 1;
      e.used = n[o + 3]! - 1;
      e.prevUsed = n[o + 4]! - 1;
      e.burstMinute = n[o + 5]! - 1;
      e.burst = n[o + 6]! - 1;
      e.raidQuarter = n[o + 7]! - 1;
      if (late !== undefined) {
        e.refusedQuarter = late[l++]! - 1;
        e.refused = late[l++]!;
        const older = readMap(late, l);
        l = older.next;
        const before = readMap(late, l);
        l = before.next;
        e.older = older.map;
        e.usedBefore = before.map;
      }
      this.entries.set(rows.hashes[i]!, e);
    }
    if (rows === undefined) {
      for (const [hash, last] of legacy ?? []) {
        const e = new OriginEntry(last);
        e.last = last;
        this.entries.set(hash, e);
      }
    }
  }
}

/** A map written as its size, then key, value pairs, from `at`; null when empty. */
function readMap(flat: Uint32Array, at: number): { map: Map<number, number> | null; next: number } {
  const size = flat[at] ?? 0;
  if (size === 0) return { map: null, next: at + 1 };
  const map = new Map<number, number>();
  for (let i = 0; i < size; i++) map.set(flat[at + 1 + 2 * i]!, flat[at + 2 + 2 * i]!);
  return { map, next: at + 1 + 2 * size };
}
