import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis, type RedisClient } from "../../src/scale/redis-connection.js";
import { createReportProducer, createReportStreamConsumer } from "../../src/scale/report-stream.js";
import { compareStreamIds } from "../../src/scale/stream-id.js";
import { crowdReports } from "./fixtures/reports.js";
import { dropPrefix, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const prefix = uniquePrefix("stream");
const T0 = Date.UTC(2026, 10, 26, 12, 0);

describe.runIf(runRedis)("report stream on Redis", () => {
  let client: RedisClient;
  let other: RedisClient;
  beforeAll(async () => {
    client = await testClient();
    other = await testClient();
  });
  afterAll(async () => {
    await closeRedis(client);
    await closeRedis(other);
    await dropPrefix(prefix);
  });

  it("delivers every appended report once to the group, in order, and acknowledges them", async () => {
    const keys = scaleKeys(`${prefix}-a`);
    const producer = createReportProducer(client, keys.stream);
    const consumer = createReportStreamConsumer({
      client,
      stream: keys.stream,
      group: keys.group,
      consumer: "c1",
      batchSize: 40,
    });
    await consumer.ensureGroup();
    await consumer.ensureGroup(); // a second call finds the group and is fine
    const sent = crowdReports(100, "github", T0);
    const ids = await producer.append(sent);
    expect(ids).toHaveLength(100);
    const got: string[] = [];
    const reporters: string[] = [];
    for (let batch = await consumer.read(); batch.entries.length > 0; batch = await consumer.read()) {
      for (const e of batch.entries) {
        got.push(e.id);
        reporters.push(e.report?.reporterHash ?? "?");
      }
      await consumer.ack(batch.entries.map((e) => e.id));
    }
    expect(got).toEqual(ids);
    expect(reporters).toEqual(sent.map((r) => r.reporterHash));
    expect(await consumer.pendingCount()).toBe(0);
  });

  it("hands the entries a dead consumer left unacknowledged to the next one, each once", async () => {
    const keys = scaleKeys(`${prefix}-b`);
    const producer = createReportProducer(client, keys.stream);
    const dead = createReportStreamConsumer({
      client,
      stream: keys.stream,
      group: keys.group,
      consumer: "dead",
      batchSize: 30,
    });
    await dead.ensureGroup();
    const ids = await producer.append(crowdReports(100, "github", T0));
    // The dead consumer read two batches and acknowledged only the first.
    const first = await dead.read();
    await dead.ack(first.entries.map((e) => e.id));
    await dead.read();
    expect(await dead.pendingCount()).toBe(30);

    const next = createReportStreamConsumer({
      client: other,
      stream: keys.stream,
      group: keys.group,
      consumer: "next",
      batchSize: 25,
    });
    const seen: string[] = [];
    const claimedFlags: boolean[] = [];
    for (let batch = await next.read(); batch.entries.length > 0; batch = await next.read()) {
      seen.push(...batch.entries.map((e) => e.id));
      claimedFlags.push(batch.claimed);
      await next.ack(batch.entries.map((e) => e.id));
    }
    expect(seen).toEqual(ids.slice(30));
    expect(new Set(seen).size).toBe(seen.length);
    expect(claimedFlags[0]).toBe(true);
    expect(await next.pendingCount()).toBe(0);
  });

  it("marks an unreadable entry instead of failing the batch", async () => {
    const keys = scaleKeys(`${prefix}-c`);
    const consumer = createReportStreamConsumer({ client, stream: keys.stream, group: keys.group, consumer: "c" });
    await consumer.ensureGroup();
    await client.xAdd(keys.stream, "*", { r: "{not json" });
    await client.xAdd(keys.stream, "*", { r: JSON.stringify({ serviceId: 3 }) });
    await createReportProducer(client, keys.stream).append(crowdReports(1, "github", T0));
    const batch = await consumer.read();
    expect(batch.entries.map((e) => e.report === null)).toEqual([true, true, false]);
    expect(batch.entries[0]?.problem).toContain("not JSON");
  });

  it("trims applied entries and keeps the stream under its cap", async () => {
    const keys = scaleKeys(`${prefix}-d`);
    const producer = createReportProducer(client, keys.stream, 1_000);
    const consumer = createReportStreamConsumer({ client, stream: keys.stream, group: keys.group, consumer: "c" });
    await consumer.ensureGroup();
    await producer.append(crowdReports(5_000, "github", T0, 5_000));
    // MAXLEN ~ trims whole nodes, so the stream stays near the cap, not exactly at it.
    expect(await client.xLen(keys.stream)).toBeLessThan(2_000);
    const batch = await consumer.read();
    const last = batch.entries.at(-1)!.id;
    await consumer.ack(batch.entries.map((e) => e.id));
    await consumer.trimThrough(last);
    const left = await client.xRange(keys.stream, "-", "+");
    expect(left.every((e) => compareStreamIds(e.id, batch.entries[0]!.id) >= 0)).toBe(true);
  });
});

describe("stream ids", () => {
  it.each([
    ["1-0", "2-0", -1],
    ["10-0", "9-5", 1],
    ["5-2", "5-10", -1],
    ["7-3", "7-3", 0],
  ])("orders %s against %s as numbers, not strings", (a, b, expected) => {
    expect(compareStreamIds(a, b)).toBe(expected);
  });
});
