import type { Incident, IncidentEvent } from "../domain/incident.js";
import { LEVELS } from "../domain/levels.js";
import { PROBLEMS, type Problem } from "../domain/problems.js";
import {
  DEESCALATE_AFTER_MINUTES,
  ESCALATE_AFTER_MINUTES,
  isElevatedMinute,
  LEVEL_ORDER,
  OPEN_AFTER_MINUTES,
  RESOLVE_AFTER_MINUTES,
  UPDATE_MIN_INTERVAL_MINUTES,
  UPDATE_PEAK_GROWTH,
} from "./level-rules.js";
import { NO_REGION, type ServiceCounts } from "./service-counts.js";
import { hourOfMinute, MINUTE_MS } from "./time.js";
import { ratesAtMinute } from "./verdict.js";

/** Minutes of per-minute levels remembered (enough for every rule above). */
const LEVEL_RING = 16;
/** Regions kept on an incident record. */
const TOP_REGIONS = 10;
/** Resolved incidents kept per service. */
const MAX_HISTORY = 50;

let scratchBuf = new Float64Array(128);
/** A reusable buffer of at least `n` numbers (evaluation is synchronous, so one is enough). */
function scratch(n: number): Float64Array {
  if (scratchBuf.length < n) scratchBuf = new Float64Array(n * 2);
  return scratchBuf;
}

/** The open incident and the running totals behind it. */
export interface OpenIncidentState {
  incident: Incident;
  regionTotals: Record<string, number>;
  problemTotals: number[];
  announcedPeak: number;
  lastEventMinute: number;
}

/** Incident id: service id and start minute, so a restart or a replay finds the same one. */
export function incidentId(serviceId: string, startMinute: number): string {
  const stamp = new Date(startMinute * MINUTE_MS).toISOString().slice(0, 16).replace(/[-:]/g, "");
  return `${serviceId}-${stamp}Z`;
}

/**
 * Incident lifecycle of one service, advanced one finished minute at a time: open after
 * OPEN_AFTER_MINUTES elevated minutes above operational, escalate / de-escalate with hysteresis,
 * resolve after RESOLVE_AFTER_MINUTES operational minutes. Waves inside that gap continue the
 * same incident.
 */
export class IncidentTracker {
  /** Last finished minute evaluated; -1 before the first. */
  evaluatedThrough = -1;
  /** Level rank per minute, ring keyed by absolute minute. */
  levels: Uint8Array = new Uint8Array(LEVEL_RING);
  /** Consecutive elevated minutes above operational. */
  streak = 0;
  /** Consecutive operational minutes while an incident is open. */
  quiet = 0;
  open: OpenIncidentState | null = null;
  history: Incident[] = [];

  /** Whether this service needs evaluating even without new reports. */
  busy(): boolean {
    return this.open !== null || this.streak > 0;
  }

  /** Forgets minute levels after an idle gap (all operational: nothing was reported). */
  skipTo(minute: number): void {
    if (minute > this.evaluatedThrough + 1) {
      this.levels.fill(0);
      this.streak = 0;
    }
    this.evaluatedThrough = Math.max(this.evaluatedThrough, minute - 1);
  }

  /**
   * Takes the lifecycle back to just before minute `d`, whose counts changed after it was
   * evaluated (late reports). Rewinds to the latest minute before `d` at which no incident was
   * open, rebuilding the level ring and the elevated streak there from the counts (the level of a
   * minute depends only on reports up to it, so minutes before `d` are unchanged). Returns the
   * incidents that started after that minute: they are re-derived by evaluating on from there.
   */
  rewind(counts: ServiceCounts, d: number): Incident[] {
    let q = d - 1;
    const all = this.open === null ? this.history.slice() : [...this.history, this.open.incident];
    for (let i = all.length - 1; i >= 0; i--) {
      const inc = all[i]!;
      const start = Math.floor(inc.startedAt / MINUTE_MS);
      // An incident stays open until the minute its quiet run reached RESOLVE_AFTER_MINUTES.
      const end =
        inc.resolvedAt === null ? Infinity : Math.floor(inc.resolvedAt / MINUTE_MS) + RESOLVE_AFTER_MINUTES - 1;
      if (start <= q && q <= end) q = start - 1;
    }
    const removed = all.filter((inc) => inc.startedAt > q * MINUTE_MS);
    this.history = this.history.filter((inc) => inc.startedAt <= q * MINUTE_MS);
    this.open = null;
    this.quiet = 0;
    this.streak = 0;
    this.levels.fill(0);
    let inStreak = true;
    for (let k = q; k > q - LEVEL_RING && k >= 0; k--) {
      const v = ratesAtMinute(counts, k);
      const rank = LEVEL_ORDER[v.level];
      this.levels[k % LEVEL_RING] = rank;
      if (inStreak && rank > 0 && isElevatedMinute(counts.sumWeighted(k, k), v.baselineHour)) this.streak++;
      else inStreak = false;
    }
    this.evaluatedThrough = q;
    return removed;
  }

  /** Evaluates finished minute `m` and returns the events it causes. */
  evaluate(counts: ServiceCounts, serviceId: string, m: number, out: IncidentEvent[]): void {
    const v = ratesAtMinute(counts, m);
    const rank = LEVEL_ORDER[v.level];
    this.levels[m % LEVEL_RING] = rank;
    this.evaluatedThrough = m;
    const count = counts.minute(m);
    const endAt = (m + 1) * MINUTE_MS;
    // Elevated on the weighted count: held-back reports do not make a minute elevated.
    const weighted = counts.sumWeighted(m, m);
    this.streak = rank > 0 && isElevatedMinute(weighted, v.baselineHour) ? this.streak + 1 : 0;
    const open = this.open;
    if (open === null) {
      if (this.streak < OPEN_AFTER_MINUTES) return;
      this.openIncident(counts, serviceId, m - this.streak + 1, m, out);
      return;
    }
    const inc = open.incident;
    this.accumulate(counts, m, m);
    // Reports counted earlier in the incident and amended in this minute change problem now.
    counts.problemAmends.addMadeAt(m, Math.floor(inc.startedAt / MINUTE_MS), m - 1, open.problemTotals);
    counts.flag(hourOfMinute(m));
    if (count > inc.peakPerMinute) {
      inc.peakPerMinute = count;
      inc.peakAt = m * MINUTE_MS;
    }
    inc.updatedAt = endAt;
    const current = LEVEL_ORDER[inc.currentLevel];
    const floorOfRecent = this.extreme(m, ESCALATE_AFTER_MINUTES, Math.min);
    const ceilOfRecent = this.extreme(m, DEESCALATE_AFTER_MINUTES, Math.max);
    this.quiet = rank === 0 ? this.quiet + 1 : 0;
    if (this.quiet >= RESOLVE_AFTER_MINUTES) {
      inc.currentLevel = "operational";
      inc.resolvedAt = (m - RESOLVE_AFTER_MINUTES + 1) * MINUTE_MS;
      this.finish(open);
      out.push({ kind: "resolved", at: endAt, incident: { ...inc } });
      this.open = null;
      this.quiet = 0;
      this.history.push(inc);
      if (this.history.length > MAX_HISTORY) this.history.splice(0, this.history.length - MAX_HISTORY);
      return;
    }
    if (floorOfRecent > current) {
      inc.currentLevel = LEVELS[floorOfRecent]!;
      if (floorOfRecent > LEVEL_ORDER[inc.level]) inc.level = inc.currentLevel;
      this.announce(open, "escalated", m, out);
    } else if (ceilOfRecent < current) {
      inc.currentLevel = LEVELS[ceilOfRecent]!;
      this.announce(open, "deescalated", m, out);
    } else if (
      inc.peakPerMinute >= open.announcedPeak * UPDATE_PEAK_GROWTH &&
      m - open.lastEventMinute >= UPDATE_MIN_INTERVAL_MINUTES
    ) {
      this.announce(open, "updated", m, out);
    }
  }

  private openIncident(counts: ServiceCounts, serviceId: string, start: number, m: number, out: IncidentEvent[]): void {
    const rank = this.extreme(m, m - start + 1, Math.min);
    const level = LEVELS[Math.max(1, rank)]!;
    const inc: Incident = {
      id: incidentId(serviceId, start),
      serviceId,
      startedAt: start * MINUTE_MS,
      peakAt: start * MINUTE_MS,
      peakPerMinute: 0,
      level,
      currentLevel: level,
      updatedAt: (m + 1) * MINUTE_MS,
      resolvedAt: null,
      totalReports: 0,
      regions: [],
      problems: [],
    };
    const open: OpenIncidentState = {
      incident: inc,
      regionTotals: {},
      problemTotals: PROBLEMS.map(() => 0),
      announcedPeak: 0,
      lastEventMinute: m,
    };
    this.open = open;
    this.quiet = 0;
    for (let k = start; k <= m; k++) {
      this.accumulate(counts, k, m);
      counts.flag(hourOfMinute(k));
      const c = counts.minute(k);
      if (c > inc.peakPerMinute) {
        inc.peakPerMinute = c;
        inc.peakAt = k * MINUTE_MS;
      }
    }
    this.announce(open, "opened", m, out);
  }

  private announce(open: OpenIncidentState, kind: IncidentEvent["kind"], m: number, out: IncidentEvent[]): void {
    open.announcedPeak = open.incident.peakPerMinute;
    open.lastEventMinute = m;
    this.finish(open);
    out.push({ kind, at: (m + 1) * MINUTE_MS, incident: { ...open.incident } });
  }

  /**
   * Adds minute `k`'s counts to the open incident's totals, its problems as known at the end of
   * minute `asOf` (the minute being evaluated): amendments join at their own minute.
   */
  private accumulate(counts: ServiceCounts, k: number, asOf: number): void {
    const open = this.open!;
    open.incident.totalReports += counts.minute(k);
    const head = counts.head;
    const regions = scratch(counts.regions.size);
    counts.regions.sumAll(k, k, head, regions);
    for (let r = 0; r < counts.regionCodes.length; r++) {
      const code = counts.regionCodes[r]!;
      const n = regions[r]!;
      if (code !== NO_REGION && n > 0) open.regionTotals[code] = (open.regionTotals[code] ?? 0) + n;
    }
    const problems = scratch(PROBLEMS.length);
    counts.problemsAsOf(k, k, asOf, problems);
    for (let p = 0; p < PROBLEMS.length; p++) open.problemTotals[p]! += problems[p]!;
  }

  /** Copies the running totals into the incident record (top regions, problems by count). */
  private finish(open: OpenIncidentState): void {
    open.incident.regions = Object.entries(open.regionTotals)
      .map(([region, reports]) => ({ region, reports: Math.round(reports) }))
      .sort((a, b) => b.reports - a.reports || (a.region < b.region ? -1 : 1))
      .slice(0, TOP_REGIONS);
    open.incident.problems = PROBLEMS.map((problem: Problem, i) => ({
      problem,
      reports: Math.round(open.problemTotals[i]!),
    }))
      .filter((p) => p.reports > 0)
      .sort((a, b) => b.reports - a.reports);
  }

  /** min or max of the level ranks of the last `n` minutes up to `m`. */
  private extreme(m: number, n: number, pick: (a: number, b: number) => number): number {
    let acc = this.levels[m % LEVEL_RING]!;
    const span = Math.min(n, LEVEL_RING);
    for (let k = 1; k < span; k++) acc = pick(acc, this.levels[(m - k) % LEVEL_RING]!);
    return acc;
  }

  /** Drops resolved incidents that ended before `cutoff`. */
  prune(cutoff: number): void {
    if (this.history.length > 0 && (this.history[0]!.resolvedAt ?? Infinity) < cutoff) {
      this.history = this.history.filter((i) => (i.resolvedAt ?? Infinity) >= cutoff);
    }
  }
}
