// One report journal append (1,000 reports, ~99 KB) to a SQLite file, 200 times: latency (p50, p90, max)
// one at a time, CPU per append for the whole process (SQLite's thread included), and 4 in flight.
// Usage: node --import tsx tests/bench/journal-append.ts [appends]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { CrowdReport } from "../../src/domain/report.js";
import { openStore } from "../../src/store/index.js";

const dir = mkdtempSync(join(tmpdir(), "jbench-"));
const store = await openStore(`sqlite://${join(dir, "b.sqlite")}`, { logger: pino({ level: "silent" }) });
const repo = store.reportJournal;
let n = 0;
const mk = (): CrowdReport[] =>
  Array.from({ length: 1000 }, (_, i) => ({
    serviceId: `svc-${i % 40}`,
    region: i % 3 ? "US" : "GB",
    regionInferred: false,
    problem: "app",
    at: 1_790_000_000_000 + i,
    reporterHash: `r${(n++).toString(36).padStart(20, "x")}`,
    originHash: `o${(i % 500).toString(36).padStart(20, "y")}`,
    source: "api",
    accountCreatedAt: null,
  })) as CrowdReport[];
const batches = Array.from({ length: 50 }, mk);
let seq = 0;
for (let i = 0; i < 20; i++) await repo.append({ seq: ++seq, reports: batches[i % 50]! });
const ROUNDS = Number(process.argv[2] ?? 100);
const c0 = process.cpuUsage();
let t0 = performance.now();
const lat: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const s0 = performance.now();
  await repo.append({ seq: ++seq, reports: batches[i % 50]! });
  lat.push(performance.now() - s0);
}
lat.sort((a, b) => a - b);
console.log(
  `latency p50 ${lat[ROUNDS >> 1]!.toFixed(2)} p90 ${lat[Math.floor(ROUNDS * 0.9)]!.toFixed(2)} max ${lat.at(-1)!.toFixed(2)}; top5 ${lat
    .slice(-5)
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const serialMs = (performance.now() - t0) / ROUNDS;
const c1 = process.cpuUsage(c0);
t0 = performance.now();
for (let i = 0; i < ROUNDS / 4; i++)
  await Promise.all([0, 1, 2, 3].map((k) => repo.append({ seq: ++seq, reports: batches[(i * 4 + k) % 50]! })));
const parMs = (performance.now() - t0) / ROUNDS;
console.log(
  `serial ${serialMs.toFixed(2)} ms/append, cpu ${((c1.user + c1.system) / 1000 / ROUNDS).toFixed(2)} ms/append; 4 in flight ${parMs.toFixed(2)} ms/append`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
