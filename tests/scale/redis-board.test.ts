import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { statusChartWindow } from "../../src/charts/window.js";
import { seriesRange } from "../../src/domain/windows.js";
import { createBoardPublisher } from "../../src/scale/board-publisher.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { createRedisBoard, rebucket } from "../../src/scale/redis-board.js";
import { closeRedis, type RedisClient } from "../../src/scale/redis-connection.js";
import { createReportProducer } from "../../src/scale/report-stream.js";
import { createStreamIntake } from "../../src/scale/stream-intake.js";
import { crowdReports } from "./fixtures/reports.js";
import { catalog, regions } from "./fixtures/world.js";
import { dropPrefix, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const prefix = uniquePrefix("board");
const keys = scaleKeys(prefix);
const NOW = Date.UTC(2026, 10, 26, 12, 0);

describe.runIf(runRedis)("shared board on Redis", () => {
  let client: RedisClient;
  const aggregator = createAggregator();
  const local = createStatusBoard({ catalog, regions, aggregator });
  let clock = NOW;

  beforeAll(async () => {
    client = await testClient();
    // An outage: 30 minutes of 200 reports a minute for X.
    for (const r of crowdReports(6_000, "x", NOW - 30 * 60_000, 200)) aggregator.ingest(r, NOW);
    aggregator.tick(NOW);
    await createBoardPublisher(client, keys, local).publish(["x"], NOW);
  });
  afterAll(async () => {
    await closeRedis(client);
    await dropPrefix(prefix);
  });

  const board = () => createRedisBoard({ client, keys, catalog, regions, now: () => clock });

  it("answers a service's status with what the worker published", async () => {
    expect(await board().status("x", NOW)).toEqual(await local.status("x", NOW));
  });

  it("lists the services with problems as the worker saw them", async () => {
    const problems = await board().problems(NOW);
    expect(problems.map((p) => p.service.id)).toEqual(["x"]);
    expect(problems[0]?.level).not.toBe("operational");
  });

  it("answers regions, incidents and the chart series from the published values", async () => {
    const b = board();
    expect(await b.regions("x", "1h", NOW)).toEqual(await local.regions("x", "1h", NOW));
    expect(await b.incidents({ state: "active", at: NOW })).toEqual(
      await local.incidents({ state: "active", at: NOW }),
    );
    expect(await b.incidents({ serviceId: "x", state: "recent", at: NOW })).toEqual(
      await local.incidents({ serviceId: "x", state: "recent", at: NOW }),
    );
    const { from, to } = seriesRange(NOW, 86_400_000, 15 * 60_000);
    expect(await b.series("x", from, to, 15 * 60_000)).toEqual(await local.series("x", from, to, 15 * 60_000));
  });

  it("zooms a fresh outage's chart as a single process does: the worker publishes the minute buckets", async () => {
    const report = await local.status("x", NOW);
    const started = Date.parse(report.incident!.startedAt);
    const zoom = statusChartWindow(NOW, started);
    expect(zoom.stepMs).toBe(60_000);
    expect(await board().series("x", zoom.from, zoom.to, zoom.stepMs)).toEqual(
      await local.series("x", zoom.from, zoom.to, zoom.stepMs),
    );
    // The picture itself: the gateway's chart is the single process's, byte for byte.
    const gatewayChart = await createCommandCharts(board(), new ChartCache(8 * 1024 * 1024)).status(
      await board().status("x", NOW),
      NOW,
    );
    const localChart = await createCommandCharts(local, new ChartCache(8 * 1024 * 1024)).status(report, NOW);
    expect(gatewayChart?.data).toEqual(localChart?.data);
  });

  it("answers a service nobody reported as operational with no reports", async () => {
    const status = await board().status("github", NOW);
    expect(status.level).toBe("operational");
    expect(status.crowd.lastHour).toBe(0);
  });

  it("reuses a read for a second, then reads Redis again", async () => {
    const b = board();
    const first = await b.status("x", NOW);
    await client.set(keys.status("x"), JSON.stringify({ ...first, reason: "changed" }));
    expect((await b.status("x", NOW)).reason).toBe(first.reason);
    clock += 1_001;
    expect((await b.status("x", NOW)).reason).toBe("changed");
  });

  it("treats a published value it cannot read as absent instead of failing", async () => {
    await client.set(keys.status("discord"), JSON.stringify({ nonsense: true }));
    expect((await board().status("discord", NOW)).level).toBe("operational");
  });
});

describe.runIf(runRedis)("gateway intake", () => {
  const streamPrefix = uniquePrefix("intake");
  const streamKeys = scaleKeys(streamPrefix);
  let client: RedisClient;
  beforeAll(async () => {
    client = await testClient();
  });
  afterAll(async () => {
    await closeRedis(client);
    await dropPrefix(streamPrefix);
  });
  const intake = () =>
    createStreamIntake({
      catalog,
      regions,
      salt: "a-test-salt-of-16+",
      producer: createReportProducer(client, streamKeys.stream),
    });
  const offer = {
    service: "twitter",
    region: "UK",
    problem: "app" as const,
    reporter: "42",
    source: "discord" as const,
    at: NOW,
  };

  it("resolves names, hashes the reporter and queues the report on the stream", async () => {
    expect(await intake().submit(offer)).toEqual({ accepted: true, queued: true });
    const [entry] = await client.xRange(streamKeys.stream, "-", "+");
    const report = JSON.parse(String(entry?.message.r));
    expect(report).toMatchObject({ serviceId: "x", region: "GB", problem: "app", at: NOW });
    expect(report.reporterHash).not.toContain("42");
  });

  it("refuses an unknown service at once with suggestions, queuing nothing", async () => {
    const before = await client.xLen(streamKeys.stream);
    const result = await intake().submit({ ...offer, service: "githb" });
    expect(result).toMatchObject({ accepted: false, reason: "unknown_service" });
    expect(await client.xLen(streamKeys.stream)).toBe(before);
  });
});

describe("re-bucketing a published series", () => {
  it("sums reports and usual levels and keeps the worst level per wider step", () => {
    const q = 15 * 60_000;
    const points = [
      { at: 0, reports: 1, usual: 0.5, level: "operational" as const },
      { at: q, reports: 2, usual: 0.5, level: "major_outage" as const },
      { at: 2 * q, reports: 3, usual: 0.5, level: "degraded" as const },
    ];
    expect(rebucket(points, q, 0, 3 * q, 2 * q)).toEqual([
      { at: 0, reports: 3, usual: 1, level: "major_outage" },
      { at: 2 * q, reports: 3, usual: 0.5, level: "degraded" },
    ]);
  });
});
