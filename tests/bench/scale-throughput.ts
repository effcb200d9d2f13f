// `npm run bench` part for issue 8: reports/s through the Redis stream into one worker's aggregator,
// status reads/s and commands/s of a gateway from the shared board, and Redis memory per 1,000
// services. Each figure comes with a baseline measured in the same run. Needs Redis on 127.0.0.1:6379.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import type { CommandContext, Invocation } from "../../commands/index.js";
import * as commands from "../../commands/index.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createAggregatorSaver } from "../../src/app/aggregator-persistence.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { createBoardPublisher } from "../../src/scale/board-publisher.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { createRedisBoard } from "../../src/scale/redis-board.js";
import { closeRedis, connectRedis } from "../../src/scale/redis-connection.js";
import { createReportProducer } from "../../src/scale/report-stream.js";
import { createStreamIntake } from "../../src/scale/stream-intake.js";
import { createWorker } from "../../src/scale/worker.js";
import { catalog, redisStore, regions } from "../scale/fixtures/world.js";
import { startEmulator } from "../support/discord-emulator/index.js";

const REDIS = "redis://127.0.0.1:6379";
const PRODUCER = fileURLToPath(new URL("./fixtures/produce-child.ts", import.meta.url));
const BIN = fileURLToPath(new URL("../../src/bin/outage-bot.js", import.meta.url));
const logger = pino({ level: process.env.SCALE_BENCH_LOG ?? "silent" }, pino.destination(2));
const prefix = `outage-bench-${process.pid}-${randomBytes(3).toString("hex")}`;
const keys = scaleKeys(prefix);
const NOW = Date.UTC(2026, 10, 26, 12, 0);
const N = Number(process.env.SCALE_BENCH_REPORTS ?? 200_000);
const SERVICES = catalog.all().map((s) => s.id);
const REGIONS = ["GB", "US", "DE", "FR", "BR", "IN", "JP", "AU", "CA", "ES"];
const rows: string[][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const record = (what: string, value: string, baseline: string, ratio: string) => {
  rows.push([what, value, baseline, ratio]);
  console.error(`${what}: ${value} (baseline ${baseline}, ${ratio})`);
};

function reports(n: number, tag: string): CrowdReport[] {
  return Array.from({ length: n }, (_, i) => ({
    serviceId: SERVICES[i % SERVICES.length]!,
    region: REGIONS[i % REGIONS.length]!,
    regionInferred: false,
    problem: i % 2 === 0 ? "app" : "login",
    at: NOW - 59 * 60_000 + Math.floor((i / n) * 59 * 60_000),
    reporterHash: `${tag}-${i}`,
    originHash: `g-${i % 500}`,
    source: "api",
    accountCreatedAt: null,
  }));
}

/** CPU seconds (user + system) this process used since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

const client = await connectRedis({ url: REDIS, logger });
const store = await redisStore(prefix);
try {
  // --- Producing: raw XADD floor vs the producer (JSON + typed command) ---
  const batch = reports(N, "p");
  const payloads = batch.map((r) => JSON.stringify(r));
  let t = performance.now();
  for (let i = 0; i < N; i += 1_000) {
    await Promise.all(
      payloads.slice(i, i + 1_000).map((p) => client.sendCommand(["XADD", `${prefix}:raw`, "*", "r", p])),
    );
  }
  const rawXadd = N / ((performance.now() - t) / 1000);
  await client.del(`${prefix}:raw`);
  const producer = createReportProducer(client, keys.stream);
  t = performance.now();
  for (let i = 0; i < N; i += 1_000) await producer.append(batch.slice(i, i + 1_000));
  const produced = N / ((performance.now() - t) / 1000);
  record(
    "reports appended/s (producer, 1,000 per pipeline)",
    fmt(produced),
    `${fmt(rawXadd)} raw XADD/s`,
    `${(produced / rawXadd).toFixed(2)}×`,
  );

  // --- Consuming: one worker drains a stream of N reports into its aggregator ---
  const worker = createWorker({
    redisUrl: REDIS,
    keys,
    store,
    catalog,
    regions,
    logger,
    now: () => NOW,
    batchSize: 1_000,
    blockMs: 20,
  });
  worker.start();
  t = performance.now();
  let cpu = process.cpuUsage();
  await until(() => worker.stats().applied >= N);
  const drained = N / ((performance.now() - t) / 1000);
  const drainedCpu = N / cpuSeconds(cpu);
  // Baseline: the same kind of reports straight into an in-process aggregator.
  const inProcess = createAggregator();
  const direct = reports(N, "b");
  t = performance.now();
  for (const r of direct) inProcess.ingest(r, NOW);
  const ingestOnly = N / ((performance.now() - t) / 1000);
  record(
    `reports/s stream → one worker's aggregator (${fmt(N)} queued, ${SERVICES.length} services, checkpoint each second)`,
    fmt(drained),
    `${fmt(ingestOnly)} in-process ingest/s`,
    `${(drained / ingestOnly).toFixed(2)}×`,
  );
  record(
    "  same, per CPU second of the worker process (what one core sustains when the machine is not shared)",
    fmt(drainedCpu),
    "-",
    "-",
  );

  // --- End to end: a producer process appending while the worker applies ---
  const before = worker.stats().applied;
  const child = spawn(process.execPath, ["--import", "tsx", PRODUCER], {
    env: {
      ...process.env,
      SCALE_N: String(N),
      SCALE_NOW: String(NOW),
      SCALE_PREFIX: prefix,
      SCALE_SERVICES: SERVICES.join(","),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  t = performance.now();
  cpu = process.cpuUsage();
  await until(() => worker.stats().applied >= before + N);
  const endToEnd = N / ((performance.now() - t) / 1000);
  const endToEndCpu = N / cpuSeconds(cpu);
  record(
    "reports/s end to end: another process appends, the worker applies (until the last is applied)",
    fmt(endToEnd),
    `${fmt(produced)} appended/s by one producer alone`,
    `${(endToEnd / produced).toFixed(2)}×`,
  );
  record("  same, per CPU second of the worker process", fmt(endToEndCpu), "-", "-");
  await worker.stop();

  // --- Gateway reads: status from the shared board, with and without the 1 s cache ---
  const ids = SERVICES;
  const reads = 200_000;
  const readLoop = async (call: (id: string) => Promise<unknown>, n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i += 100)
      await Promise.all(ids.slice(0, 100).map((_, j) => call(ids[(i + j) % ids.length]!)));
    return n / ((performance.now() - start) / 1000);
  };
  const rawGet = await readLoop((id) => client.get(keys.status(id)), 50_000);
  const cached = createRedisBoard({ client, keys, catalog, regions, now: () => Date.now() });
  const cachedRate = await readLoop((id) => cached.status(id, NOW), reads);
  const uncached = createRedisBoard({ client, keys, catalog, regions, now: () => Date.now(), cacheMs: 0 });
  const uncachedRate = await readLoop((id) => uncached.status(id, NOW), 50_000);
  record(
    "status reads/s from the shared board (1 s cache)",
    fmt(cachedRate),
    `${fmt(rawGet)} raw GET/s`,
    `${(cachedRate / rawGet).toFixed(1)}×`,
  );
  record(
    "status reads/s from the shared board (no cache: GET + JSON + zod)",
    fmt(uncachedRate),
    `${fmt(rawGet)} raw GET/s`,
    `${(uncachedRate / rawGet).toFixed(2)}×`,
  );

  // --- Commands: `/outage status <service>` handled on a gateway (no chart, no Discord round trip) ---
  const gatewayCtx: CommandContext = {
    catalog,
    regions,
    board: cached,
    intake: createStreamIntake({ catalog, regions, salt: "bench-salt-0123456789", producer }),
    now: () => NOW,
  };
  const localCtx: CommandContext = {
    ...gatewayCtx,
    board: createStatusBoard({ catalog, regions, aggregator: inProcess }),
  };
  const inv = (service: string): Invocation => ({
    subcommand: "status",
    options: { service },
    user: { id: "1" },
    guildId: null,
    channelId: null,
    memberPermissions: null,
  });
  const commandRate = async (ctx: CommandContext) => {
    const n = 20_000;
    const start = performance.now();
    for (let i = 0; i < n; i += 50) {
      await Promise.all(ids.slice(0, 50).map((_, j) => commands.handleCommand(inv(ids[(i + j) % ids.length]!), ctx)));
    }
    return n / ((performance.now() - start) / 1000);
  };
  const gatewayCommands = await commandRate(gatewayCtx);
  const localCommands = await commandRate(localCtx);
  record(
    "/outage status commands/s on a gateway (shared board)",
    fmt(gatewayCommands),
    `${fmt(localCommands)}/s in-process board`,
    `${(gatewayCommands / localCommands).toFixed(2)}×`,
  );

  // --- Redis memory per 1,000 services with a day of data ---
  const memPrefix = `${prefix}-mem`;
  const memKeys = scaleKeys(memPrefix);
  const memStore = await redisStore(memPrefix);
  const usedBefore = Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1]);
  const agg = createAggregator();
  const dayStart = NOW - 24 * 60 * 60_000 + 60_000;
  let k = 0;
  for (let s = 0; s < 1_000; s++) {
    for (let m = 0; m < 1_440; m += 3) {
      agg.ingest(
        {
          serviceId: `svc-${s}`,
          region: REGIONS[(s + m) % REGIONS.length]!,
          regionInferred: false,
          problem: "app",
          at: dayStart + m * 60_000,
          reporterHash: `m-${k++}`,
          originHash: "g",
          source: "api",
          accountCreatedAt: null,
        },
        NOW,
      );
    }
  }
  agg.tick(NOW);
  await createAggregatorSaver(memStore, agg, { logger }).save([], "0-0");
  const memBoard = createStatusBoard({ catalog, regions, aggregator: agg });
  await createBoardPublisher(client, memKeys, memBoard).publish(agg.serviceIds(), NOW);
  const usedAfter = Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1]);
  let stateBytes = 0;
  let boardBytes = 0;
  for await (const found of client.scanIterator({ MATCH: `${memPrefix}*`, COUNT: 1_000 })) {
    for (const key of found) {
      const bytes = Number(await client.memoryUsage(key));
      if (key.includes(":scale:board")) boardBytes += bytes;
      else stateBytes += bytes;
    }
  }
  const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MB`;
  record(
    "Redis memory for 1,000 services with 24 h of data: aggregator state (MEMORY USAGE)",
    mb(stateBytes),
    "-",
    "-",
  );
  record(
    "Redis memory for 1,000 services: published board (status, regions, series, incidents)",
    mb(boardBytes),
    "-",
    "-",
  );
  record("Redis used_memory growth for both (INFO memory)", mb(usedAfter - usedBefore), "-", "-");
  await memStore.clear();
  await memStore.close();

  // --- Memory of one gateway process (a shard): the real executable logged in to an emulator ---
  const emulator = await startEmulator();
  const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024;
  const gateway = spawn(process.execPath, [BIN, "start", "--role", "gateway"], {
    env: {
      ...process.env,
      DISCORD_TOKEN: "emulator-token",
      DISCORD_API_URL: emulator.apiUrl,
      STORE_URL: REDIS,
      STORE_NAMESPACE: prefix,
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  await emulator.waitForConnection();
  // Answer some commands so the caches and the chart renderer are warm.
  for (let i = 0; i < 20; i++) await emulator.inject.command("outage", "status", { service: ids[i % ids.length]! });
  const shardRss = rssOf(gateway.pid!);
  const idle = spawn(process.execPath, ["--import", "tsx", "-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 1_500));
  const idleRss = rssOf(idle.pid!);
  idle.kill();
  gateway.kill("SIGTERM");
  await new Promise((r) => gateway.once("exit", r));
  await emulator.close();
  record(
    "memory of one gateway process (RSS after login and 20 status commands with charts)",
    mb(shardRss),
    `${mb(idleRss)} idle node + tsx`,
    `${(shardRss / idleRss).toFixed(1)}×`,
  );

  console.log("| measure | value | baseline (same run) | ratio |\n|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
} finally {
  await store.clear().catch(() => undefined);
  for await (const found of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) {
    if (found.length > 0) await client.unlink(found);
  }
  await store.close();
  await closeRedis(client);
}
