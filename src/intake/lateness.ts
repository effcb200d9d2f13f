import { HOUR_MS } from "../aggregator/time.js";
import type { IngestResult, ReportSource } from "../domain/report.js";

/**
 * How old a report each source may be when it arrives, by the wall clock. A Discord report is made
 * by the person now (an hour leaves room for a restart's backlog); an HTTP API client may post what it gathered over the last day (the per-minute
 * detail the aggregator keeps); an import is history and is judged by its own data instead: the
 * aggregator keeps 28 days before the service's newest report, whatever the wall clock says.
 */
export const MAX_LATENESS_MS: Readonly<Record<ReportSource, number | null>> = {
  discord: HOUR_MS,
  api: 24 * HOUR_MS,
  import: null,
};

const WORDS: Record<ReportSource, string> = { discord: "an hour", api: "24 hours", import: "" };

/** Why a report at `at` is too late for its source as of `now`, or null when it is not. */
export function tooLate(source: ReportSource, at: number, now: number): IngestResult | null {
  const limit = MAX_LATENESS_MS[source];
  if (limit === null || now - at <= limit) return null;
  return {
    accepted: false,
    reason: "too_old",
    message: `report is more than ${WORDS[source]} old: ${source} reports may be at most that late (import older history with outage-bot ingest)`,
  };
}
