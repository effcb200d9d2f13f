import { PROBLEMS } from "../domain/problems.js";
import { baselineFor } from "./baseline.js";
import { forgetOrigin, forgetToken, weighReport } from "./crowd-weight.js";
import { incidentAsOf } from "./incident-as-of.js";
import { reconcileRederived } from "./late-reports.js";
import { BASELINE_FLOOR_PER_HOUR, DEFAULT_TOKEN_CAP_PER_HOUR, SUSPECT } from "./level-rules.js";
import { ReporterGuard } from "./reporter-guard.js";
import { HOUR_SLOTS, MINUTE_DETAIL, MINUTE_SLOTS, PROBLEM_INDEX } from "./service-counts.js";
import { restoreService, serviceSnapshot } from "./service-state.js";
import { AggregatorSnapshotSchema, SNAPSHOT_VERSION } from "./snapshot.js";
import { HOUR_MS, hourOfMinute, MINUTE_MS, minuteOf } from "./time.js";
import { ratesAtMinute, verdictAt } from "./verdict.js";
const DEFAULTS = {
    dedupeWindowMs: 15 * MINUTE_MS,
    maxReportsPerReporter: 10,
    rateWindowMs: 15 * MINUTE_MS,
    maxFutureMs: MINUTE_MS,
};
/** Minutes after the newest report whose level still counts it (the 15-minute window). */
const QUIET_AFTER_HEAD_MINUTES = 14;
/** Minutes of levels the tracker looks back over (its ring). */
const LEVEL_RING_MINUTES = 16;
/** Resolved incidents are kept this long. */
const INCIDENT_RETENTION_MS = 28 * 24 * HOUR_MS;
/** How far back `since` walks minute by minute before giving up. */
const SINCE_LOOKBACK_MINUTES = 180;
/** A resolved incident still shows on a status report this long after it ended. */
const RECENTLY_RESOLVED_MS = HOUR_MS;
/** Most points a series returns; a smaller step is widened to fit. */
const MAX_SERIES_POINTS = 2000;
const ACCEPTED = Object.freeze({ accepted: true });
function reject(reason, message) {
    return { accepted: false, reason, message };
}
class AggregatorImpl {
    services = new Map();
    /** Services by guard key. */
    byKey = [];
    /** Services to evaluate at the next tick. */
    active = [];
    /** Services changed since the last snapshot. */
    changed = [];
    guard;
    opts;
    tokenCaps;
    suspect;
    excludedOrigins = new Set();
    excludedTokens = new Set();
    clock = 0;
    lastTick = 0;
    counters = { accepted: 0, rejected: {} };
    constructor(options = {}) {
        this.opts = {
            dedupeWindowMs: options.dedupeWindowMs ?? DEFAULTS.dedupeWindowMs,
            maxReportsPerReporter: options.maxReportsPerReporter ?? DEFAULTS.maxReportsPerReporter,
            rateWindowMs: options.rateWindowMs ?? DEFAULTS.rateWindowMs,
            maxFutureMs: options.maxFutureMs ?? DEFAULTS.maxFutureMs,
        };
        this.tokenCaps = {
            byToken: { ...(options.tokenCaps ?? {}) },
            fallback: options.tokenCapPerHour ?? DEFAULT_TOKEN_CAP_PER_HOUR,
        };
        const listener = options.onSuspicion;
        // A listener that throws must not lose the report being counted.
        this.suspect =
            listener === undefined
                ? undefined
                : (sus) => {
                    try {
                        listener(sus);
                    }
                    catch {
                        // ignored: logging is the listener's business
                    }
                };
        this.guard = new ReporterGuard(this.opts.dedupeWindowMs, this.opts.maxReportsPerReporter, this.opts.rateWindowMs);
    }
    count(result) {
        if (result.accepted)
            this.counters.accepted++;
        else
            this.counters.rejected[result.reason] = (this.counters.rejected[result.reason] ?? 0) + 1;
        return result;
    }
    ingest(report, now) {
        const at = report.at;
        if (typeof at !== "number" || !Number.isFinite(at) || at < 0) {
            return this.count(reject("invalid", "report time is not a valid time"));
        }
        const problem = PROBLEM_INDEX[report.problem];
        if (problem === undefined || typeof report.serviceId !== "string" || report.serviceId === "") {
            return this.count(reject("invalid", "report has no service or an unknown problem type"));
        }
        if (now !== undefined && at > now + this.opts.maxFutureMs) {
            return this.count(reject("in_future", "report time is more than a minute in the future"));
        }
        // Event time: a report is judged by its own time against the service's newest report, never
        // against the wall clock (how late a live source may be is the intake's rule, see lateness.ts).
        const minute = minuteOf(at);
        const state = this.services.get(report.serviceId);
        const head = state === undefined ? -1 : state.counts.head;
        if (head >= 0 && hourOfMinute(minute) <= hourOfMinute(head) - HOUR_SLOTS) {
            return this.count(reject("too_old", "report is older than the 28 days of history the aggregator keeps"));
        }
        if (at > this.clock) {
            this.clock = at;
            this.guard.advance(at);
        }
        if (this.isExcluded(report)) {
            if (state !== undefined)
                state.counts.suspects.add(SUSPECT.excluded, minute);
            return this.count(reject("excluded", "reports from this server or API token are excluded from the crowd signal"));
        }
        const s = state ?? this.createService(report.serviceId);
        const verdict = this.guard.admit(report.reporterHash, s.key, at);
        if (verdict === "duplicate") {
            return this.count(reject("duplicate", "already counted: one report per service every 15 minutes"));
        }
        if (verdict === "rate_limited") {
            return this.count(reject("rate_limited", `too many reports: at most ${this.opts.maxReportsPerReporter} every 15 minutes`));
        }
        if (s.counts.add(minute, report.region, problem) !== MINUTE_DETAIL) {
            // History older than the per-minute day: it feeds the hourly baseline only.
            if (!s.inChanged)
                this.markChanged(s);
            this.counters.accepted++;
            return ACCEPTED;
        }
        // Provenance: account age, raid flags and caps decide what the report adds to the level.
        const units = weighReport(s.counts, report, minute, this.tokenCaps, this.suspect);
        if (units > 0)
            s.counts.addWeighted(minute, units);
        if (s.dirtyFrom === null || minute < s.dirtyFrom)
            s.dirtyFrom = minute;
        if (!s.inActive)
            this.markActive(s);
        if (!s.inChanged)
            this.markChanged(s);
        this.counters.accepted++;
        return ACCEPTED;
    }
    isExcluded(report) {
        if (this.excludedOrigins.size > 0 && this.excludedOrigins.has(report.originHash))
            return true;
        return (this.excludedTokens.size > 0 &&
            report.source === "api" &&
            report.sourceName !== undefined &&
            this.excludedTokens.has(report.sourceName));
    }
    setExclusions(exclusions) {
        const origins = new Set(exclusions.origins);
        const tokens = new Set(exclusions.tokens);
        for (const s of this.services.values()) {
            let changed = false;
            for (const o of origins)
                if (!this.excludedOrigins.has(o) && forgetOrigin(s.counts, o))
                    changed = true;
            for (const t of tokens)
                if (!this.excludedTokens.has(t) && forgetToken(s.counts, t))
                    changed = true;
            if (changed) {
                // Re-evaluate from the earliest minute whose weight may have changed.
                const from = s.counts.head - 30;
                if (s.dirtyFrom === null || from < s.dirtyFrom)
                    s.dirtyFrom = from;
                if (!s.inActive)
                    this.markActive(s);
                if (!s.inChanged)
                    this.markChanged(s);
            }
        }
        this.excludedOrigins = origins;
        this.excludedTokens = tokens;
    }
    markActive(s) {
        s.inActive = true;
        this.active.push(s);
    }
    markChanged(s) {
        s.inChanged = true;
        this.changed.push(s);
    }
    createService(id) {
        return this.addService(restoreService(null, id));
    }
    addService(s) {
        s.key = this.byKey.length;
        this.byKey.push(s);
        this.services.set(s.counts.id, s);
        return s;
    }
    tick(now) {
        const last = minuteOf(now) - 1;
        if (now > this.clock) {
            this.clock = now;
            this.guard.advance(now);
        }
        const prevTickHour = Math.floor(this.lastTick / HOUR_MS);
        this.lastTick = Math.max(this.lastTick, now);
        const events = [];
        const stillActive = [];
        for (const s of this.active) {
            const fresh = this.evaluate(s, last);
            if (fresh.length > 0)
                events.push(...fresh);
            if (s.tracker.busy() || s.dirtyFrom !== null || s.counts.head >= last - 15)
                stillActive.push(s);
            else
                s.inActive = false;
        }
        this.active = stillActive;
        if (Math.floor(now / HOUR_MS) !== prevTickHour) {
            // Retention in event time: an import of last month keeps its incidents.
            for (const s of this.services.values())
                s.tracker.prune((s.counts.head + 1) * MINUTE_MS - INCIDENT_RETENTION_MS);
        }
        return events.sort((a, b) => a.at - b.at);
    }
    /**
     * Evaluates one service's finished minutes up to `last`, in event time: from the first minute
     * not evaluated yet, or, when late reports changed minutes already evaluated, again from before
     * them (see IncidentTracker.rewind). Only the per-minute day of the service's own data can be
     * evaluated; past its newest report it goes on only while an incident or a streak is open.
     */
    evaluate(s, last) {
        const t = s.tracker;
        const counts = s.counts;
        const head = counts.head;
        const lo = head - MINUTE_SLOTS + 1;
        const dirty = s.dirtyFrom;
        let removed = [];
        let from = t.evaluatedThrough + 1;
        if (dirty !== null && dirty <= t.evaluatedThrough && t.evaluatedThrough >= lo) {
            removed = t.rewind(counts, Math.max(dirty, lo));
            from = t.evaluatedThrough + 1;
        }
        else if (!t.busy() && dirty !== null && dirty - LEVEL_RING_MINUTES > from) {
            // Nothing was counted between the last evaluated minute and the first new report.
            from = dirty - LEVEL_RING_MINUTES;
        }
        from = Math.max(from, lo);
        t.skipTo(from);
        const out = [];
        const id = counts.id;
        for (let m = from; m <= last; m++) {
            // Past the data, every minute is quiet: nothing more to evaluate once nothing is open.
            if (m > head + QUIET_AFTER_HEAD_MINUTES && !t.busy())
                break;
            t.evaluate(counts, id, m, out);
        }
        if (dirty !== null && dirty <= t.evaluatedThrough)
            s.dirtyFrom = null;
        if (from <= t.evaluatedThrough && !s.inChanged)
            this.markChanged(s);
        return reconcileRederived(t, removed, out, (t.evaluatedThrough + 1) * MINUTE_MS);
    }
    verdict(serviceId, at) {
        return verdictAt(this.services.get(serviceId)?.counts, serviceId, at);
    }
    since(serviceId, at) {
        const s = this.services.get(serviceId);
        if (s === undefined)
            return null;
        const open = this.activeAt(s, at);
        if (open !== null)
            return open.startedAt;
        const m = minuteOf(at);
        if (ratesAtMinute(s.counts, m).level === "operational")
            return null;
        let first = m;
        for (let k = m - 1; k > m - SINCE_LOOKBACK_MINUTES; k--) {
            if (ratesAtMinute(s.counts, k).level === "operational")
                break;
            first = k;
        }
        return first * MINUTE_MS;
    }
    regionCounts(serviceId, windowMinutes, at) {
        const s = this.services.get(serviceId);
        if (s === undefined)
            return [];
        const m = minuteOf(at);
        return s.counts.regionTotals(m - Math.max(1, Math.round(windowMinutes)) + 1, m);
    }
    reportCount(serviceId, windowMinutes, at) {
        const s = this.services.get(serviceId);
        if (s === undefined)
            return 0;
        const m = minuteOf(at);
        return Math.round(s.counts.sumMinutes(m - Math.max(1, Math.round(windowMinutes)) + 1, m));
    }
    problemCounts(serviceId, windowMinutes, at) {
        const s = this.services.get(serviceId);
        if (s === undefined)
            return [];
        const m = minuteOf(at);
        const totals = s.counts.problemTotals(m - Math.max(1, Math.round(windowMinutes)) + 1, m);
        return PROBLEMS.map((problem, i) => ({ problem, reports: totals[i] }))
            .filter((p) => p.reports > 0)
            .sort((a, b) => b.reports - a.reports);
    }
    series(serviceId, from, to, stepMs) {
        if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to))
            return [];
        let step = Math.max(MINUTE_MS, Math.round(stepMs / MINUTE_MS) * MINUTE_MS || MINUTE_MS);
        while ((to - from) / step > MAX_SERIES_POINTS)
            step *= 2;
        const counts = this.services.get(serviceId)?.counts;
        const out = [];
        for (let t = from; t < to; t += step) {
            const m0 = minuteOf(t);
            const m1 = minuteOf(Math.min(t + step, to)) - 1;
            const reports = counts === undefined ? 0 : Math.round(counts.sumMinutes(m0, m1));
            const usualHour = counts === undefined ? BASELINE_FLOOR_PER_HOUR : baselineFor(counts, hourOfMinute(m0));
            const level = counts === undefined ? "operational" : ratesAtMinute(counts, Math.max(m0, m1)).level;
            out.push({ at: t, reports, usual: Math.round(((usualHour * (m1 - m0 + 1)) / 60) * 10) / 10, level });
        }
        return out;
    }
    activeAt(s, at) {
        const open = s.tracker.open?.incident;
        if (open !== undefined && open.startedAt <= at)
            return open;
        for (let i = s.tracker.history.length - 1; i >= 0; i--) {
            const inc = s.tracker.history[i];
            if (inc.startedAt <= at && (inc.resolvedAt ?? Infinity) > at)
                return inc;
        }
        return null;
    }
    /** Every incident of a service as the bot knew it at `at` (see incidentAsOf), oldest first. */
    incidentsAsOf(s, at) {
        const all = s.tracker.open ? [...s.tracker.history, s.tracker.open.incident] : s.tracker.history;
        const out = [];
        for (const inc of all) {
            const seen = incidentAsOf(inc, s.counts, at);
            if (seen !== null)
                out.push(seen);
        }
        return out;
    }
    incident(serviceId, at) {
        const s = this.services.get(serviceId);
        if (s === undefined)
            return null;
        const known = this.incidentsAsOf(s, at);
        const open = known.find((inc) => inc.resolvedAt === null);
        if (open !== undefined)
            return open;
        for (let i = known.length - 1; i >= 0; i--) {
            const inc = known[i];
            if (at - inc.resolvedAt < RECENTLY_RESOLVED_MS)
                return inc;
        }
        return null;
    }
    incidents(query) {
        const list = [];
        const states = query.serviceId === undefined
            ? [...this.services.values()]
            : [this.services.get(query.serviceId)].filter((s) => s !== undefined);
        for (const s of states) {
            for (const inc of this.incidentsAsOf(s, query.at)) {
                if (query.state === "active" && inc.resolvedAt !== null)
                    continue;
                list.push(inc);
            }
        }
        list.sort((a, b) => b.startedAt - a.startedAt || (a.serviceId < b.serviceId ? -1 : 1));
        return list.slice(0, query.limit ?? 20);
    }
    serviceIds() {
        const ids = [];
        for (const s of this.services.values())
            if (s.counts.head >= 0)
                ids.push(s.counts.id);
        return ids;
    }
    stats() {
        let openIncidents = 0;
        for (const s of this.services.values())
            if (s.tracker.open)
                openIncidents++;
        return {
            services: this.services.size,
            reporters: this.guard.size(this.clock),
            openIncidents,
            clock: this.clock,
            lastTick: this.lastTick,
            counters: { accepted: this.counters.accepted, rejected: { ...this.counters.rejected } },
        };
    }
    snapshot(options = {}) {
        const states = (options.onlyChanged ? this.changed : [...this.services.values()]).filter((s) => s.counts.head >= 0);
        for (const s of this.changed)
            s.inChanged = false;
        this.changed = [];
        return {
            version: SNAPSHOT_VERSION,
            clock: this.clock,
            lastTick: this.lastTick,
            reporters: this.guard.entries(this.clock, (key) => this.byKey[key]?.counts.id ?? ""),
            active: this.active.map((s) => s.counts.id),
            counters: { accepted: this.counters.accepted, rejected: { ...this.counters.rejected } },
            services: states.map(serviceSnapshot),
        };
    }
    load(snap) {
        this.clock = snap.clock;
        this.lastTick = snap.lastTick;
        this.counters = { accepted: snap.counters.accepted, rejected: { ...snap.counters.rejected } };
        for (const ss of snap.services)
            this.addService(restoreService(ss));
        this.guard.load(snap.reporters, snap.clock, (id) => (this.services.get(id) ?? this.createService(id)).key);
        for (const id of snap.active) {
            const s = this.services.get(id);
            if (s && !s.inActive)
                this.markActive(s);
        }
        for (const s of this.services.values())
            if (s.tracker.busy() && !s.inActive)
                this.markActive(s);
    }
}
/** A new, empty aggregator. */
export function createAggregator(options) {
    return new AggregatorImpl(options);
}
/**
 * An aggregator that continues from a snapshot (validated: a corrupt one throws an Error naming
 * the field). Pass the same options as the one that took it.
 */
export function restoreAggregator(snapshot, options) {
    const parsed = AggregatorSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`aggregator snapshot is invalid at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
    }
    const agg = new AggregatorImpl(options);
    agg.load(parsed.data);
    return agg;
}
//# sourceMappingURL=aggregator.js.map