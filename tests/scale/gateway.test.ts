import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { main } from "../../src/cli/run-cli.js";
import { createDiscordBot, type DiscordBot } from "../../src/discord/index.js";
import { createBoardPublisher } from "../../src/scale/board-publisher.js";
import { createGatewayContext } from "../../src/scale/gateway-context.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis, type RedisClient } from "../../src/scale/redis-connection.js";
import { takeRole } from "../../src/scale/roles.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { crowdReports } from "./fixtures/reports.js";
import { catalog, regions } from "./fixtures/world.js";
import { dropPrefix, runRedis, silent, testClient, uniquePrefix } from "./redis-run.js";

const NOW = Date.UTC(2026, 10, 26, 12, 0);

describe("--role", () => {
  it.each([
    [["--role", "worker"], { role: "worker", rest: [] }],
    [["--role=gateway", "--console"], { role: "gateway", rest: ["--console"] }],
    [["--console"], { role: "all", rest: ["--console"] }],
  ])("reads %j", (args, expected) => {
    expect(takeRole(args)).toEqual(expected);
  });

  it("refuses an unknown role, naming the ones there are", () => {
    expect(takeRole(["--role", "leader"])).toEqual({ error: 'unknown role "leader": expected all, gateway, worker' });
  });

  it("refuses to start a worker on a store other processes cannot share", async () => {
    let err = "";
    const code = await main(["start", "--role", "worker"], {
      env: { STORE_URL: "memory://", LOG_LEVEL: "silent" },
      stderr: { write: (t: string) => (err += t) },
    });
    expect(code).toBe(2);
    expect(err).toContain("needs STORE_URL=redis://");
  });

  it("refuses to start a gateway without a Discord token", async () => {
    let err = "";
    const code = await main(["start", "--role", "gateway"], {
      env: { STORE_URL: "redis://127.0.0.1:6379", LOG_LEVEL: "silent" },
      stderr: { write: (t: string) => (err += t) },
    });
    expect(code).toBe(2);
    expect(err).toContain("needs DISCORD_TOKEN");
  });
});

describe.runIf(runRedis)("a gateway process on Discord", () => {
  const prefix = uniquePrefix("gateway");
  const keys = scaleKeys(prefix);
  let client: RedisClient;
  let emulator: DiscordEmulator;
  let bot: DiscordBot;

  beforeAll(async () => {
    client = await testClient();
    // What the worker published: X in a major outage.
    const aggregator = createAggregator();
    for (const r of crowdReports(6_000, "x", NOW - 30 * 60_000, 200)) aggregator.ingest(r, NOW);
    aggregator.tick(NOW);
    await createBoardPublisher(client, keys, createStatusBoard({ catalog, regions, aggregator })).publish(["x"], NOW);
    emulator = await startEmulator();
    const ctx = createGatewayContext({
      base: { catalog, regions, keys, salt: "a-test-salt-of-16+" },
      client,
      logger: silent,
      now: () => NOW,
      chartCache: new ChartCache(8 * 1024 * 1024),
    });
    bot = createDiscordBot({ token: "emulator-token", apiUrl: emulator.apiUrl, ctx, logger: silent });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    await closeRedis(client);
    await dropPrefix(prefix);
  });

  it("answers /outage status from the board the worker published, with no aggregator of its own", async () => {
    const out = await emulator.inject.command("outage", "status", { service: "x" });
    const embed = JSON.stringify(out.message?.embeds);
    expect(embed).toContain("6,000");
    expect(embed.toLowerCase()).toContain("outage");
  });

  it("queues /outage report on the shared stream and says it was received", async () => {
    const out = await emulator.inject.command("outage", "report", { service: "x", problem: "login" });
    expect(out.ephemeral).toBe(true);
    const [entry] = await client.xRange(keys.stream, "-", "+");
    expect(JSON.parse(String(entry?.message.r))).toMatchObject({ serviceId: "x", problem: "login", source: "discord" });
  });
});
