// One reporter is one row of STRIDE numbers in a Float64Array: no object per reporter, one cache
// line per lookup, nothing for the garbage collector.
const STRIDE = 5;
const SVC = 0; // key of the first service reported (most reporters report one)
const SVC_AT = 1; // last accepted time for that service
const LAST = 2; // latest accepted report
const WIN_START = 3; // start of the reporter's current rate window
const WIN_COUNT = 4; // reports accepted in it
/**
 * Dedupe (one reporter counts once per service per window) and a per-reporter rate limit across
 * services (a fixed window per reporter, opened by its first report). Services are small integer
 * keys given by the caller. Memory is bounded: as the clock moves, at most once per window and
 * only when the table has doubled since the last sweep, reporters whose last accepted report is
 * older than a window are swept out and their rows reused.
 */
export class ReporterGuard {
    dedupeWindowMs;
    maxPerWindow;
    rateWindowMs;
    index = new Map();
    rows = new Float64Array(1024 * STRIDE);
    free = [];
    used = 0;
    /** Further services of a reporter, by row: flat [key, time, key, time, …] (rare). */
    more = new Map();
    nextSweep = 0;
    sweepAtSize = 1024;
    generation;
    constructor(dedupeWindowMs, maxPerWindow, rateWindowMs) {
        this.dedupeWindowMs = dedupeWindowMs;
        this.maxPerWindow = maxPerWindow;
        this.rateWindowMs = rateWindowMs;
        this.generation = Math.max(dedupeWindowMs, rateWindowMs);
    }
    /** Drops reporters not seen for a full window as the clock moves to `now`. */
    advance(now) {
        if (now < this.nextSweep || this.index.size < this.sweepAtSize)
            return;
        this.sweep(now);
    }
    /** Drops every reporter not seen for a full window, whatever the table's size. */
    sweep(now) {
        const cutoff = now - this.generation;
        const rows = this.rows;
        for (const [hash, row] of this.index) {
            if (rows[row * STRIDE + LAST] < cutoff) {
                this.index.delete(hash);
                this.more.delete(row);
                this.free.push(row);
            }
        }
        this.nextSweep = now + this.generation;
        this.sweepAtSize = Math.max(1024, this.index.size * 2);
    }
    newRow() {
        const reused = this.free.pop();
        if (reused !== undefined)
            return reused;
        if ((this.used + 1) * STRIDE > this.rows.length) {
            const grown = new Float64Array(this.rows.length * 2);
            grown.set(this.rows);
            this.rows = grown;
        }
        return this.used++;
    }
    /** Checks a report of service `svc` (a small integer key) and, when it is ok, remembers it. */
    admit(reporterHash, svc, at) {
        const row = this.index.get(reporterHash);
        if (row === undefined) {
            const r = this.newRow();
            const o = r * STRIDE;
            const rows = this.rows;
            rows[o + SVC] = svc;
            rows[o + SVC_AT] = at;
            rows[o + LAST] = at;
            rows[o + WIN_START] = at;
            rows[o + WIN_COUNT] = 1;
            this.index.set(reporterHash, r);
            return "ok";
        }
        const rows = this.rows;
        const o = row * STRIDE;
        let lastForService;
        if (rows[o + SVC] === svc)
            lastForService = rows[o + SVC_AT];
        else {
            const more = this.more.get(row);
            if (more !== undefined)
                for (let i = 0; i < more.length; i += 2)
                    if (more[i] === svc)
                        lastForService = more[i + 1];
        }
        if (lastForService !== undefined && Math.abs(at - lastForService) < this.dedupeWindowMs)
            return "duplicate";
        const windowOver = at - rows[o + WIN_START] >= this.rateWindowMs;
        if (!windowOver && rows[o + WIN_COUNT] >= this.maxPerWindow)
            return "rate_limited";
        if (windowOver) {
            rows[o + WIN_START] = at;
            rows[o + WIN_COUNT] = 1;
        }
        else
            rows[o + WIN_COUNT] += 1;
        if (rows[o + SVC] === svc)
            rows[o + SVC_AT] = Math.max(rows[o + SVC_AT], at);
        else
            this.remember(row, svc, at);
        if (at > rows[o + LAST])
            rows[o + LAST] = at;
        return "ok";
    }
    remember(row, svc, at) {
        let more = this.more.get(row);
        if (more === undefined) {
            more = [];
            this.more.set(row, more);
        }
        for (let i = 0; i < more.length; i += 2) {
            if (more[i] === svc) {
                more[i + 1] = Math.max(more[i + 1], at);
                return;
            }
        }
        // Entries older than the dedupe window can no longer make a duplicate: reuse their place.
        for (let i = 0; i < more.length; i += 2) {
            if (at - more[i + 1] >= this.dedupeWindowMs) {
                more[i] = svc;
                more[i + 1] = at;
                return;
            }
        }
        more.push(svc, at);
    }
    /** Reporters with an accepted report within a window of `now` (what a snapshot keeps). */
    size(now) {
        let n = 0;
        for (const row of this.index.values())
            if (this.rows[row * STRIDE + LAST] >= now - this.generation)
                n++;
        return n;
    }
    /** Reporters seen within a window of `now`, for a snapshot; `idOf` names a service key. */
    entries(now, idOf) {
        const out = [];
        const rows = this.rows;
        for (const [hash, row] of this.index) {
            const o = row * STRIDE;
            if (rows[o + LAST] < now - this.generation)
                continue;
            const services = [[idOf(rows[o + SVC]), rows[o + SVC_AT]]];
            const more = this.more.get(row) ?? [];
            for (let i = 0; i < more.length; i += 2)
                services.push([idOf(more[i]), more[i + 1]]);
            out.push([hash, [rows[o + WIN_START], rows[o + WIN_COUNT], rows[o + LAST]], services]);
        }
        return out;
    }
    /** Restores reporters saved by `entries`, as of `now`; `keyOf` gives a service id's key. */
    load(entries, now, keyOf) {
        this.index = new Map();
        this.more = new Map();
        this.free = [];
        this.used = 0;
        this.rows = new Float64Array(Math.max(1024, entries.length) * STRIDE);
        for (const [hash, window, services] of entries) {
            const [first, ...rest] = services;
            if (first === undefined)
                continue;
            const r = this.newRow();
            const o = r * STRIDE;
            this.rows[o + SVC] = keyOf(first[0]);
            this.rows[o + SVC_AT] = first[1];
            this.rows[o + LAST] = window[2] ?? first[1];
            this.rows[o + WIN_START] = window[0] ?? first[1];
            this.rows[o + WIN_COUNT] = window[1] ?? 1;
            if (rest.length > 0)
                this.more.set(r, rest.flatMap(([id, at]) => [keyOf(id), at]));
            this.index.set(hash, r);
        }
        this.nextSweep = now + this.generation;
        this.sweepAtSize = Math.max(1024, this.index.size * 2);
    }
}
//# sourceMappingURL=reporter-guard.js.map