/**
 * Detection benchmark (`npm run bench:detection`): generates the scenarios of issue 13, imports
 * each into a fresh SQLite store with `outage-bot ingest` and asks `outage-bot ask "/outage status
 * <svc>" --json --at <minute>` at every check, exactly as a user would, through the CLI's own entry
 * point (in this process: one process per check would spend minutes starting Node). A
 * Downdetector-style reference detector runs over the same reports in the same run. Prints a
 * markdown table for BENCHMARKS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/run-cli.js";
import { createReferenceDetector } from "./detection/reference.js";
import { detectionScenarios, type Scenario } from "./detection/scenarios.js";

const MIN = 60_000;
/** Minutes after onset within which an outage counts as found. */
const FIND_WITHIN = 20;
/** Minutes after onset at which the top region is read (the status report lists the last hour's regions). */
const REGION_AFTER = 10;

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        return true;
      },
    },
    stdin: Readable.from([]),
  });
  return { code, stdout, stderr };
}

interface Verdict {
  alarm: boolean;
  topRegion: string | null;
}

interface Score {
  found: boolean | null;
  delay: number | null;
  falseAlarms: number;
  quietChecks: number;
  topRegion: string | null;
}

function score(scenario: Scenario, at: (t: number) => Promise<Verdict>): Promise<Score> {
  return (async () => {
    const { truth } = scenario;
    let falseAlarms = 0;
    for (const t of truth.quiet) if ((await at(t)).alarm) falseAlarms++;
    if (truth.onset === null)
      return { found: null, delay: null, falseAlarms, quietChecks: truth.quiet.length, topRegion: null };
    for (let k = 0; k <= FIND_WITHIN; k++) {
      const v = await at(truth.onset + k * MIN);
      if (!v.alarm) continue;
      // The top region is judged once the outage is under way: REGION_AFTER minutes in, or at detection if later.
      const topRegion = k >= REGION_AFTER ? v.topRegion : (await at(truth.onset + REGION_AFTER * MIN)).topRegion;
      return { found: true, delay: k, falseAlarms, quietChecks: truth.quiet.length, topRegion };
    }
    return { found: false, delay: null, falseAlarms, quietChecks: truth.quiet.length, topRegion: null };
  })();
}

async function runScenario(
  scenario: Scenario,
): Promise<{ ours: Score; reference: Score; importMs: number; reports: number }> {
  const dir = mkdtempSync(join(tmpdir(), "outage-detection-"));
  try {
    const env = { STORE_URL: `sqlite://${join(dir, "store.sqlite")}` };
    let importMs = 0;
    for (const [i, lines] of scenario.files.entries()) {
      const file = join(dir, `part-${i}.ndjson`);
      writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
      const t0 = performance.now();
      const run = await cli(["ingest", file], env);
      importMs += performance.now() - t0;
      if (run.code !== 0) throw new Error(`${scenario.name}: ingest failed: ${run.stdout}${run.stderr}`);
    }
    const ours = await score(scenario, async (t) => {
      const run = await cli(
        ["ask", `/outage status ${scenario.service}`, "--json", "--at", new Date(t).toISOString()],
        env,
      );
      const report = JSON.parse(run.stdout) as { level: string; regions: { region: string }[] };
      return { alarm: report.level !== "operational", topRegion: report.regions[0]?.region ?? null };
    });
    const refDetect = createReferenceDetector(scenario.files.flat());
    const reference = await score(scenario, async (t) => refDetect(t));
    return { ours, reference, importMs, reports: scenario.files.reduce((s, f) => s + f.length, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cell(s: Score, region: string | null): string {
  const found = s.found === null ? "—" : s.found ? `found, ${s.delay} min` : "**missed**";
  const regionText = region === null ? "" : `, top ${s.topRegion ?? "?"}${s.topRegion === region ? " ✓" : " ✗"}`;
  return `${found}; ${s.falseAlarms}/${s.quietChecks} false alarms${regionText}`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const started = performance.now();
const rows: string[] = [];
const totals = { ours: [] as Score[], reference: [] as Score[] };
for (const scenario of detectionScenarios()) {
  const r = await runScenario(scenario);
  totals.ours.push(r.ours);
  totals.reference.push(r.reference);
  rows.push(
    `| ${scenario.name} | ${r.reports.toLocaleString("en")} | ${cell(r.ours, scenario.truth.region)} | ${cell(r.reference, scenario.truth.region)} |`,
  );
  process.stderr.write(`${scenario.name}: done (import ${Math.round(r.importMs)} ms)\n`);
}
const summary = (list: Score[]) => {
  const outages = list.filter((s) => s.found !== null);
  const delays = outages.filter((s) => s.found).map((s) => s.delay!);
  const fa = list.reduce((s, x) => s + x.falseAlarms, 0);
  const checks = list.reduce((s, x) => s + x.quietChecks, 0);
  return `${outages.filter((s) => s.found).length}/${outages.length} found, median delay ${median(delays)} min; ${fa}/${checks} false alarms`;
};
process.stdout.write(
  [
    "| scenario | reports | outage-bot (ingest + ask --at) | reference (same weekday ×4, mean + 3σ, ≥ 10) |",
    "|---|---|---|---|",
    ...rows,
    `| **all** | | ${summary(totals.ours)} | ${summary(totals.reference)} |`,
    "",
    `(${Math.round((performance.now() - started) / 1000)} s)`,
    "",
  ].join("\n"),
);
