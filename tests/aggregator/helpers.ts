import type { Aggregator } from "../../src/aggregator/index.js";
import type { IncidentEvent } from "../../src/domain/incident.js";
import type { CrowdReport } from "../../src/domain/report.js";

/** Monday 2 June 2025 00:00 UTC: a fixed start for tests. */
export const T0 = Date.UTC(2025, 5, 2);
export const MIN = 60_000;
export const HOUR = 3_600_000;

let serial = 0;

/** A valid crowd report with a fresh reporter unless one is given. */
export function report(overrides: Partial<CrowdReport> = {}): CrowdReport {
  serial++;
  return {
    serviceId: "svc",
    region: "GB",
    regionInferred: false,
    problem: "app",
    at: T0,
    reporterHash: `reporter-${serial}`,
    originHash: `origin-${serial}`,
    source: "api",
    accountCreatedAt: null,
    ...overrides,
  };
}

/** Ingests `perMinute(m)` reports spread over each minute from `fromMinute` (offset from T0) to `toMinute` exclusive, ticking each minute. */
export function feedMinutes(
  agg: Aggregator,
  fromMinute: number,
  toMinute: number,
  perMinute: (m: number) => number,
  overrides: Partial<CrowdReport> = {},
): IncidentEvent[] {
  const events: IncidentEvent[] = [];
  for (let m = fromMinute; m < toMinute; m++) {
    const n = perMinute(m);
    for (let i = 0; i < n; i++) {
      agg.ingest(report({ ...overrides, at: T0 + m * MIN + Math.floor((i * MIN) / Math.max(n, 1)) }));
    }
    events.push(...agg.tick(T0 + (m + 1) * MIN));
  }
  return events;
}

/** Fills `hours` hours of history before T0 with `perHour` reports each, without ticking. */
export function history(agg: Aggregator, hours: number, perHour: number, serviceId = "svc"): void {
  for (let h = hours; h > 0; h--) {
    for (let i = 0; i < perHour; i++) {
      agg.ingest(report({ serviceId, at: T0 - h * HOUR + Math.floor((i * HOUR) / perHour) }));
    }
  }
}
