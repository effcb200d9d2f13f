import { PROBLEMS } from "../domain/problems.js";
import type { Baseline } from "./baseline.js";
import { BREAKDOWN_DAY_MINUTES, BREAKDOWN_MINUTES, BREAKDOWN_QUARTERS, Breakdown } from "./breakdown.js";
import { WEIGHT_UNITS } from "./level-rules.js";
import { OriginCounter } from "./origin-counter.js";
import { ProblemAmends } from "./problem-amends.js";
import { SuspectCounter } from "./suspect-counter.js";
import { hourOfMinute, quarterOfMinute, slot } from "./time.js";

/** Per-minute totals kept per service: 24 h. */
export const MINUTE_SLOTS = 1440;
/** Hourly totals kept per service: 28 days plus the hour being filled. */
export const HOUR_SLOTS = 24 * 28 + 1;
/** Region key used for reports without a region. */
export const NO_REGION = "";

const PROBLEM_COUNT = PROBLEMS.length;

/** How `add` counted a report: per minute (with breakdowns), in its hour only, or not at all. */
export type CountedAs = 0 | 1 | 2;
export const TOO_OLD = 0;
export const HOUR_ONLY = 1;
export const MINUTE_DETAIL = 2;

/** Problem type → index, built once for the hot path. */
export const PROBLEM_INDEX: Readonly<Record<string, number>> = Object.fromEntries(PROBLEMS.map((p, i) => [p, i]));

/**
 * Bounded counts of one service: per-minute totals for 24 h, hourly totals for 28 days, and
 * region / problem breakdowns. All rings are keyed by absolute minute/hour and lazily cleared as
 * the head (latest minute seen) moves forward, so memory never grows with time.
 */
export class ServiceCounts {
  /** Latest absolute minute that holds counts; -1 before the first report. */
  head = -1;
  /** Absolute minute of the first report ever counted: the start of this service's history. */
  firstMinute = -1;
  minutes: Uint32Array = new Uint32Array(MINUTE_SLOTS);
  hours: Uint32Array = new Uint32Array(HOUR_SLOTS);
  /** 1 for hours spent in an incident: left out of the baseline. */
  hourFlags: Uint8Array = new Uint8Array(HOUR_SLOTS);
  regions = new Breakdown(8);
  regionCodes: string[] = [];
  regionIndex = new Map<string, number>();
  problems = new Breakdown(PROBLEM_COUNT);
  /** When amended reports changed problem, so a read as of an earlier minute sees the problem they had then. */
  problemAmends = new ProblemAmends();
  /** Distinct origins over the last hour, caps and bursts (evidence for the diversity rule). */
  origins = new OriginCounter();
  /**
   * Per-minute weighted counts for 24 h, in WEIGHT_UNITS per report: what the level is computed
   * from (account age, per-origin and per-token caps and held-back raids applied).
   */
  weighted: Uint32Array = new Uint32Array(MINUTE_SLOTS);
  /** Reports held back in the last hour, by reason. */
  suspects = new SuspectCounter();
  /** Earliest minute whose weight was taken back since the aggregator last looked (a raid found late); -1 when none. */
  weightChangedFrom = -1;
  /** Bumped whenever an hour before the cached baseline's hour changes, so it is recomputed. */
  version = 0;
  /** Hour and version the cached baseline was computed for. */
  cacheHour = -1;
  cacheVersion = -1;
  cacheValue: Baseline = { perHour: 0, weeks: 0 };

  constructor(readonly id: string) {
    for (let i = 0; i < PROBLEM_COUNT; i++) this.problems.addCategory();
  }

  /**
   * Counts one report at its own minute. Within 24 h of the head it counts per minute (with region
   * and problem); older, within the 28 days of hourly totals, it counts in its hour only (history
   * for the baseline). Returns which: MINUTE_DETAIL, HOUR_ONLY, or TOO_OLD (not counted).
   */
  add(minute: number, region: string | null, problem: number): CountedAs {
    let r = this.regionIndex.get(region ?? NO_REGION);
    if (r === undefined) r = this.addRegion(region ?? NO_REGION);
    // Fast path: the report is for the head minute, whose slots are already known.
    if (minute === this.head) {
      this.minutes[this.headSlot]! += 1;
      this.hours[this.headHourSlot]! += 1;
      const rc = this.regions.capacity;
      this.regions.minute[this.headMinuteSlot * rc + r]! += 1;
      this.regions.quarter[this.headQuarterSlot * rc + r]! += 1;
      this.problems.minute[this.headMinuteSlot * PROBLEM_COUNT + problem]! += 1;
      this.problems.quarter[this.headQuarterSlot * PROBLEM_COUNT + problem]! += 1;
      return MINUTE_DETAIL;
    }
    if (this.head < 0) {
      this.head = minute;
      this.firstMinute = minute;
      this.setHeadSlots();
    } else if (minute > this.head) {
      this.advance(minute);
    } else if (minute <= this.head - MINUTE_SLOTS) {
      return this.addOld(minute);
    }
    if (minute < this.firstMinute) this.firstMinute = minute;
    const head = this.head;
    this.minutes[slot(minute, MINUTE_SLOTS)]! += 1;
    const hour = hourOfMinute(minute);
    this.hours[slot(hour, HOUR_SLOTS)]! += 1;
    if (hour < this.cacheHour) this.version++;
    this.regions.add(r, minute, head);
    this.problems.add(problem, minute, head);
    return MINUTE_DETAIL;
  }

  /** A report older than the per-minute 24 h: its hour only, when still within the hourly horizon. */
  private addOld(minute: number): CountedAs {
    const hour = hourOfMinute(minute);
    if (hour <= hourOfMinute(this.head) - HOUR_SLOTS) return TOO_OLD;
    if (minute < this.firstMinute) this.firstMinute = minute;
    this.hours[slot(hour, HOUR_SLOTS)]! += 1;
    this.version++;
    return HOUR_ONLY;
  }

  private addRegion(key: string): number {
    const r = this.regions.addCategory();
    this.regionIndex.set(key, r);
    this.regionCodes.push(key);
    return r;
  }

  /** Ring slots of the head minute, for the fast path of `add`. */
  private headSlot = 0;
  private headHourSlot = 0;
  private headMinuteSlot = 0;
  private headQuarterSlot = 0;

  /** Recomputes the head's ring slots (after the head moves or a restore). */
  setHeadSlots(): void {
    const head = Math.max(this.head, 0);
    this.headSlot = slot(head, MINUTE_SLOTS);
    this.headHourSlot = slot(hourOfMinute(head), HOUR_SLOTS);
    this.headMinuteSlot = slot(head, BREAKDOWN_MINUTES);
    this.headQuarterSlot = slot(quarterOfMinute(head), BREAKDOWN_QUARTERS);
  }

  /** Moves the head forward to `minute`, clearing the slots it reuses. */
  advance(minute: number): void {
    const from = this.head;
    if (from < 0 || minute <= from) return;
    const steps = Math.min(minute - from, MINUTE_SLOTS);
    for (let k = 1; k <= steps; k++) {
      const s = slot(from + k, MINUTE_SLOTS);
      this.minutes[s] = 0;
      this.weighted[s] = 0;
    }
    const hFrom = hourOfMinute(from);
    const hSteps = Math.min(hourOfMinute(minute) - hFrom, HOUR_SLOTS);
    for (let k = 1; k <= hSteps; k++) {
      const s = slot(hFrom + k, HOUR_SLOTS);
      this.hours[s] = 0;
      this.hourFlags[s] = 0;
    }
    this.regions.advance(from, minute);
    this.problems.advance(from, minute);
    this.problemAmends.forgetBefore(minute - BREAKDOWN_DAY_MINUTES + 1);
    this.origins.advance(from, minute);
    this.head = minute;
    this.setHeadSlots();
    if (hSteps > 0) this.version++;
  }

  /** Reports at one absolute minute (0 outside the kept 24 h or after the head). */
  minute(minute: number): number {
    if (minute > this.head || minute <= this.head - MINUTE_SLOTS) return 0;
    return this.minutes[slot(minute, MINUTE_SLOTS)]!;
  }

  /** Adds `units` of weight at `minute` (already counted by `add`, so inside the kept 24 h). */
  addWeighted(minute: number, units: number): void {
    if (minute > this.head || minute <= this.head - MINUTE_SLOTS) return;
    this.weighted[slot(minute, MINUTE_SLOTS)]! += units;
  }

  /** Takes up to `units` of weight back from minutes [from, to], latest first (an excluded origin's share). */
  removeWeighted(units: number, from: number, to: number): void {
    const lo = Math.max(from, this.head - MINUTE_SLOTS + 1);
    for (let m = Math.min(to, this.head); m >= lo && units > 0; m--) {
      const s = slot(m, MINUTE_SLOTS);
      const take = Math.min(units, this.weighted[s]!);
      this.weighted[s]! -= take;
      units -= take;
    }
  }

  /** Weighted reports (in reports, not units) over minutes [from, to] within the kept 24 h. */
  sumWeighted(from: number, to: number): number {
    const end = Math.min(to, this.head);
    let total = 0;
    for (let k = Math.max(from, this.head - MINUTE_SLOTS + 1); k <= end; k++) {
      total += this.weighted[slot(k, MINUTE_SLOTS)]!;
    }
    return total / WEIGHT_UNITS;
  }

  /** Reports over minutes [from, to] inclusive; beyond 24 h, pro-rated from hourly totals. */
  sumMinutes(from: number, to: number): number {
    const head = this.head;
    const end = Math.min(to, head);
    if (from > end || head < 0) return 0;
    const split = head - MINUTE_SLOTS + 1;
    let total = 0;
    for (let k = Math.max(from, split); k <= end; k++) total += this.minutes[slot(k, MINUTE_SLOTS)]!;
    const oldEnd = Math.min(end, split - 1);
    for (let h = hourOfMinute(from); from <= oldEnd && h <= hourOfMinute(oldEnd); h++) {
      const count = this.hour(h);
      if (count === undefined || count === 0) continue;
      // The hour holding `split` is partly counted per minute already: pro-rate only the older part.
      const hStart = h * 60;
      const before = Math.min(hStart + 60, split) - hStart;
      let older = count;
      for (let k = split; k < hStart + 60; k++) older -= this.minutes[slot(k, MINUTE_SLOTS)]!;
      const overlap = Math.min(oldEnd, hStart + before - 1) - Math.max(from, hStart) + 1;
      if (overlap > 0 && older > 0) total += (older * overlap) / before;
    }
    return total;
  }

  /** Total of one absolute hour, or undefined when it is outside the kept 28 days. */
  hour(hour: number): number | undefined {
    const hh = hourOfMinute(this.head);
    if (this.head < 0 || hour <= hh - HOUR_SLOTS) return undefined;
    if (hour > hh) return 0;
    return this.hours[slot(hour, HOUR_SLOTS)]!;
  }

  /** Whether an hour was spent in an incident. */
  flagged(hour: number): boolean {
    const hh = hourOfMinute(this.head);
    if (this.head < 0 || hour > hh || hour <= hh - HOUR_SLOTS) return false;
    return this.hourFlags[slot(hour, HOUR_SLOTS)] === 1;
  }

  /** Marks an hour as spent in an incident (ignored beyond the head: nothing is counted there yet). */
  flag(hour: number): void {
    const hh = hourOfMinute(this.head);
    if (this.head < 0 || hour > hh || hour <= hh - HOUR_SLOTS) return;
    const s = slot(hour, HOUR_SLOTS);
    if (this.hourFlags[s] === 0) {
      this.hourFlags[s] = 1;
      this.version++;
    }
  }

  /** Reports per region over minutes [from, to], known regions only, largest first. */
  regionTotals(from: number, to: number): { region: string; reports: number }[] {
    const out: { region: string; reports: number }[] = [];
    const sums = new Float64Array(this.regions.size);
    this.regions.sumAll(from, to, this.head, sums);
    for (let r = 0; r < this.regionCodes.length; r++) {
      const code = this.regionCodes[r]!;
      if (code === NO_REGION) continue;
      const reports = Math.round(sums[r]!);
      if (reports > 0) out.push({ region: code, reports });
    }
    return out.sort((a, b) => b.reports - a.reports || (a.region < b.region ? -1 : 1));
  }

  /**
   * Reports per problem index over minutes [from, to], each report with the problem it had at the
   * end of minute `to` (amendments made later are not seen).
   */
  problemTotals(from: number, to: number): number[] {
    const sums = new Float64Array(PROBLEM_COUNT);
    this.problemsAsOf(from, to, to, sums);
    return Array.from(sums, Math.round);
  }

  /** Reports per problem index over minutes [from, to] into `out`, as known at the end of minute `asOf` (≥ to). */
  problemsAsOf(from: number, to: number, asOf: number, out: Float64Array): void {
    this.problems.sumAll(from, to, this.head, out);
    this.problemAmends.undoAfter(asOf, from, to, out);
  }

  /**
   * The report counted at minute `counted` now names problem `to` instead of `from`, since minute
   * `amended` (its amendment's own time). Returns whether the counts held it to move.
   */
  amendProblem(counted: number, amended: number, from: number, to: number): boolean {
    if (!this.problems.move(from, to, counted, this.head)) return false;
    this.problemAmends.record(counted, amended, from, to);
    return true;
  }
}
