import type { ReportLine } from "./scenarios.js";

const MIN = 60_000;
const WEEK = 7 * 24 * 60 * MIN;
/** Window counted at each check, as the bot's level does. */
const WINDOW = 15 * MIN;
/** Past weeks whose same time of day (same weekday) make the baseline. */
const WEEKS = 4;
/** A window needs at least this many reports to alarm, whatever the baseline. */
const MIN_COUNT = 10;

/** What the reference detector says at one check. */
export interface ReferenceVerdict {
  alarm: boolean;
  count: number;
  threshold: number;
  topRegion: string | null;
}

/**
 * A Downdetector-style reference detector over the same reports: at time T, the reports of the 15
 * minutes before T against the same 15 minutes of the same weekday over the previous 4 weeks; it
 * alarms when the count exceeds their mean + 3σ and is at least MIN_COUNT. It counts reports as
 * they come (no dedupe, no origins), which is what a site that only sees submissions can do.
 */
export function createReferenceDetector(lines: readonly ReportLine[]): (at: number) => ReferenceVerdict {
  const times = Float64Array.from(lines.map((l) => Date.parse(l.at))).sort();
  const byTime = lines.map((l) => ({ at: Date.parse(l.at), region: l.region ?? null })).sort((a, b) => a.at - b.at);
  const lowerBound = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const countIn = (from: number, to: number) => lowerBound(to) - lowerBound(from);
  return (at) => {
    const count = countIn(at - WINDOW, at);
    const samples: number[] = [];
    for (let k = 1; k <= WEEKS; k++) samples.push(countIn(at - k * WEEK - WINDOW, at - k * WEEK));
    const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
    const sd = Math.sqrt(samples.reduce((s, x) => s + (x - mean) ** 2, 0) / samples.length);
    const threshold = mean + 3 * sd;
    const regions = new Map<string, number>();
    for (let i = lowerBound(at - WINDOW); i < lowerBound(at); i++) {
      const region = byTime[i]!.region;
      if (region !== null) regions.set(region, (regions.get(region) ?? 0) + 1);
    }
    const top = [...regions].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { alarm: count > threshold && count >= MIN_COUNT, count, threshold, topRegion: top };
  };
}
