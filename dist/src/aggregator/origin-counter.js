import { slot } from "./time.js";
/** Minutes of distinct-origin counts kept (the last hour). */
export const ORIGIN_MINUTES = 60;
/** Minutes of "distinct origins in the hour ending here" history kept (24 h, like the minute counts). */
export const ORIGIN_HISTORY_MINUTES = 1440;
/**
 * What one service remembers about one origin (a hashed guild, an API/import origin, or a lone
 * reporter) for the diversity rule, the per-origin cap and raid detection. Numbers only: the
 * origin's hash is the map key, nothing else about it is kept.
 */
export class OriginEntry {
    /** Minute it was last counted in the distinct ring; -1 before it first counted. */
    last = -1;
    /** Latest minute any of its reports arrived (counted or not): drives forgetting. */
    seen;
    /** Quarter hour of `used`, and the weight units it added to the service in that quarter / the one before. */
    quarter = -1;
    used = 0;
    prevUsed = 0;
    /** Reports in minute `burstMinute`, for raid detection. */
    burstMinute = -1;
    burst = 0;
    /** Quarter hour in which it was flagged as a suspected raid; -1 when never. */
    raidQuarter = -1;
    constructor(seen) {
        this.seen = seen;
    }
}
/** Numbers kept per origin in a snapshot: last, seen, quarter, used, prevUsed, burstMinute, burst, raidQuarter. */
export const ORIGIN_FIELDS = 8;
/**
 * Provenance ledger of one service: distinct origins over the last hour in O(1) per report (each
 * origin is counted once, in the ring slot of the minute it was last counted, so the distinct
 * origins of the hour ending at the head are the ring's total), a per-minute history of that
 * number for as-of queries, each origin's cap and burst state, what each API token added this hour,
 * and the new-account burst state of the service.
 */
export class OriginCounter {
    entries = new Map();
    ring = new Uint32Array(ORIGIN_MINUTES);
    /** Sum of `ring`: distinct origins in the hour ending at the head. */
    total = 0;
    /** Distinct origins of the hour ending at each past minute, recorded as the head moves on. */
    hourly = new Uint32Array(ORIGIN_HISTORY_MINUTES);
    tokens = new Map();
    /** New-account reports in minute `newMinute`, and the quarter hour a new-account raid was flagged in. */
    newMinute = -1;
    newBurst = 0;
    newRaidQuarter = -1;
    sweepAtSize = 256;
    /** The origin's entry, created on first sight; marks it seen at `minute`. */
    entry(origin, minute) {
        let e = this.entries.get(origin);
        if (e === undefined) {
            e = new OriginEntry(minute);
            this.entries.set(origin, e);
        }
        else if (minute > e.seen)
            e.seen = minute;
        return e;
    }
    /** Counts the origin of `e` as reporting at `minute`; `head` is the service's head after the report. */
    count(e, minute, head) {
        const prev = e.last;
        if (prev >= minute)
            return;
        if (minute > head - ORIGIN_MINUTES) {
            if (prev >= 0 && prev > head - ORIGIN_MINUTES)
                this.uncount(prev);
            this.ring[slot(minute, ORIGIN_MINUTES)] += 1;
            this.total++;
        }
        e.last = minute;
    }
    uncount(minute) {
        const s = slot(minute, ORIGIN_MINUTES);
        if (this.ring[s] > 0) {
            this.ring[s] -= 1;
            this.total--;
        }
    }
    /** Forgets an origin (excluded by the owner): it leaves the current hour's distinct count at once. */
    remove(origin, head) {
        const e = this.entries.get(origin);
        if (e === undefined)
            return undefined;
        if (e.last >= 0 && e.last > head - ORIGIN_MINUTES && e.last <= head)
            this.uncount(e.last);
        this.entries.delete(origin);
        return e;
    }
    /**
     * Moves the head from `from` to `to`: records the distinct count of the hour ending at each
     * minute passed, clears the ring slots reused, and forgets origins not seen for an hour.
     */
    advance(from, to) {
        const H = ORIGIN_HISTORY_MINUTES;
        let t = this.total;
        if (from >= to - H)
            this.hourly[slot(from, H)] = t;
        // The hour ending at from + k has lost minutes from-59 … from+k-60: the slots about to be reused.
        for (let k = 1; k < to - from && k <= ORIGIN_MINUTES; k++) {
            t -= this.ring[slot(from + k, ORIGIN_MINUTES)];
            if (from + k >= to - H)
                this.hourly[slot(from + k, H)] = t;
        }
        for (let x = Math.max(from + ORIGIN_MINUTES + 1, to - H); x < to; x++)
            this.hourly[slot(x, H)] = 0;
        const steps = Math.min(to - from, ORIGIN_MINUTES);
        for (let k = 1; k <= steps; k++) {
            const s = slot(from + k, ORIGIN_MINUTES);
            this.total -= this.ring[s];
            this.ring[s] = 0;
        }
        if (this.entries.size < this.sweepAtSize)
            return;
        for (const [origin, e] of this.entries)
            if (e.seen <= to - ORIGIN_MINUTES)
                this.entries.delete(origin);
        this.sweepAtSize = Math.max(256, this.entries.size * 2);
    }
    /** Distinct origins counted in the hour ending at absolute minute `minute` (service head `head`). */
    distinct(minute, head) {
        if (head < 0 || minute <= head - ORIGIN_HISTORY_MINUTES)
            return 0;
        if (minute === head)
            return this.total;
        if (minute < head)
            return this.hourly[slot(minute, ORIGIN_HISTORY_MINUTES)];
        let n = 0;
        for (let k = Math.max(minute - ORIGIN_MINUTES + 1, head - ORIGIN_MINUTES + 1); k <= head; k++) {
            n += this.ring[slot(k, ORIGIN_MINUTES)];
        }
        return n;
    }
    /** Origins seen within the last hour of `head`, for a snapshot (one typed array: cheap to encode and check). */
    rows(head) {
        const hashes = [];
        const numbers = [];
        for (const [hash, e] of this.entries) {
            if (e.seen <= head - ORIGIN_MINUTES)
                continue;
            hashes.push(hash);
            numbers.push(e.last, e.seen, e.quarter, e.used, e.prevUsed, e.burstMinute, e.burst, e.raidQuarter);
        }
        return { hashes, numbers: Uint32Array.from(numbers, (n) => n + 1) };
    }
    /** Restores rows written by `rows` (or the older [hash, last] pairs). */
    loadRows(rows, legacy) {
        this.entries = new Map();
        const n = rows?.numbers;
        for (let i = 0; rows !== undefined && n !== undefined && i < rows.hashes.length; i++) {
            const o = i * ORIGIN_FIELDS;
            const e = new OriginEntry(n[o + 1] - 1);
            e.last = n[o] - 1;
            e.quarter = n[o + 2] - 1;
            e.used = n[o + 3] - 1;
            e.prevUsed = n[o + 4] - 1;
            e.burstMinute = n[o + 5] - 1;
            e.burst = n[o + 6] - 1;
            e.raidQuarter = n[o + 7] - 1;
            this.entries.set(rows.hashes[i], e);
        }
        if (rows === undefined) {
            for (const [hash, last] of legacy ?? []) {
                const e = new OriginEntry(last);
                e.last = last;
                this.entries.set(hash, e);
            }
        }
        this.total = this.ring.reduce((a, b) => a + b, 0);
    }
}
//# sourceMappingURL=origin-counter.js.map