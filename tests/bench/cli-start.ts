// Wall time of CLI calls as an operator makes them (a new process each), against `node -e 0` in the
// same run: the compiled dist/cli/outage-bot.js (production) and, for comparison, the tsx source runner.
// Run `npm run build` first. Usage: node --import tsx tests/bench/cli-start.ts [runs]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), "outage-cli-bench-"));
const env = { PATH: process.env.PATH, STORE_URL: `sqlite://${join(dir, "bench.sqlite")}`, LOG_LEVEL: "silent" };

const cases: [string, string[]][] = [
  ["baseline: node -e 0", ["-e", "0"]],
  ["help (compiled)", ["dist/cli/outage-bot.js", "help"]],
  ['ask "/outage status github" (compiled)', ["dist/cli/outage-bot.js", "ask", "/outage status github"]],
  ["help (tsx, from source)", ["src/bin/outage-bot.js", "help"]],
  ['ask "/outage status github" (tsx, from source)', ["src/bin/outage-bot.js", "ask", "/outage status github"]],
];

/** Milliseconds of one run of `node args`; throws when it fails. */
function once(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

// The first ask creates the SQLite file; not part of any figure.
once(["dist/cli/outage-bot.js", "ask", "/outage status github"]);
const rows: string[] = [];
let baseline = 0;
for (const [name, args] of cases) {
  const times = Array.from({ length: RUNS }, () => once(args)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  if (baseline === 0) baseline = median;
  rows.push(
    `| ${name} | ${times[0]!.toFixed(0)} ms | ${median.toFixed(0)} ms | ${times.at(-1)!.toFixed(0)} ms | ${(median / baseline).toFixed(1)}× |`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${RUNS} runs each\n| command | min | median | max | median / baseline |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`,
);
