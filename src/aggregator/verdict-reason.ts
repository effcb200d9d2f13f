import { formatCount, formatTimes, reportsText } from "../domain/format.js";
import type { Level } from "../domain/levels.js";
import {
  BASELINE_FLOOR_PER_HOUR,
  LEVEL_ORDER,
  LEVEL_THRESHOLDS,
  levelForWindow,
  maxLevelForOrigins,
  ORIGIN_LEVEL_RULES,
} from "./level-rules.js";

/** The numbers a crowd level was decided from, with the raw counts people see. */
export interface ReasonInput {
  level: Level;
  /** Raw reports. */
  last5: number;
  last15: number;
  lastHour: number;
  /** Weighted reports (what the rules count). */
  weighted5: number;
  weighted15: number;
  /** Usual reports per hour (already floored). */
  baselineHour: number;
  /** Distinct origins in the last hour. */
  origins: number;
  /** "Monday 14:00 UTC". */
  usualFor: string;
  /**
   * The usual rate rests on little history yet: it is a rough guess (often the floor), so the words
   * quote no ratio against it and say the usual is not known yet.
   */
  littleHistory?: boolean;
}

/** What the words say instead of a usual rate while there is little history. */
export const LITTLE_HISTORY = "Little history yet, so there is no usual rate to compare with.";

const words = (level: Level) => level.replace("_", " ");
const DEGRADED = LEVEL_THRESHOLDS[LEVEL_THRESHOLDS.length - 1]!;

/**
 * The verdict in words, generated from the rule that decided the level (level-rules.ts): the
 * 15-minute rate, the 5-minute check, the minimum count, or the distinct-origin cap. Every ratio it
 * names is the last 15 minutes against the usual for 15 minutes, as the status shows it.
 */
export function explainVerdict(v: ReasonInput): string {
  if (v.lastHour === 0) return "No reports in the last hour.";
  const expected15 = Math.max(v.baselineHour, BASELINE_FLOOR_PER_HOUR) / 4;
  const ratio = v.last15 / expected15;
  const by15 = levelForWindow(v.weighted15, expected15);
  const by5 = levelForWindow(v.weighted5 * 3, expected15);
  const little = v.littleHistory === true;
  // With little history the usual is a guess: no ratio against it, in any sentence.
  const rate = little
    ? `${reportsText(v.last15)} in the last 15 min`
    : `${reportsText(v.last15)} in the last 15 min, ${formatTimes(ratio)} the usual for ${v.usualFor}`;
  const hour = `${formatCount(v.lastHour)} in the last hour`;
  const note = little ? ` ${LITTLE_HISTORY}` : "";
  if (v.level !== "operational") {
    let why = `${rate} (${hour}).`;
    if (LEVEL_ORDER[by5] < LEVEL_ORDER[by15] && by5 === v.level) {
      why += ` Easing: the last 5 minutes alone (${formatCount(v.last5)}) point to ${words(by5)}.`;
    }
    return why + diversityNote(v.level, v.origins) + note;
  }
  if (v.last15 === 0) return `No reports in the last 15 min (${hour}).${note}`;
  if (by15 === "operational") {
    if (ratio < DEGRADED.minRatio) {
      return little
        ? `${rate} (${hour}): not clearly more than the reports seen so far.${note}`
        : `${rate} (${hour}): below the ${DEGRADED.minRatio}× that makes a problem.`;
    }
    const held = v.weighted15 < v.last15 ? ", after suspect reports are held back," : "";
    return `${rate} (${hour}), but that is${held} too few to call a problem: it takes at least ${DEGRADED.minReports15m} in 15 min.${note}`;
  }
  if (by5 === "operational") {
    return `Reports have stopped: ${formatCount(v.last5)} in the last 5 min after ${formatCount(v.last15)} in the last 15 min (${hour}).${note}`;
  }
  if (maxLevelForOrigins(v.origins) === "operational") return `${rate} (${hour}), from no countable source.${note}`;
  return `${rate} (${hour}).${note}`;
}

/**
 * Why the level is no higher, when the number of distinct origins is what holds it:
 * " Reports from one server only: partial outage needs reports from at least 5." Empty when
 * diversity is not the limit.
 */
export function diversityNote(level: Level, origins: number): string {
  if (level === "operational" || level === "major_outage") return "";
  const next = ORIGIN_LEVEL_RULES.find((r) => LEVEL_ORDER[r.level] === LEVEL_ORDER[level] + 1);
  if (next === undefined || origins >= next.minOrigins) return "";
  const from = origins <= 1 ? "Reports from one server only" : `Reports from only ${origins} servers`;
  return ` ${from}: ${words(next.level)} needs reports from at least ${next.minOrigins}.`;
}
