import type { SeriesPoint } from "../domain/board.js";
import type { Incident, IncidentEvent } from "../domain/incident.js";
import type { Level } from "../domain/levels.js";
import { PROBLEMS } from "../domain/problems.js";
import type { CrowdReport, IngestResult, ReportRejection } from "../domain/report.js";
import { baselineFor } from "./baseline.js";
import {
  type CrowdSuspicion,
  countBurst,
  forgetOrigin,
  forgetToken,
  type TokenCaps,
  weighReport,
} from "./crowd-weight.js";
import { incidentAsOf } from "./incident-as-of.js";
import { reconcileRederived } from "./late-reports.js";
import { BASELINE_FLOOR_PER_HOUR, DEFAULT_TOKEN_CAP_PER_HOUR, LEVEL_ORDER, SUSPECT } from "./level-rules.js";
import { guardRefusal, REPORTER_RULES, ReporterGuard } from "./reporter-guard.js";
import { HOUR_SLOTS, MINUTE_DETAIL, MINUTE_SLOTS, PROBLEM_INDEX } from "./service-counts.js";
import { restoreService, type ServiceState, serviceSnapshot } from "./service-state.js";
import { type AggregatorSnapshot, AggregatorSnapshotSchema, SNAPSHOT_VERSION } from "./snapshot.js";
import { HOUR_MS, hourOfMinute, MINUTE_MS, minuteOf } from "./time.js";
import type {
  Aggregator,
  AggregatorOptions,
  AggregatorStats,
  Exclusions,
  IncidentQuery,
  IngestCounters,
} from "./types.js";
import { type CrowdVerdict, ratesAtMinute, verdictAt } from "./verdict.js";

const DEFAULTS = {
  dedupeWindowMs: REPORTER_RULES.dedupeWindowMs as number,
  maxReportsPerReporter: REPORTER_RULES.maxReportsPerReporter as number,
  rateWindowMs: REPORTER_RULES.rateWindowMs as number,
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

const ACCEPTED: IngestResult = Object.freeze({ accepted: true });

function reject(reason: ReportRejection, message: string): IngestResult {
  return { accepted: false, reason, message };
}

class AggregatorImpl implements Aggregator {
  readonly services = new Map<string, ServiceState>();
  /** Services by guard key. */
  readonly byKey: ServiceState[] = [];
  /** Services to evaluate at the next tick. */
  active: ServiceState[] = [];
  /** Services changed since the last snapshot. */
  changed: ServiceState[] = [];
  readonly guard: ReporterGuard;
  readonly opts: typeof DEFAULTS;
  readonly tokenCaps: TokenCaps;
  readonly suspect: ((s: CrowdSuspicion) => void) | undefined;
  excludedOrigins: ReadonlySet<string> = new Set();
  excludedTokens: ReadonlySet<string> = new Set();
  clock = 0;
  lastTick = 0;
  /** Incident events evaluated ahead of a tick by a read, for the next tick to return. */
  pending: IncidentEvent[] = [];
  counters: IngestCounters = { accepted: 0, rejected: {} };

  constructor(options: AggregatorOptions = {}) {
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
            } catch {
              // ignored: logging is the listener's business
            }
          };
    this.guard = new ReporterGuard(this.opts.dedupeWindowMs, this.opts.maxReportsPerReporter, this.opts.rateWindowMs);
  }

  private count(result: IngestResult): IngestResult {
    if (result.accepted) this.counters.accepted++;
    else this.counters.rejected[result.reason] = (this.counters.rejected[result.reason] ?? 0) + 1;
    return result;
  }

  ingest(report: CrowdReport, now?: number): IngestResult {
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
      if (state !== undefined) state.counts.suspects.add(SUSPECT.excluded, minute);
      return this.count(reject("excluded", "reports from this server or API token are excluded from the crowd signal"));
    }
    const s = state ?? this.createService(report.serviceId);
    const verdict = this.guard.admit(report.reporterHash, s.key, at, problem);
    // A refused report still counts towards its origin's burst: repeated presses are a flood.
    if (verdict !== "ok" && minute > s.counts.head - MINUTE_SLOTS) {
      countBurst(s.counts, report, minute, this.suspect, true);
      this.takeBackNoted(s);
    }
    if (verdict === "amended") return this.amend(s, problem, minute);
    if (verdict === "duplicate" || verdict === "rate_limited") {
      return this.count(guardRefusal(verdict, this.opts.maxReportsPerReporter));
    }
    if (s.counts.add(minute, report.region, problem) !== MINUTE_DETAIL) {
      // History older than the per-minute day: it feeds the hourly baseline only.
      if (!s.inChanged) this.markChanged(s);
      this.counters.accepted++;
      return ACCEPTED;
    }
    // Provenance: account age, raid flags and caps decide what the report adds to the level.
    const units = weighReport(s.counts, report, minute, this.tokenCaps, this.suspect);
    if (units > 0) s.counts.addWeighted(minute, units);
    this.takeBackNoted(s);
    if (s.dirtyFrom === null || minute < s.dirtyFrom) s.dirtyFrom = minute;
    if (!s.inActive) this.markActive(s);
    if (!s.inChanged) this.markChanged(s);
    this.counters.accepted++;
    return ACCEPTED;
  }

  /**
   * The reporter's earlier report for the service (counted at `guard.amendedAt`) now names
   * `problem`, since minute `amendedMinute` (the amendment's own time): its count moves from the old
   * problem to the new one at its own minute, and reads as of a minute before the amendment still
   * see the old one. The report count and the level do not change.
   */
  private amend(s: ServiceState, problem: number, amendedMinute: number): IngestResult {
    const from = this.guard.amendedFrom;
    const countedAt = this.guard.amendedAt;
    const minute = minuteOf(countedAt);
    const moved = minute > s.counts.head - MINUTE_SLOTS && s.counts.amendProblem(minute, amendedMinute, from, problem);
    // The tracker takes an amendment into its open incident when it evaluates the amendment's
    // minute; one of a minute it has already evaluated is a late change, re-derived like a late report.
    if (moved && amendedMinute <= s.tracker.evaluatedThrough) {
      if (s.dirtyFrom === null || minute < s.dirtyFrom) s.dirtyFrom = minute;
      if (!s.inActive) this.markActive(s);
    }
    if (!s.inChanged) this.markChanged(s);
    this.counters.amended = (this.counters.amended ?? 0) + 1;
    return { accepted: true, amended: { from: PROBLEMS[from]!, countedAt } };
  }

  /** Re-evaluates from the earliest minute whose weight a late-found raid took back. */
  private takeBackNoted(s: ServiceState): void {
    const from = s.counts.weightChangedFrom;
    if (from < 0) return;
    s.counts.weightChangedFrom = -1;
    if (s.dirtyFrom === null || from < s.dirtyFrom) s.dirtyFrom = from;
    if (!s.inActive) this.markActive(s);
    if (!s.inChanged) this.markChanged(s);
  }

  private isExcluded(report: CrowdReport): boolean {
    if (this.excludedOrigins.size > 0 && this.excludedOrigins.has(report.originHash)) return true;
    return (
      this.excludedTokens.size > 0 &&
      report.source === "api" &&
      report.sourceName !== undefined &&
      this.excludedTokens.has(report.sourceName)
    );
  }

  setExclusions(exclusions: Exclusions): void {
    const origins = new Set(exclusions.origins);
    const tokens = new Set(exclusions.tokens);
    for (const s of this.services.values()) {
      let changed = false;
      for (const o of origins) if (!this.excludedOrigins.has(o) && forgetOrigin(s.counts, o)) changed = true;
      for (const t of tokens) if (!this.excludedTokens.has(t) && forgetToken(s.counts, t)) changed = true;
      if (changed) {
        // Re-evaluate from the earliest minute whose weight may have changed.
        const from = s.counts.head - 30;
        if (s.dirtyFrom === null || from < s.dirtyFrom) s.dirtyFrom = from;
        if (!s.inActive) this.markActive(s);
        if (!s.inChanged) this.markChanged(s);
      }
    }
    this.excludedOrigins = origins;
    this.excludedTokens = tokens;
  }

  private markActive(s: ServiceState): void {
    s.inActive = true;
    this.active.push(s);
  }

  private markChanged(s: ServiceState): void {
    s.inChanged = true;
    this.changed.push(s);
  }

  private createService(id: string): ServiceState {
    return this.addService(restoreService(null, id));
  }

  private addService(s: ServiceState): ServiceState {
    s.key = this.byKey.length;
    this.byKey.push(s);
    this.services.set(s.counts.id, s);
    return s;
  }

  /**
   * Brings a service's incidents up to the minutes ended by `at` before a read answers about them,
   * so an answer is the same whether or not a tick has run since the reports came in (at start-up,
   * after a journal replay or an import, between ticks). The events that evaluation causes wait
   * for the next tick, which returns them: nothing is announced twice or lost. A read of a time the
   * tracker has already passed changes nothing (the as-of view covers it).
   */
  private catchUp(s: ServiceState, at: number): void {
    if (!s.inActive) return;
    const last = minuteOf(at) - 1;
    const through = s.tracker.evaluatedThrough;
    if (last < through || (last === through && s.dirtyFrom === null)) return;
    const events = this.evaluate(s, last);
    if (events.length > 0) this.pending.push(...events);
  }

  tick(now: number): IncidentEvent[] {
    const last = minuteOf(now) - 1;
    if (now > this.clock) {
      this.clock = now;
      this.guard.advance(now);
    }
    const prevTickHour = Math.floor(this.lastTick / HOUR_MS);
    this.lastTick = Math.max(this.lastTick, now);
    // Events of evaluations that reads ran ahead of this tick (see catchUp) are announced now.
    const events: IncidentEvent[] = this.pending;
    this.pending = [];
    const stillActive: ServiceState[] = [];
    for (const s of this.active) {
      const fresh = this.evaluate(s, last);
      if (fresh.length > 0) events.push(...fresh);
      if (s.tracker.busy() || s.dirtyFrom !== null || s.counts.head >= last - 15) stillActive.push(s);
      else s.inActive = false;
    }
    this.active = stillActive;
    if (Math.floor(now / HOUR_MS) !== prevTickHour) {
      // Retention in event time: an import of last month keeps its incidents.
      for (const s of this.services.values()) s.tracker.prune((s.counts.head + 1) * MINUTE_MS - INCIDENT_RETENTION_MS);
    }
    return events.sort((a, b) => a.at - b.at);
  }

  /**
   * Evaluates one service's finished minutes up to `last`, in event time: from the first minute
   * not evaluated yet, or, when late reports changed minutes already evaluated, again from before
   * them (see IncidentTracker.rewind). Only the per-minute day of the service's own data can be
   * evaluated; past its newest report it goes on only while an incident or a streak is open.
   */
  private evaluate(s: ServiceState, last: number): IncidentEvent[] {
    const t = s.tracker;
    const counts = s.counts;
    const head = counts.head;
    const lo = head - MINUTE_SLOTS + 1;
    const dirty = s.dirtyFrom;
    let removed: Incident[] = [];
    let from = t.evaluatedThrough + 1;
    if (dirty !== null && dirty <= t.evaluatedThrough && t.evaluatedThrough >= lo) {
      removed = t.rewind(counts, Math.max(dirty, lo));
      from = t.evaluatedThrough + 1;
    } else if (!t.busy() && dirty !== null && dirty - LEVEL_RING_MINUTES > from) {
      // Nothing was counted between the last evaluated minute and the first new report.
      from = dirty - LEVEL_RING_MINUTES;
    }
    from = Math.max(from, lo);
    t.skipTo(from);
    const out: IncidentEvent[] = [];
    const id = counts.id;
    for (let m = from; m <= last; m++) {
      // Past the data, every minute is quiet: nothing more to evaluate once nothing is open.
      if (m > head + QUIET_AFTER_HEAD_MINUTES && !t.busy()) break;
      t.evaluate(counts, id, m, out);
    }
    if (dirty !== null && dirty <= t.evaluatedThrough) s.dirtyFrom = null;
    if (from <= t.evaluatedThrough && !s.inChanged) this.markChanged(s);
    return reconcileRederived(t, removed, out, (t.evaluatedThrough + 1) * MINUTE_MS);
  }

  verdict(serviceId: string, at: number): CrowdVerdict {
    return verdictAt(this.services.get(serviceId)?.counts, serviceId, at);
  }

  since(serviceId: string, at: number): number | null {
    const s = this.services.get(serviceId);
    if (s === undefined) return null;
    // An incident open as of `at` dates the trouble from its start (as the tracker knew it then).
    const open = this.incidentsAsOf(s, minuteOf(at) * MINUTE_MS + MINUTE_MS).find((inc) => inc.resolvedAt === null);
    if (open !== undefined) return open.startedAt;
    const m = minuteOf(at);
    if (ratesAtMinute(s.counts, m).level === "operational") return null;
    let first = m;
    for (let k = m - 1; k > m - SINCE_LOOKBACK_MINUTES; k--) {
      if (ratesAtMinute(s.counts, k).level === "operational") break;
      first = k;
    }
    return first * MINUTE_MS;
  }

  regionCounts(serviceId: string, windowMinutes: number, at: number): { region: string; reports: number }[] {
    const s = this.services.get(serviceId);
    if (s === undefined) return [];
    const m = minuteOf(at);
    return s.counts.regionTotals(m - Math.max(1, Math.round(windowMinutes)) + 1, m);
  }

  reportCount(serviceId: string, windowMinutes: number, at: number): number {
    const s = this.services.get(serviceId);
    if (s === undefined) return 0;
    const m = minuteOf(at);
    return Math.round(s.counts.sumMinutes(m - Math.max(1, Math.round(windowMinutes)) + 1, m));
  }

  problemCounts(serviceId: string, windowMinutes: number, at: number) {
    const s = this.services.get(serviceId);
    if (s === undefined) return [];
    const m = minuteOf(at);
    const totals = s.counts.problemTotals(m - Math.max(1, Math.round(windowMinutes)) + 1, m);
    return PROBLEMS.map((problem, i) => ({ problem, reports: totals[i]! }))
      .filter((p) => p.reports > 0)
      .sort((a, b) => b.reports - a.reports);
  }

  series(serviceId: string, from: number, to: number, stepMs: number): SeriesPoint[] {
    if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to)) return [];
    let step = Math.max(MINUTE_MS, Math.round(stepMs / MINUTE_MS) * MINUTE_MS || MINUTE_MS);
    while ((to - from) / step > MAX_SERIES_POINTS) step *= 2;
    const counts = this.services.get(serviceId)?.counts;
    const out: SeriesPoint[] = [];
    for (let t = from; t < to; t += step) {
      const m0 = minuteOf(t);
      const m1 = minuteOf(Math.min(t + step, to)) - 1;
      const reports = counts === undefined ? 0 : Math.round(counts.sumMinutes(m0, m1));
      const usualHour = counts === undefined ? BASELINE_FLOOR_PER_HOUR : baselineFor(counts, hourOfMinute(m0));
      // A bucket takes the worst level any of its minutes had, so an outage is never drawn as operational.
      let level: Level = "operational";
      for (let k = m0; counts !== undefined && k <= Math.max(m0, m1); k++) {
        const at = ratesAtMinute(counts, k).level;
        if (LEVEL_ORDER[at] > LEVEL_ORDER[level]) level = at;
      }
      out.push({ at: t, reports, usual: Math.round(((usualHour * (m1 - m0 + 1)) / 60) * 10) / 10, level });
    }
    return out;
  }

  /** Every incident of a service as the bot knew it at `at` (see incidentAsOf), oldest first. */
  private incidentsAsOf(s: ServiceState, at: number): Incident[] {
    this.catchUp(s, at);
    const all = s.tracker.open ? [...s.tracker.history, s.tracker.open.incident] : s.tracker.history;
    const out: Incident[] = [];
    for (const inc of all) {
      const seen = incidentAsOf(inc, s.counts, at);
      if (seen !== null) out.push(seen);
    }
    return out;
  }

  incident(serviceId: string, at: number): Incident | null {
    const s = this.services.get(serviceId);
    if (s === undefined) return null;
    const known = this.incidentsAsOf(s, at);
    const open = known.find((inc) => inc.resolvedAt === null);
    if (open !== undefined) return open;
    for (let i = known.length - 1; i >= 0; i--) {
      const inc = known[i]!;
      if (at - inc.resolvedAt! < RECENTLY_RESOLVED_MS) return inc;
    }
    return null;
  }

  incidents(query: IncidentQuery): Incident[] {
    const list: Incident[] = [];
    const states =
      query.serviceId === undefined
        ? [...this.services.values()]
        : [this.services.get(query.serviceId)].filter((s) => s !== undefined);
    for (const s of states) {
      for (const inc of this.incidentsAsOf(s, query.at)) {
        if (query.state === "active" && inc.resolvedAt !== null) continue;
        list.push(inc);
      }
    }
    list.sort((a, b) => b.startedAt - a.startedAt || (a.serviceId < b.serviceId ? -1 : 1));
    return list.slice(0, query.limit ?? 20);
  }

  serviceIds(): string[] {
    const ids: string[] = [];
    for (const s of this.services.values()) if (s.counts.head >= 0) ids.push(s.counts.id);
    return ids;
  }

  stats(): AggregatorStats {
    let openIncidents = 0;
    for (const s of this.services.values()) if (s.tracker.open) openIncidents++;
    return {
      services: this.services.size,
      reporters: this.guard.size(this.clock),
      openIncidents,
      clock: this.clock,
      lastTick: this.lastTick,
      counters: this.copyCounters(),
    };
  }

  private copyCounters(): IngestCounters {
    const c: IngestCounters = { accepted: this.counters.accepted, rejected: { ...this.counters.rejected } };
    if (this.counters.amended !== undefined) c.amended = this.counters.amended;
    return c;
  }

  snapshot(options: { onlyChanged?: boolean } = {}): AggregatorSnapshot {
    const states = (options.onlyChanged ? this.changed : [...this.services.values()]).filter((s) => s.counts.head >= 0);
    for (const s of this.changed) s.inChanged = false;
    this.changed = [];
    return {
      version: SNAPSHOT_VERSION,
      clock: this.clock,
      lastTick: this.lastTick,
      reporters: this.guard.entries(this.clock, (key) => this.byKey[key]?.counts.id ?? ""),
      active: this.active.map((s) => s.counts.id),
      pending: this.pending.map((e) => structuredClone(e)),
      counters: this.copyCounters(),
      services: states.map(serviceSnapshot),
    };
  }

  load(snap: AggregatorSnapshot): void {
    this.clock = snap.clock;
    this.lastTick = snap.lastTick;
    this.pending = (snap.pending ?? []).map((e) => structuredClone(e));
    this.counters = { accepted: snap.counters.accepted, rejected: { ...snap.counters.rejected } };
    if (snap.counters.amended !== undefined) this.counters.amended = snap.counters.amended;
    for (const ss of snap.services) this.addService(restoreService(ss));
    this.guard.load(snap.reporters, snap.clock, (id) => (this.services.get(id) ?? this.createService(id)).key);
    for (const id of snap.active) {
      const s = this.services.get(id);
      if (s && !s.inActive) this.markActive(s);
    }
    for (const s of this.services.values()) if (s.tracker.busy() && !s.inActive) this.markActive(s);
  }
}

/** A new, empty aggregator. */
export function createAggregator(options?: AggregatorOptions): Aggregator {
  return new AggregatorImpl(options);
}

/**
 * An aggregator that continues from a snapshot (validated: a corrupt one throws an Error naming
 * the field). Pass the same options as the one that took it.
 */
export function restoreAggregator(snapshot: unknown, options?: AggregatorOptions): Aggregator {
  const parsed = AggregatorSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`aggregator snapshot is invalid at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  const agg = new AggregatorImpl(options);
  agg.load(parsed.data);
  return agg;
}
