// Alert fan-out benchmark (run by `npm run bench`): one incident to N subscribed channels through the
// alert engine (delivery records in a SQLite file), discord.js's REST client and the Discord
// emulator enforcing a global limit. Compares the time to deliver all with the time the limit
// allows, counts lost and duplicate messages and 429s; the baseline is the same number of raw
// POSTs through discord.js without the engine, against a fresh emulator, in the same run.
//
//   ALERT_BENCH_CHANNELS (10000)  ALERT_BENCH_RATE (500 requests/s; Discord's real limit is 50)
//   ALERT_BENCH_BASELINE (1; 0 skips it)
//   ALERT_BENCH_CHART (1: each alert carries the status chart PNG, as in production; 0 sends none)
// The default scales the clock down tenfold: limit 500/s in the emulator and in discord.js's
// `globalRequestsPerSecond`, so 10,000 channels take 20 s ideally instead of Discord's 200 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { REST } from "discord.js";
import pino from "pino";
import { createCommandCharts } from "../../commands/charts.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createAlertEngine } from "../../src/alerts/alert-engine.js";
import { createAlertRepos } from "../../src/app/alert-wiring.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { createChannelAlertSender } from "../../src/discord/channel-alert-sender.js";
import { openStore } from "../../src/store/index.js";
import { seedSubscription } from "../alerts/e2e-harness.js";
import { event } from "../alerts/fixtures.js";
import { snowflake } from "../support/discord-emulator/index.js";

const N = Number(process.env.ALERT_BENCH_CHANNELS ?? 10_000);
const RATE = Number(process.env.ALERT_BENCH_RATE ?? 500);
const BASELINE = process.env.ALERT_BENCH_BASELINE !== "0";
const logger = pino({ level: "silent" });

/** The emulator, running in a worker thread (see alerts-emulator-worker.ts). */
interface RemoteEmulator {
  apiUrl: string;
  tally(): Promise<{ lost: number; duplicates: number; http429: number; violations: number }>;
  close(): Promise<void>;
}

async function emulatorWith(channels: string[], guildId: string): Promise<RemoteEmulator> {
  // A TypeScript worker entry needs tsx registered inside the worker first.
  const entry = new URL("./alerts-emulator-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { channels, guildId, rate: RATE } });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (msg: Record<string, unknown>) => {
        if (msg.type !== type) return;
        worker.off("message", onMessage);
        resolve(msg);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
  const ready = await next("ready");
  return {
    apiUrl: String(ready.apiUrl),
    tally: async () => {
      const reply = next("tally");
      worker.postMessage({ type: "tally" });
      return (await reply) as never;
    },
    close: async () => {
      const closed = next("closed");
      worker.postMessage({ type: "close" });
      await closed;
      await worker.terminate();
    },
  };
}

function rest(emulator: RemoteEmulator): REST {
  const client = new REST({ api: emulator.apiUrl, globalRequestsPerSecond: RATE }).setToken("bench-token");
  // Requests discord.js sent again after a timeout or a reset connection (POSTs without a nonce duplicate).
  client.on("response", (request) => {
    if (request.retries > 0) retried.count++;
  });
  return client;
}
const retried = { count: 0 };

async function engineRun(channels: string[], guildId: string) {
  const emulator = await emulatorWith(channels, guildId);
  const dir = mkdtempSync(join(tmpdir(), "alerts-bench-"));
  const store = await openStore(`sqlite://${join(dir, "bench.sqlite")}`, { logger, namespace: "bench" });
  const repos = createAlertRepos(store);
  await repos.subscriptions.upsertMany(
    channels.map((c) => seedSubscription(guildId, c, { target: { kind: "service", serviceId: "github" } })),
  );
  const catalog = createCatalog(builtInServices);
  const board = createStatusBoard({ catalog, regions: createRegionDirectory(), aggregator: createAggregator() });
  // The bench runs on the wall clock, as the loop does: retries wait out their back-off.
  const at = Date.now();
  const failures = new Map<string, number>();
  const engine = createAlertEngine({
    ...repos,
    catalog,
    board,
    sender: createChannelAlertSender(rest(emulator)),
    now: () => Date.now(),
    logger,
    // As in production, each alert carries the status chart (one render per service per pass).
    ...(process.env.ALERT_BENCH_CHART === "0"
      ? {}
      : { chart: createCommandCharts(board, new ChartCache(64 * 1024 * 1024), logger).status }),
    onFailed: (_thread, kind, detail) => {
      failures.set(`${kind}: ${detail}`, (failures.get(`${kind}: ${detail}`) ?? 0) + 1);
    },
  });
  retried.count = 0;
  const t0 = performance.now();
  await engine.handle(event("opened", at, { startedAt: at, peakAt: at, updatedAt: at }));
  const t1 = performance.now();
  const elu = performance.eventLoopUtilization();
  // Passes until nothing is due, as startAlertLoop runs them.
  const stats = { sent: 0, failed: 0, passes: 0 };
  for (let due = await engine.nextDueAt(); due !== null; due = await engine.nextDueAt()) {
    if (due > Date.now()) await sleep(due - Date.now());
    const pass = await engine.deliverDue();
    stats.sent += pass.sent;
    stats.failed += pass.failed;
    stats.passes++;
  }
  const t2 = performance.now();
  const busy = performance.eventLoopUtilization(elu).utilization;
  const result = {
    recordS: (t1 - t0) / 1000,
    deliverS: (t2 - t1) / 1000,
    totalS: (t2 - t0) / 1000,
    sent: stats.sent,
    failed: stats.failed,
    passes: stats.passes,
    retried: retried.count,
    failures: [...failures].map(([k, n]) => `${n}× ${k}`).join("; "),
    busy,
    ...(await emulator.tally()),
  };
  await store.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

async function rawRun(channels: string[], guildId: string) {
  const emulator = await emulatorWith(channels, guildId);
  const client = rest(emulator);
  retried.count = 0;
  const t0 = performance.now();
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < channels.length) {
        const c = channels[next++]!;
        try {
          await client.post(`/channels/${c}/messages`, { body: { content: "GitHub looks degraded." } });
        } catch {
          errors++;
        }
      }
    }),
  );
  const result = {
    totalS: (performance.now() - t0) / 1000,
    retried: retried.count,
    errors,
    ...(await emulator.tally()),
  };
  await emulator.close();
  return result;
}

const guildId = snowflake();
// Distinct ids by construction: snowflake() has a 12-bit counter that repeats within a millisecond.
const channels = Array.from({ length: N }, (_, i) => String(1_300_000_000_000_000_000n + BigInt(i)));
const ideal = N / RATE;
console.log(`alert fan-out: ${N} channels, global limit ${RATE}/s (ideal ${ideal.toFixed(1)} s)`);
const engine = await engineRun(channels, guildId);
console.log(
  `engine:   total ${engine.totalS.toFixed(2)} s (record ${engine.recordS.toFixed(2)} s + deliver ${engine.deliverS.toFixed(2)} s), ` +
    `${((engine.totalS / ideal - 1) * 100).toFixed(1)}% over ideal (delivery alone ${((engine.deliverS / ideal - 1) * 100).toFixed(1)}%); ` +
    `event loop busy ${(engine.busy * 100).toFixed(0)}% while delivering; ${engine.passes} pass(es), ${engine.retried} requests re-sent by discord.js; sent ${engine.sent}, failed ${engine.failed}${engine.failures ? ` (${engine.failures})` : ""}, lost ${engine.lost}, duplicates ${engine.duplicates}, 429s ${engine.http429}, violations ${engine.violations}`,
);
if (BASELINE) {
  const raw = await rawRun(channels, guildId);
  console.log(
    `baseline: raw discord.js POSTs (64 in flight, no engine, no store): total ${raw.totalS.toFixed(2)} s, ` +
      `${((raw.totalS / ideal - 1) * 100).toFixed(1)}% over ideal; ${raw.retried} requests re-sent by discord.js, ${raw.errors} errors; lost ${raw.lost}, duplicates ${raw.duplicates}, 429s ${raw.http429}; ` +
      `engine/baseline time ${(engine.totalS / raw.totalS).toFixed(3)}`,
  );
}
