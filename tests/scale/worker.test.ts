import { afterAll, describe, expect, it, vi } from "vitest";
import { createAggregator } from "../../src/aggregator/index.js";
import { createAggregatorSaver, loadAggregator } from "../../src/app/aggregator-persistence.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { createReportProducer, createReportStreamConsumer } from "../../src/scale/report-stream.js";
import { createWorker, type WorkerOptions } from "../../src/scale/worker.js";
import { crowdReports } from "./fixtures/reports.js";
import { catalog, redisStore, regions } from "./fixtures/world.js";
import { dropPrefix, REDIS_URL, runRedis, silent, testClient, uniquePrefix } from "./redis-run.js";

const prefixes: string[] = [];
const T0 = Date.UTC(2026, 10, 26, 10, 0);
const NOW = T0 + 60 * 60_000;

/** A fresh namespace with its store and keys. */
async function world() {
  const prefix = uniquePrefix("worker");
  prefixes.push(prefix);
  const store = await redisStore(prefix);
  return { prefix, store, keys: scaleKeys(prefix) };
}

function workerOptions(w: Awaited<ReturnType<typeof world>>, extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    redisUrl: REDIS_URL,
    keys: w.keys,
    store: w.store,
    catalog,
    regions,
    logger: silent,
    now: () => NOW,
    lockTtlMs: 1_000,
    blockMs: 50,
    checkpointEveryMs: 50,
    publishEveryMs: 50,
    tickEveryMs: 50,
    ...extra,
  };
}

/** Polls until `check` holds; the limit is near the test's own, as nothing here measures speed. */
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error("condition not reached");
    },
    { timeout: 18_000, interval: 20 },
  );
}

describe.runIf(runRedis)("worker on Redis", () => {
  afterAll(async () => {
    for (const p of prefixes) await dropPrefix(p);
  });

  it("applies every streamed report to the aggregator and saves state with the stream position", async () => {
    const w = await world();
    const client = await testClient();
    await createReportProducer(client, w.keys.stream).append(crowdReports(500, "github", T0, 50));
    const worker = createWorker(workerOptions(w, { batchSize: 100 }));
    worker.start();
    await worker.whenLeading();
    await until(() => worker.stats().applied === 500 && worker.stats().checkpoints > 0);
    await worker.stop();
    const saved = await loadAggregator(w.store);
    expect(saved?.stats().counters.accepted).toBe(500);
    expect(await client.xPending(w.keys.stream, w.keys.group).then((p) => p.pending)).toBe(0);
    await closeRedis(client);
    await w.store.close();
  });

  it("counts once the entries a consumer applied and checkpointed but died before acknowledging", async () => {
    const w = await world();
    const client = await testClient();
    const ids = await createReportProducer(client, w.keys.stream).append(crowdReports(300, "github", T0, 30));
    // The dead worker: read 200, applied and checkpointed them, died before XACK.
    const dead = createReportStreamConsumer({
      client,
      stream: w.keys.stream,
      group: w.keys.group,
      consumer: "dead",
      batchSize: 200,
    });
    await dead.ensureGroup();
    const batch = await dead.read();
    const agg = createAggregator();
    for (const e of batch.entries) agg.ingest(e.report!, NOW);
    await createAggregatorSaver(w.store, agg, { logger: silent }).save([], batch.entries.at(-1)!.id);

    const worker = createWorker(workerOptions(w));
    worker.start();
    await until(() => worker.stats().cursor === ids.at(-1) && worker.stats().checkpoints > 0);
    await worker.stop();
    expect(worker.stats().skipped).toBe(200);
    expect(worker.stats().applied).toBe(100);
    expect((await loadAggregator(w.store))?.stats().counters.accepted).toBe(300);
    expect(await client.xPending(w.keys.stream, w.keys.group).then((p) => p.pending)).toBe(0);
    await closeRedis(client);
    await w.store.close();
  });

  it("counts once the entries a consumer read but died before checkpointing", async () => {
    const w = await world();
    const client = await testClient();
    await createReportProducer(client, w.keys.stream).append(crowdReports(300, "github", T0, 30));
    const dead = createReportStreamConsumer({
      client,
      stream: w.keys.stream,
      group: w.keys.group,
      consumer: "dead",
      batchSize: 250,
    });
    await dead.ensureGroup();
    await dead.read(); // read and applied in memory only, then the process died

    const worker = createWorker(workerOptions(w));
    worker.start();
    await until(() => worker.stats().applied === 300 && worker.stats().checkpoints > 0);
    await worker.stop();
    expect(worker.stats().skipped).toBe(0);
    expect((await loadAggregator(w.store))?.stats().counters.accepted).toBe(300);
    await closeRedis(client);
    await w.store.close();
  });

  it("runs with one leader among two workers and hands over when the leader stops", async () => {
    const w = await world();
    const a = createWorker(workerOptions(w, { consumerName: "a" }));
    const b = createWorker(workerOptions(w, { consumerName: "b" }));
    a.start();
    await a.whenLeading();
    b.start();
    // Twice refused the lock: b is standing by while a leads.
    await until(() => b.stats().refused >= 2);
    expect([a.leading, b.leading]).toEqual([true, false]);
    await a.stop();
    await b.whenLeading();
    expect(b.leading).toBe(true);
    await b.stop();
    await w.store.close();
  });

  it("publishes status for gateways, with the reports it counted", async () => {
    const w = await world();
    const client = await testClient();
    await createReportProducer(client, w.keys.stream).append(crowdReports(400, "github", NOW - 20 * 60_000, 40));
    const worker = createWorker(workerOptions(w));
    worker.start();
    await until(() => worker.stats().applied === 400 && worker.stats().checkpoints > 0);
    await until(async () => (await client.get(w.keys.status("github"))) !== null);
    await worker.stop();
    const status = JSON.parse((await client.get(w.keys.status("github")))!);
    expect(status.service.id).toBe("github");
    expect(status.crowd.lastHour).toBe(400);
    await closeRedis(client);
    await w.store.close();
  });
});
