import type { Aggregator } from "../../src/aggregator/index.js";
import { createAggregator } from "../../src/aggregator/index.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { PROBLEMS } from "../../src/domain/problems.js";
import type { CrowdReport } from "../../src/domain/report.js";

/** Monday 2 June 2025 00:00 UTC. */
export const BENCH_T0 = Date.UTC(2025, 5, 2);
const MIN = 60_000;

/** 100 real ISO region codes: the load's regions. */
export const BENCH_REGIONS = createRegionDirectory()
  .all()
  .slice(0, 100)
  .map((r) => r.code);
export const BENCH_SERVICES = Array.from({ length: 1000 }, (_, i) => `service-${i}`);

/**
 * `count` pre-built reports over `minutes` minutes from `start`, in time order, spread over
 * 1,000 services and 100 regions, from a pool of reporters large enough that few are duplicates,
 * in 2,000 guilds.
 */
export function buildReports(count: number, minutes: number, start = BENCH_T0): CrowdReport[] {
  const reporters = Array.from({ length: Math.ceil(count / 2.5) }, (_, i) => `rep${i.toString(36)}`);
  const guilds = Array.from({ length: 2000 }, (_, i) => `guild${i}`);
  const out: CrowdReport[] = new Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = {
      serviceId: BENCH_SERVICES[i % 1000]!,
      region: BENCH_REGIONS[(i * 7) % 100]!,
      regionInferred: false,
      problem: PROBLEMS[i % PROBLEMS.length]!,
      at: start + Math.floor((i / count) * minutes * MIN),
      reporterHash: reporters[i % reporters.length]!,
      originHash: guilds[(i * 13) % guilds.length]!,
      source: "api",
      accountCreatedAt: null,
    };
  }
  return out;
}

/**
 * An aggregator holding 24 h of data for 1,000 services × 100 regions: `perMinute` reports per
 * service per minute (regions and problems cycling), ticked once at the end. Returns it and the
 * time the load ends.
 */
export function buildLoad(perMinute = 3): { aggregator: Aggregator; end: number; reports: number } {
  const aggregator = createAggregator();
  const report: CrowdReport = {
    serviceId: "",
    region: null,
    regionInferred: false,
    problem: "app",
    at: 0,
    reporterHash: "",
    originHash: "",
    source: "api",
    accountCreatedAt: null,
  };
  const reporters = Array.from({ length: 1000 * perMinute * 20 }, (_, i) => `rep${i.toString(36)}`);
  const guilds = Array.from({ length: 2000 }, (_, i) => `guild${i}`);
  let n = 0;
  for (let m = 0; m < 1440; m++) {
    for (let s = 0; s < 1000; s++) {
      for (let k = 0; k < perMinute; k++) {
        // The aggregator keeps nothing of the object it is given, so one object is reused.
        report.serviceId = BENCH_SERVICES[s]!;
        report.region = BENCH_REGIONS[(m * perMinute + k + s) % 100]!;
        report.problem = PROBLEMS[(m + k) % PROBLEMS.length]!;
        report.at = BENCH_T0 + m * MIN + k * 1000;
        report.reporterHash = reporters[n % reporters.length]!;
        // 2,000 guilds, as in buildReports: the diversity rule sees a realistic spread.
        report.originHash = guilds[(n * 13) % guilds.length]!;
        aggregator.ingest(report);
        n++;
      }
    }
  }
  const end = BENCH_T0 + 1440 * MIN;
  aggregator.tick(end);
  return { aggregator, end, reports: n };
}
