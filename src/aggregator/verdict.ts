import { round1 } from "../domain/format.js";
import type { Level } from "../domain/levels.js";
import { baselineAtMinute, littleHistoryAt } from "./baseline.js";
import { BASELINE_FLOOR_PER_HOUR, levelFromRates } from "./level-rules.js";
import type { ServiceCounts } from "./service-counts.js";
import { hourOfMinute, hourOfWeekLabel, minuteOf } from "./time.js";
import { explainVerdict } from "./verdict-reason.js";

export { diversityNote } from "./verdict-reason.js";

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
  /** Distinct origins (guilds, API origins, lone reporters) among the last hour's counted reports. */
  originsHour: number;
  /** Weighted reports of the last 15 minutes: what the level is computed from. */
  weighted15: number;
  /** Reports held back (or refused as excluded) in the last hour, by reason, most first. */
  suspected: { reason: string; reports: number }[];
  /** "Monday 14:00 UTC": the hour of the week the baseline is for. */
  usualFor: string;
  /** The usual rate rests on less than two weeks of this hour's history: a rough guess, not a fact to quote. */
  littleHistory: boolean;
  /** The verdict in words. */
  reason: string;
}

/** The numbers behind a verdict, without the words (what each tick needs). */
export interface Rates {
  level: Level;
  /** Raw reports (what people see). */
  last5: number;
  last15: number;
  /** Weighted reports of the last 15 minutes (what the level is computed from). */
  weighted15: number;
  /** Weighted reports of the last 5 minutes (the second check). */
  weighted5: number;
  baselineHour: number;
  /** Distinct origins in the hour ending at the minute. */
  origins: number;
}

/** Level, recent counts and baseline at the end of absolute minute `minute`. */
export function ratesAtMinute(counts: ServiceCounts, minute: number): Rates {
  const last5 = counts.sumMinutes(minute - 4, minute);
  const last15 = last5 + counts.sumMinutes(minute - 14, minute - 5);
  const w5 = counts.sumWeighted(minute - 4, minute);
  const weighted15 = w5 + counts.sumWeighted(minute - 14, minute - 5);
  const baselineHour = baselineAtMinute(counts, minute);
  const origins = counts.origins.distinct(minute, counts.head);
  const level = levelFromRates({ last15: weighted15, last5: w5, baselineHour, origins });
  return { level, last5, last15, weighted15, weighted5: w5, baselineHour, origins };
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
      originsHour: 0,
      weighted15: 0,
      suspected: [],
      usualFor,
      littleHistory: true,
      reason: "No reports in the last hour.",
    };
  }
  const { level, last5, last15, weighted15, weighted5, baselineHour, origins } = ratesAtMinute(counts, minute);
  const lastHour = last15 + counts.sumMinutes(minute - 59, minute - 15);
  const ratio = (last15 * 4) / baselineHour;
  const littleHistory = littleHistoryAt(counts, minute);
  const reason = explainVerdict({
    level,
    last5: Math.round(last5),
    last15: Math.round(last15),
    lastHour: Math.round(lastHour),
    weighted5,
    weighted15,
    baselineHour,
    origins,
    usualFor,
    littleHistory,
  });
  return {
    serviceId,
    at: minute * 60_000,
    level,
    last5: Math.round(last5),
    last15: Math.round(last15),
    lastHour: Math.round(lastHour),
    baselineHour: round1(baselineHour),
    ratio: round1(ratio),
    originsHour: origins,
    weighted15: Math.round(weighted15 * 100) / 100,
    suspected: counts.suspects.totals(minute),
    usualFor,
    littleHistory,
    reason,
  };
}

/** The crowd verdict as of a time in ms. */
export function verdictAt(counts: ServiceCounts | undefined, serviceId: string, at: number): CrowdVerdict {
  const v = verdictAtMinute(counts, serviceId, minuteOf(at));
  v.at = at;
  return v;
}
