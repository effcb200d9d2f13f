/**
 * Import benchmark: four weeks of a busy service (1,008,000 reports, 25 a minute, unsorted by the
 * hour) through `outage-bot ingest` into a fresh SQLite store, against a bare loop that reads the
 * same file line by line and JSON.parses each line (the floor any import pays). Prints wall time,
 * reports per second and the peak resident memory of the process.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { main } from "../../src/cli/run-cli.js";

const MIN = 60_000;
const START = Date.UTC(2026, 8, 6);
const MINUTES = 28 * 24 * 60;
const PER_MINUTE = 25;
const REGIONS = ["US", "GB", "DE", "FR", "JP"];

const dir = mkdtempSync(join(tmpdir(), "outage-import-"));
try {
  const file = join(dir, "history.ndjson");
  const chunks: string[] = [];
  let n = 0;
  // Hours in a shuffled order, so the file is not sorted by time.
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
  chunks.length = 0;

  let t0 = performance.now();
  let parsed = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (JSON.parse(line).service) parsed++;
  }
  const floorMs = performance.now() - t0;

  let out = "";
  t0 = performance.now();
  const code = await main(["ingest", file], {
    env: { ...process.env, LOG_LEVEL: "silent", STORE_URL: `sqlite://${join(dir, "store.sqlite")}` },
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
  });
  const ingestMs = performance.now() - t0;
  // Peak resident memory of the whole process (the generated file's text included).
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    [
      `reports: ${n.toLocaleString("en")} (file ${Math.round(statSync(file).size / 1e6)} MB)`,
      `ingest: exit ${code}, ${(ingestMs / 1000).toFixed(1)} s, ${Math.round(n / (ingestMs / 1000)).toLocaleString("en")} reports/s — ${out.trim().split("\n")[0]}`,
      `floor (read + JSON.parse each line): ${(floorMs / 1000).toFixed(1)} s for ${parsed.toLocaleString("en")} lines; ingest is ${((floorMs / ingestMs) * 100).toFixed(0)}% of its speed`,
      `peak memory (max RSS of the process): ${peakMb} MB`,
      "",
    ].join("\n"),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
