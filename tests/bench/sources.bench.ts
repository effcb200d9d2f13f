import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import fetch from "node-fetch";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { type Service, ServiceSchema } from "../../src/domain/service.js";
import { AtlassianSummarySchema } from "../../src/sources/atlassian-schema.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { createPoller, type Poller } from "../../src/sources/poller.js";
import { fixtureJson } from "../support/status-page-server.js";

/**
 * One poll cycle over 500 Statuspage pages on loopback, against a baseline of 500 plain node-fetch
 * GETs of the same payloads (no validation, no mapping), both at concurrency 32. The pages are
 * served by a separate process so memory figures are the poller's own.
 * Run: npx vitest bench --run tests/bench/sources.bench.ts
 */
const PAGES = 500;
const CONCURRENCY = 32;
const FIXTURES = ["operational", "minor", "major", "critical", "maintenance", "regions"];
const FIXTURE_DIR = fileURLToPath(new URL("../support/fixtures/status-pages/atlassian/", import.meta.url));

// A plain Node server in a child process: /p<i>/api/v2/summary.json serves fixture i mod 6.
const SERVER = `
const http = require("node:http"); const fs = require("node:fs");
const names = ${JSON.stringify(FIXTURES)};
const bodies = names.map((n) => fs.readFileSync(process.env.DIR + n + ".json"));
const server = http.createServer((req, res) => {
  const i = Number(/^\\/p(\\d+)\\//.exec(req.url)?.[1] ?? 0);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(bodies[i % bodies.length]);
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

let child: ChildProcess;
let base = "";
let services: Service[] = [];
let poller: Poller;
let peak = { rss: 0, heap: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
}, 2);
sampler.unref();
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Runs `cycles` cycles and prints the mean time and the peak RSS and heap seen while they ran. */
async function measure(label: string, cycles: number, run: () => Promise<unknown>): Promise<void> {
  const start = process.memoryUsage();
  peak = { rss: start.rss, heap: start.heapUsed };
  const t0 = performance.now();
  for (let i = 0; i < cycles; i++) await run();
  const mean = (performance.now() - t0) / cycles;
  console.log(
    `${label}: mean ${mean.toFixed(0)} ms/cycle over ${cycles}; peak rss ${mib(peak.rss)} (start ${mib(start.rss)}), peak heap ${mib(peak.heap)} (start ${mib(start.heapUsed)})`,
  );
}

async function inPool<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

beforeAll(async () => {
  child = spawn(process.execPath, ["-e", SERVER], { env: { ...process.env, DIR: FIXTURE_DIR } });
  const port = await new Promise<string>((resolve) => child.stdout!.once("data", (d) => resolve(String(d).trim())));
  base = `http://127.0.0.1:${port}`;
  services = Array.from({ length: PAGES }, (_, i) =>
    ServiceSchema.parse({
      id: `svc-${i}`,
      name: `Service ${i}`,
      category: "other",
      statusPage: { kind: "atlassian", url: `${base}/p${i}` },
    }),
  );
  poller = createPoller({
    catalog: { all: () => services, get: (id) => services.find((s) => s.id === id) },
    fetch,
    now: () => Date.now(),
    logger: { debug() {}, info() {}, warn() {} },
    concurrency: CONCURRENCY,
    regionOf: createComponentRegionMapper(),
  });
  const started = performance.now();
  const outcomes = await poller.pollOnce();
  const errors = outcomes.filter((o) => o.result === "error").length;
  console.log(
    `first (cold) cycle: ${(performance.now() - started).toFixed(0)} ms, ${outcomes.length} pages, ${errors} errors`,
  );
  await measure("baseline (plain GET + text)", 10, baseline);
  await measure("poller.pollOnce()", 10, () => poller.pollOnce());
});

afterAll(() => {
  child.kill();
});

/** 500 plain node-fetch GETs of the same payloads, no validation. */
function baseline(): Promise<void> {
  return inPool(services, async (s) => {
    const res = await fetch(`${s.statusPage!.url}/api/v2/summary.json`);
    await res.text();
  });
}

describe(`one poll cycle over ${PAGES} status pages on loopback (concurrency ${CONCURRENCY})`, () => {
  bench(
    "poller.pollOnce(): fetch + zod validation + mapping + diff",
    async () => {
      await poller.pollOnce();
    },
    { iterations: 15, time: 0, warmupIterations: 2 },
  );

  bench("baseline: plain node-fetch GET + res.text(), no validation", baseline, {
    iterations: 15,
    time: 0,
    warmupIterations: 2,
  });
});

describe(`validation alone, ${PAGES} payloads`, () => {
  const payloads = FIXTURES.map((n) => fixtureJson(`atlassian/${n}.json`));
  bench("AtlassianSummarySchema.parse × 500", () => {
    for (let i = 0; i < PAGES; i++) AtlassianSummarySchema.parse(payloads[i % payloads.length]);
  });
});
