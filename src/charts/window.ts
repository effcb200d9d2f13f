import { seriesRange } from "../domain/windows.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back an outage may have begun for the chart to zoom in on it. */
export const ZOOM_WITHIN_MS = 3 * HOUR;

/** The span, bucket and range a status chart draws as of `at`. */
export interface ChartWindow {
  from: number;
  to: number;
  stepMs: number;
}

/**
 * The status chart's window: the last 24 h in 15-minute buckets, or, when an outage began within
 * the last ZOOM_WITHIN_MS, from a little before it in minute buckets (5-minute ones past two
 * hours), so a fresh spike is not a sliver at the right edge. Pure: the same inputs, the same window.
 */
export function statusChartWindow(at: number, incidentStartedAt: number | null): ChartWindow {
  const fresh = incidentStartedAt !== null && incidentStartedAt <= at && at - incidentStartedAt <= ZOOM_WITHIN_MS;
  if (!fresh) return { ...seriesRange(at, DAY, 15 * MINUTE), stepMs: 15 * MINUTE };
  // Half an hour of lead-in shows the usual level the spike rose from; at least an hour in all.
  const span = Math.max(HOUR, at - incidentStartedAt + 30 * MINUTE);
  const stepMs = span <= 2 * HOUR ? MINUTE : 5 * MINUTE;
  return { ...seriesRange(at, Math.ceil(span / stepMs) * stepMs, stepMs), stepMs };
}
