import { BASELINE_FLOOR_PER_HOUR, BASELINE_FULL_WEEKS, BASELINE_RECENT_HOURS, BASELINE_WEEKS } from "./level-rules.js";
import type { ServiceCounts } from "./service-counts.js";
import { WEEK_HOURS } from "./time.js";

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * Usual reports per hour for a service at an absolute hour, learned from its own history:
 * the median of the same hour of the week over the past 4 weeks, blended (half and half with one
 * week, alone from two weeks) with the median of the last 24 full hours while weekly history is
 * short. Hours spent in an incident and hours before the first report are left out. Never below
 * BASELINE_FLOOR_PER_HOUR.
 */
export function computeBaseline(counts: ServiceCounts, hour: number): number {
  if (counts.head < 0) return BASELINE_FLOOR_PER_HOUR;
  const firstFullHour = Math.ceil(counts.firstMinute / 60);
  const weekly: number[] = [];
  for (let k = 1; k <= BASELINE_WEEKS; k++) {
    const h = hour - k * WEEK_HOURS;
    if (h < firstFullHour) break;
    const v = counts.hour(h);
    if (v !== undefined && !counts.flagged(h)) weekly.push(v);
  }
  const recent: number[] = [];
  if (weekly.length < BASELINE_FULL_WEEKS) {
    for (let k = 1; k <= BASELINE_RECENT_HOURS; k++) {
      const h = hour - k;
      if (h < firstFullHour) break;
      const v = counts.hour(h);
      if (v !== undefined && !counts.flagged(h)) recent.push(v);
    }
  }
  let usual: number;
  if (weekly.length >= BASELINE_FULL_WEEKS || (weekly.length > 0 && recent.length === 0)) usual = median(weekly);
  else if (weekly.length > 0) usual = (median(weekly) + median(recent)) / 2;
  else usual = median(recent);
  return Math.max(usual, BASELINE_FLOOR_PER_HOUR);
}

/** computeBaseline, cached per service for the last hour asked and invalidated when history changes. */
export function baselineFor(counts: ServiceCounts, hour: number): number {
  if (counts.cacheHour === hour && counts.cacheVersion === counts.version) return counts.cacheValue;
  const value = computeBaseline(counts, hour);
  counts.cacheHour = hour;
  counts.cacheVersion = counts.version;
  counts.cacheValue = value;
  return value;
}
