import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import fetch from "node-fetch";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { type Service, ServiceSchema } from "../../src/domain/service.js";
import { AtlassianSummarySchema } from "../../src/sources/atlassian-schema.js";
import { createComponentRegionMapper } from "../../src/sources/component-regions.js";
import { createPoller, type Poller } from "../../src/sources/poller.js";
import { createPublicFetch } from "../../src/sources/public-fetch.js";
import { createSourceRegistry } from "../../src/sources/registry.js";
import { createStatusioSource } from "../../src/sources/statusio-source.js";
import { fixtureJson } from "../support/status-page-server.js";

/**
 * One poll cycle over 500 Statuspage pages on loopback, against a baseline of 500 plain node-fetch
 * GETs of the same payloads (no validation, no mapping), both at concurrency 32. The pages are
 * served by a separate process so memory figures are the poller's own. A second poller reads 500
 * pages of mixed kinds (Statuspage, incident.io, Instatus, Better Stack, status.io, Atom and RSS
 * feeds) through the production fetch (address rules, checked after DNS on `localhost`), against
 * plain GETs of the same documents.
 * Run: npx vitest bench --run tests/bench/sources.bench.ts
 */
const PAGES = 500;
const CONCURRENCY = 32;
const FIXTURES = ["operational", "minor", "major", "critical", "maintenance", "regions"];
const FIXTURE_DIR = fileURLToPath(new URL("../support/fixtures/status-pages/atlassian/", import.meta.url));
const PAGES_DIR = fileURLToPath(new URL("../support/fixtures/status-pages/", import.meta.url));
/** The documents of the mixed kinds, by the path suffix each kind's source asks for. */
const MIXED: readonly (readonly [RegExp, string, string])[] = [
  [/\/api\/v2\/summary\.json$/, "atlassian/major.json", "application/json"],
  [/\/summary\.json$/, "instatus/issues.json", "application/json"],
  [/\/index\.json$/, "betterstack/downtime.json", "application/json"],
  [/^\/1\.0\/status\//, "statusio/components.json", "application/json"],
  [/\.atom$/, "feed/statuspage-history.atom", "application/atom+xml"],
  [/\.rss$/, "feed/cloud-rss.xml", "application/rss+xml"],
];
const KINDS = ["atlassian", "incidentio", "instatus", "betterstack", "statusio", "feed-atom", "feed-rss"] as const;

// A plain Node server in a child process: /p<i>/api/v2/summary.json serves fixture i mod 6; /m… the mixed kinds.
const SERVER = `
const http = require("node:http"); const fs = require("node:fs");
const names = ${JSON.stringify(FIXTURES)};
const bodies = names.map((n) => fs.readFileSync(process.env.DIR + n + ".json"));
const mixed = ${JSON.stringify(MIXED.map(([re, file, type]) => [re.source, file, type]))}
  .map(([re, file, type]) => [new RegExp(re), fs.readFileSync(process.env.PAGES + file), type]);
const server = http.createServer((req, res) => {
  if (!req.url.startsWith("/p")) {
    const [, body, type] = mixed.find(([re]) => re.test(req.url)) ?? [null, "no such page", "text/plain"];
    res.writeHead(200, { "content-type": type });
    return res.end(body);
  }
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
let mixedServices: Service[] = [];
let mixedPoller: Poller;
/** The document each mixed page's source reads, for the baseline. */
let mixedUrls: string[] = [];
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
  child = spawn(process.execPath, ["-e", SERVER], { env: { ...process.env, DIR: FIXTURE_DIR, PAGES: PAGES_DIR } });
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

  const local = `http://localhost:${new URL(base).port}`;
  const pageOf = (i: number) => {
    const kind = KINDS[i % KINDS.length]!;
    if (kind === "statusio") return { kind, url: `${local}/m${i}`, pageId: (i + 1).toString(16).padStart(24, "0") };
    if (kind === "feed-atom") return { kind: "feed", url: `${local}/m${i}/history.atom` };
    if (kind === "feed-rss") return { kind: "feed", url: `${local}/m${i}/all.rss` };
    return { kind, url: `${local}/m${i}` };
  };
  mixedServices = Array.from({ length: PAGES }, (_, i) =>
    ServiceSchema.parse({ id: `mix-${i}`, name: `Mixed ${i}`, category: "other", statusPage: pageOf(i) }),
  );
  const regionOf = createComponentRegionMapper();
  const sources = { ...createSourceRegistry(regionOf), statusio: createStatusioSource({ apiBase: local, regionOf }) };
  mixedUrls = mixedServices.map((s) => sources[s.statusPage!.kind]!.endpoint(s.statusPage!));
  mixedPoller = createPoller({
    catalog: { all: () => mixedServices, get: (id) => mixedServices.find((s) => s.id === id) },
    // The production fetch: loopback allowed by range, so every new connection is checked after DNS.
    fetch: createPublicFetch({ allowance: { kind: "ranges", ranges: ["127.0.0.1/32", "::1/128"] } }),
    now: () => Date.now(),
    logger: { debug() {}, info() {}, warn() {} },
    concurrency: CONCURRENCY,
    sources,
  });
  const mixedStarted = performance.now();
  const mixedOutcomes = await mixedPoller.pollOnce();
  const mixedErrors = mixedOutcomes.filter((o) => o.result === "error");
  console.log(
    `mixed kinds, first (cold) cycle: ${(performance.now() - mixedStarted).toFixed(0)} ms, ${mixedOutcomes.length} pages, ${mixedErrors.length} errors${mixedErrors[0] ? ` (${mixedErrors[0].error?.reason})` : ""}`,
  );
  await measure("mixed baseline (plain GET + text)", 10, mixedBaseline);
  await measure("mixed poller.pollOnce()", 10, () => mixedPoller.pollOnce());
  // Two cold cycles and forty measured ones take longer than the default hook timeout on a loaded machine.
}, 300_000);

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

/** Plain node-fetch GETs of the documents the mixed pages' sources read, no validation. */
function mixedBaseline(): Promise<void> {
  return inPool(mixedUrls, async (url) => {
    const res = await fetch(url);
    await res.text();
  });
}

describe(`one poll cycle over ${PAGES} status pages of mixed kinds (concurrency ${CONCURRENCY})`, () => {
  bench(
    "mixed poller.pollOnce(): public fetch + each kind's validation + mapping + diff",
    async () => {
      await mixedPoller.pollOnce();
    },
    { iterations: 15, time: 0, warmupIterations: 2 },
  );

  bench("mixed baseline: plain node-fetch GET + res.text() of the same documents", mixedBaseline, {
    iterations: 15,
    time: 0,
    warmupIterations: 2,
  });
});

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
