import { bench, describe } from "vitest";
import { buildStatusReport, createAggregator } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { BENCH_SERVICES, buildLoad, buildReports } from "./aggregator-fixtures.js";

// Full figures (CPU-time rates, p50/p99, memory, restore) come from tests/bench/aggregator-load.ts;
// these are the same operations under vitest bench for a quick look.

const reports = buildReports(100_000, 10);

describe("aggregator ingest: 100,000 pre-built reports over 1,000 services × 100 regions", () => {
  bench(
    "ingest into a fresh aggregator",
    () => {
      const agg = createAggregator();
      for (let i = 0; i < reports.length; i++) agg.ingest(reports[i]!);
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "baseline: Map.set(reporterHash, at) over the same objects",
    () => {
      const map = new Map<string, number>();
      for (let i = 0; i < reports.length; i++) map.set(reports[i]!.reporterHash, reports[i]!.at);
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "baseline: empty loop reading each report",
    () => {
      let sum = 0;
      for (let i = 0; i < reports.length; i++) sum += reports[i]!.at;
      if (sum === 0) throw new Error("unreachable");
    },
    { iterations: 20, time: 0 },
  );
});

describe("status with 1,000 services × 100 regions × 24 h (1 report per service-minute)", () => {
  const { aggregator, end } = buildLoad(1);
  const deps = { catalog: createCatalog(builtInServices), regions: createRegionDirectory(), aggregator };
  let i = 0;
  bench("status report of one service", () => {
    buildStatusReport(deps, BENCH_SERVICES[i++ % 1000]!, end - 1);
  });
  bench("region breakdown over 24 h", () => {
    aggregator.regionCounts(BENCH_SERVICES[i++ % 1000]!, 1440, end - 1);
  });
  bench("baseline: crowd verdict only", () => {
    aggregator.verdict(BENCH_SERVICES[i++ % 1000]!, end - 1);
  });
});
