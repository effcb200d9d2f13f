/**
 * Import benchmark: four weeks of a busy service (1,008,000 reports, 25 a minute, unsorted by the
 * hour) through the built `outage-bot ingest` (dist/, as installed: `npm run build` first) into a
 * fresh SQLite store, each run a new process, so process start is included. The floor, run
 * alternately in the same sitting: a bare Node process that reads the same file, JSON.parses each
 * line and counts (tests/bench/parse-count-floor.mjs). Prints wall and CPU time of each run, the
 * medians, ingest's throughput as a share of the floor's, and ingest's peak resident memory.
 * RUNS=n changes the number of runs of each (default 3).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const MIN = 60_000;
const START = Date.UTC(2026, 8, 6);
const MINUTES = 28 * 24 * 60;
const PER_MINUTE = 25;
const REGIONS = ["US", "GB", "DE", "FR", "JP"];
const RUNS = Number(process.env.RUNS ?? 3);
const TIME = "/usr/bin/time";

/** Four weeks of reports, hours in a shuffled order so the file is not sorted by time. */
function writeHistory(file: string): number {
  const chunks: string[] = [];
  let n = 0;
  const hours = Array.from({ length: MINUTES / 60 }, (_, h) => h).sort(
    (a, b) => ((a * 7919) % 673) - ((b * 7919) % 673),
  );
  for (const h of hours) {
    for (let m = h * 60; m < h * 60 + 60; m++) {
      for (let i = 0; i < PER_MINUTE; i++) {
        const at = new Date(START + m * MIN + i * 2_000).toISOString();
        chunks.push(
          `{"service":"x","region":"${REGIONS[n % 5]}","problem":"app","at":"${at}","reporter":"u${n}","origin":"g${n % 500}"}`,
        );
        n++;
      }
    }
  }
  writeFileSync(file, `${chunks.join("\n")}\n`);
  return n;
}

interface Run {
  wallMs: number;
  cpuMs: number | null;
  maxRssMb: number | null;
  stdout: string;
  code: number;
}

/** Runs a command as its own process; CPU time and peak memory from GNU time when the machine has it. */
function run(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const timed = existsSync(TIME);
  const [cmd, ...args] = timed ? [TIME, "-f", "%U %S %M", ...argv] : argv;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd!, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      const last = stderr.trim().split("\n").at(-1) ?? "";
      const [user, sys, rss] = timed ? last.split(" ").map(Number) : [];
      resolve({
        wallMs,
        cpuMs: user !== undefined && sys !== undefined ? (user + sys) * 1000 : null,
        maxRssMb: rss !== undefined ? Math.round(rss / 1024) : null,
        stdout,
        code: code ?? -1,
      });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dist = join(process.cwd(), "dist/cli/outage-bot.js");
if (!existsSync(dist)) throw new Error("dist/cli/outage-bot.js is missing: run npm run build first");
const dir = mkdtempSync(join(tmpdir(), "outage-import-"));
try {
  const file = join(dir, "history.ndjson");
  const n = writeHistory(file);
  const env = { ...process.env, LOG_LEVEL: "silent" };
  const floors: Run[] = [];
  const ingests: Run[] = [];
  const lines: string[] = [
    `reports: ${n.toLocaleString("en")} (file ${Math.round(statSync(file).size / 1e6)} MB); load average at start ${loadavg()[0]!.toFixed(2)}`,
  ];
  for (let i = 0; i < RUNS; i++) {
    const floor = await run([process.execPath, "tests/bench/parse-count-floor.mjs", file], env);
    if (Number(floor.stdout.trim()) !== n) throw new Error(`floor counted ${floor.stdout.trim()}`);
    floors.push(floor);
    const store = join(dir, `store-${i}.sqlite`);
    const ingest = await run([process.execPath, dist, "ingest", file], { ...env, STORE_URL: `sqlite://${store}` });
    if (ingest.code !== 0 || !ingest.stdout.includes(`${n} accepted, 0 rejected`)) {
      throw new Error(`ingest failed (exit ${ingest.code}): ${ingest.stdout}`);
    }
    ingests.push(ingest);
    rmSync(store, { force: true });
    const cpu = (r: Run) => (r.cpuMs === null ? "" : `, ${s(r.cpuMs)} CPU`);
    lines.push(
      `run ${i + 1}: floor ${s(floor.wallMs)} wall${cpu(floor)}; ingest ${s(ingest.wallMs)} wall${cpu(ingest)}, peak RSS ${ingest.maxRssMb ?? "?"} MB; load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  const floorMs = median(floors.map((r) => r.wallMs));
  const ingestMs = median(ingests.map((r) => r.wallMs));
  lines.push(
    `median wall: floor ${s(floorMs)} (${Math.round(n / (floorMs / 1000)).toLocaleString("en")} lines/s), ingest ${s(ingestMs)} (${Math.round(n / (ingestMs / 1000)).toLocaleString("en")} reports/s)`,
    `ingest throughput, process start included: ${((floorMs / ingestMs) * 100).toFixed(0)}% of the floor's (goal ≥ 50%)`,
  );
  if (floors.every((r) => r.cpuMs !== null)) {
    const floorCpu = median(floors.map((r) => r.cpuMs!));
    const ingestCpu = median(ingests.map((r) => r.cpuMs!));
    lines.push(
      `median CPU: floor ${s(floorCpu)}, ingest ${s(ingestCpu)} (${((floorCpu / ingestCpu) * 100).toFixed(0)}% of the floor's on CPU time)`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
