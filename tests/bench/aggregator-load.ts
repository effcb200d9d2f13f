/**
 * Aggregator figures for BENCHMARKS.md: ingest rate (CPU time, one core) against baselines over
 * the same objects, status latency p50/p99 and memory with 1,000 services × 100 regions × 24 h,
 * snapshot size and restore time from JSON, and the x-outage replay time.
 * Run: node --expose-gc --import tsx tests/bench/aggregator-load.ts
 */
import { buildStatusReport, createAggregator, restoreAggregator } from "../../src/aggregator/index.js";
import { runReplay } from "../../src/aggregator/scenarios/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { BENCH_SERVICES, buildLoad, buildReports } from "./aggregator-fixtures.js";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const cpuMs = (f: () => void) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// 1–4 run in a function so the 100 MB load is garbage before the ingest runs.
function loadFigures() {
  // 1. The 24 h load (first, on a clean heap): memory and build time.
  const before = memory();
  let loaded!: ReturnType<typeof buildLoad>;
  const loadTime = cpuMs(() => {
    loaded = buildLoad(3);
  });
  const loadBytes = memory() - before;
  const { aggregator, end } = loaded;

  // 3. Status latency.
  const deps = { catalog: createCatalog(builtInServices), regions: createRegionDirectory(), aggregator };
  for (let i = 0; i < 2000; i++) buildStatusReport(deps, BENCH_SERVICES[i % 1000]!, end - 1);
  const status: number[] = [];
  const verdicts: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const id = BENCH_SERVICES[(i * 7) % 1000]!;
    let t0 = performance.now();
    buildStatusReport(deps, id, end - 1);
    status.push(performance.now() - t0);
    t0 = performance.now();
    aggregator.verdict(id, end - 1);
    verdicts.push(performance.now() - t0);
  }

  // 4. Snapshot and restore from JSON.
  let json = "";
  const snapTime = cpuMs(() => {
    json = JSON.stringify(aggregator.snapshot());
  });
  const restoreTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    let parsed: unknown;
    parseTimes.push(
      cpuMs(() => {
        parsed = JSON.parse(json);
      }).wall,
    );
    restoreTimes.push(cpuMs(() => restoreAggregator(parsed)).wall + parseTimes[i]!);
  }
  const restored = restoreAggregator(JSON.parse(json));
  const same =
    JSON.stringify(buildStatusReport({ ...deps, aggregator: restored }, "service-7", end - 1)) ===
    JSON.stringify(buildStatusReport(deps, "service-7", end - 1));
  return {
    loadBytes,
    loadTime,
    reports: loaded.reports,
    status,
    verdicts,
    snapTime,
    jsonLength: json.length,
    restoreTimes,
    parseTimes,
    same,
  };
}
const figures = loadFigures();
const { loadBytes, loadTime, status, verdicts, snapTime, restoreTimes, parseTimes, same } = figures;
gc();

// 5. Ingest rate: 1,000,000 pre-built reports, 7 runs, fresh aggregator each run.
const reports = buildReports(1_000_000, 60);
const runs = { ingest: [] as number[], map: [] as number[], loop: [] as number[] };
for (let run = 0; run < 7; run++) {
  const agg = createAggregator();
  runs.ingest.push(
    cpuMs(() => {
      for (let i = 0; i < reports.length; i++) agg.ingest(reports[i]!);
    }).cpu,
  );
  const map = new Map<string, number>();
  runs.map.push(
    cpuMs(() => {
      for (let i = 0; i < reports.length; i++) map.set(reports[i]!.reporterHash, reports[i]!.at);
    }).cpu,
  );
  let sum = 0;
  runs.loop.push(
    cpuMs(() => {
      for (let i = 0; i < reports.length; i++) sum += reports[i]!.at;
    }).cpu,
  );
  if (sum === 0) throw new Error("unreachable");
}
const count = reports.length;
const rate = (ms: number) => (count / ms) * 1000;
reports.length = 0;

// 6. Replay of the X day.
const replay = cpuMs(() => runReplay("x-outage"));

const lines = [
  "| figure | value | baseline in the same run | ratio |",
  "|---|---|---|---|",
  `| ingest, 1,000,000 pre-built reports (median of 7, CPU time) | ${fmt(rate(median(runs.ingest)))} reports/s (best ${fmt(rate(Math.min(...runs.ingest)))}) | Map.set over the same objects: ${fmt(rate(median(runs.map)))}/s; empty loop: ${fmt(rate(median(runs.loop)))}/s | ${(median(runs.ingest) / median(runs.map)).toFixed(1)}× the Map.set time |`,
  `| status report p50 / p99 (20,000 queries, 1,000 services × 100 regions × 24 h) | ${(pct(status, 0.5) * 1000).toFixed(0)} µs / ${(pct(status, 0.99) * 1000).toFixed(0)} µs | crowd verdict alone: ${(pct(verdicts, 0.5) * 1000).toFixed(0)} µs / ${(pct(verdicts, 0.99) * 1000).toFixed(0)} µs | ${(pct(status, 0.5) / pct(verdicts, 0.5)).toFixed(1)}× (p50) |`,
  `| memory of that load (heapUsed + arrayBuffers after GC) | ${mb(loadBytes)} MB | | |`,
  `| building that load (${fmt(figures.reports)} reports + one tick over 24 h) | ${(loadTime.cpu / 1000).toFixed(1)} s CPU | | |`,
  `| snapshot → JSON | ${(snapTime.cpu / 1000).toFixed(2)} s, ${mb(figures.jsonLength)} MB | | |`,
  `| restore from JSON (JSON.parse + restoreAggregator, median of 3) | ${(median(restoreTimes) / 1000).toFixed(2)} s | JSON.parse alone: ${(median(parseTimes) / 1000).toFixed(2)} s | same status after restore: ${same} |`,
  `| replay x-outage (7 days warm-up + the day, ~${fmt(replay.cpu)} ms CPU) | ${(replay.wall / 1000).toFixed(2)} s wall | | |`,
];
console.log(lines.join("\n"));
