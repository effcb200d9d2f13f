import type { Level } from "../domain/levels.js";

/**
 * The rules that turn crowd counts into a level. All thresholds live here, tuned with the
 * `x-outage` and `quiet-week` replays.
 *
 * | level          | recent rate vs usual | and reports in 15 min |
 * |----------------|----------------------|-----------------------|
 * | degraded       | ≥ 3×                 | ≥ 10                  |
 * | partial_outage | ≥ 10×                | ≥ 50                  |
 * | major_outage   | ≥ 40×                | ≥ 300                 |
 *
 * The rate is checked twice: the last 15 minutes, and the last 5 minutes scaled to 15. The level is
 * the lower of the two, so a rise shows as soon as both agree, and a fall shows within 5 minutes
 * instead of lingering for the whole 15-minute window.
 *
 * Usual = the baseline for the hour of the week (see below), never less than
 * BASELINE_FLOOR_PER_HOUR, so a quiet service does not alert on 3 reports.
 *
 * Incidents:
 * | rule                                   | value |
 * |----------------------------------------|-------|
 * | open: consecutive minutes above operational, each with elevated reports | 2 |
 * | elevated minute: reports ≥ max(2, 3 × usual per minute)                | 2, 3× |
 * | escalate: minutes at a higher level                                    | 2 |
 * | de-escalate: minutes all below the current level                       | 5 |
 * | resolve: consecutive operational minutes                               | 15 |
 * | "updated" event: peak per minute grew by                               | ≥ 25 %, ≥ 5 min apart |
 */
export const LEVEL_THRESHOLDS = [
  { level: "major_outage", minRatio: 40, minReports15m: 300 },
  { level: "partial_outage", minRatio: 10, minReports15m: 50 },
  { level: "degraded", minRatio: 3, minReports15m: 10 },
] as const satisfies readonly { level: Level; minRatio: number; minReports15m: number }[];

/** The usual rate never counts as less than this many reports per hour. */
export const BASELINE_FLOOR_PER_HOUR = 2;
/** Past weeks of the same hour of the week used for the baseline (the hourly history keeps 28 days). */
export const BASELINE_WEEKS = 4;
/** Past full hours whose median stands in for the baseline while weekly history is short. */
export const BASELINE_RECENT_HOURS = 24;
/** Weekly samples needed before the weekly median alone is the baseline (one sample weighs half). */
export const BASELINE_FULL_WEEKS = 2;

/** Consecutive minutes above operational, each with elevated reports, that open an incident. */
export const OPEN_AFTER_MINUTES = 2;
/** An elevated minute has at least this many reports … */
export const ELEVATED_MIN_REPORTS_PER_MINUTE = 2;
/** … and at least this multiple of the usual reports per minute. */
export const ELEVATED_RATIO_PER_MINUTE = 3;
/** Minutes at a higher level before an open incident escalates. */
export const ESCALATE_AFTER_MINUTES = 2;
/** Minutes all below the current level before an open incident de-escalates. */
export const DEESCALATE_AFTER_MINUTES = 5;
/** Consecutive operational minutes that resolve an incident; waves within this gap continue it. */
export const RESOLVE_AFTER_MINUTES = 15;
/** An "updated" event needs the peak per minute to grow by this factor since the last announcement … */
export const UPDATE_PEAK_GROWTH = 1.25;
/** … and at least this many minutes since the incident's last event. */
export const UPDATE_MIN_INTERVAL_MINUTES = 5;

/** Level of one window: `reports` counted against `expected` reports for the same window. */
export function levelForWindow(reports: number, expected: number): Level {
  const ratio = reports / Math.max(expected, Number.EPSILON);
  for (const rule of LEVEL_THRESHOLDS) {
    if (ratio >= rule.minRatio && reports >= rule.minReports15m) return rule.level;
  }
  return "operational";
}

/** Crowd counts the level is computed from. */
export interface RateInput {
  /** Reports in the last 15 minutes. */
  last15: number;
  /** Reports in the last 5 minutes. */
  last5: number;
  /** Usual reports per hour for this hour of the week (already floored). */
  baselineHour: number;
}

/** The level from the 15-minute and scaled 5-minute rates: the lower of the two. */
export function levelFromRates(input: RateInput): Level {
  const expected15 = Math.max(input.baselineHour, BASELINE_FLOOR_PER_HOUR) / 4;
  const by15 = levelForWindow(input.last15, expected15);
  if (by15 === "operational") return by15;
  const by5 = levelForWindow(input.last5 * 3, expected15);
  return LEVEL_ORDER[by15] <= LEVEL_ORDER[by5] ? by15 : by5;
}

/** Whether a minute's count is high enough to count towards opening an incident. */
export function isElevatedMinute(reports: number, baselineHour: number): boolean {
  return (
    reports >= ELEVATED_MIN_REPORTS_PER_MINUTE &&
    reports >= (ELEVATED_RATIO_PER_MINUTE * Math.max(baselineHour, BASELINE_FLOOR_PER_HOUR)) / 60
  );
}

/** Severity rank by level (a local copy keeps the hot path free of indexOf). */
export const LEVEL_ORDER: Record<Level, number> = {
  operational: 0,
  degraded: 1,
  partial_outage: 2,
  major_outage: 3,
};
