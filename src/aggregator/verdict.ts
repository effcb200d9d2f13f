import type { Level } from "../domain/levels.js";
import { baselineFor } from "./baseline.js";
import { formatCount, formatRatio, round1 } from "./format.js";
import { BASELINE_FLOOR_PER_HOUR, levelFromRates } from "./level-rules.js";
import type { ServiceCounts } from "./service-counts.js";
import { hourOfMinute, hourOfWeekLabel, minuteOf } from "./time.js";

/** What the crowd says about one service at one time, before any official status is combined in. */
export interface CrowdVerdict {
  serviceId: string;
  at: number;
  level: Level;
  last5: number;
  last15: number;
  lastHour: number;
  /** Usual reports per hour for this hour of the week (floored). */
  baselineHour: number;
  /** Rate of the last 15 minutes against the usual rate (1 = usual). */
  ratio: number;
  /** "Monday 14:00 UTC": the hour of the week the baseline is for. */
  usualFor: string;
  /** The verdict in words. */
  reason: string;
}

/** The numbers behind a verdict, without the words (what each tick needs). */
export interface Rates {
  level: Level;
  last5: number;
  last15: number;
  baselineHour: number;
}

/** Level, recent counts and baseline at the end of absolute minute `minute`. */
export function ratesAtMinute(counts: ServiceCounts, minute: number): Rates {
  const last5 = counts.sumMinutes(minute - 4, minute);
  const last15 = last5 + counts.sumMinutes(minute - 14, minute - 5);
  const baselineHour = baselineFor(counts, hourOfMinute(minute));
  return { level: levelFromRates({ last15, last5, baselineHour }), last5, last15, baselineHour };
}

/** Level and counts at the end of absolute minute `minute` (reports up to and including it). */
export function verdictAtMinute(counts: ServiceCounts | undefined, serviceId: string, minute: number): CrowdVerdict {
  const hour = hourOfMinute(minute);
  const usualFor = hourOfWeekLabel(hour);
  if (counts === undefined || counts.head < 0) {
    return {
      serviceId,
      at: minute * 60_000,
      level: "operational",
      last5: 0,
      last15: 0,
      lastHour: 0,
      baselineHour: BASELINE_FLOOR_PER_HOUR,
      ratio: 0,
      usualFor,
      reason: "No reports in the last hour.",
    };
  }
  const { level, last5, last15, baselineHour } = ratesAtMinute(counts, minute);
  const lastHour = last15 + counts.sumMinutes(minute - 59, minute - 15);
  const ratio = (last15 * 4) / baselineHour;
  return {
    serviceId,
    at: minute * 60_000,
    level,
    last5: Math.round(last5),
    last15: Math.round(last15),
    lastHour: Math.round(lastHour),
    baselineHour: round1(baselineHour),
    ratio: round1(ratio),
    usualFor,
    reason: describe(level, Math.round(lastHour), Math.round(last15), ratio, baselineHour, usualFor),
  };
}

/** The crowd verdict as of a time in ms. */
export function verdictAt(counts: ServiceCounts | undefined, serviceId: string, at: number): CrowdVerdict {
  const v = verdictAtMinute(counts, serviceId, minuteOf(at));
  v.at = at;
  return v;
}

function describe(
  level: Level,
  lastHour: number,
  last15: number,
  ratio: number,
  baselineHour: number,
  usualFor: string,
): string {
  const hourText = `${formatCount(lastHour)} report${lastHour === 1 ? "" : "s"} in the last hour`;
  if (level !== "operational") {
    return `${hourText} (${formatCount(last15)} in the last 15 min), ${formatRatio(ratio)}× the usual for ${usualFor}.`;
  }
  if (lastHour === 0) return "No reports in the last hour.";
  if (ratio >= 3) return `${hourText}, more than usual for ${usualFor} but too few to call a problem.`;
  return `${hourText}, within the usual for ${usualFor} (about ${formatCount(Math.max(1, baselineHour))} an hour).`;
}
