import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningShards, recommendedShards, startShardManager } from "../../src/scale/shard-manager.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { dropPrefix, runRedis, silent, uniquePrefix } from "./redis-run.js";

const BIN = fileURLToPath(new URL("../../src/bin/outage-bot.js", import.meta.url));

// The emulator accepts any number of IDENTIFYs and sends every dispatch to every session, and it
// always answers READY with shard [0, 1]: it cannot route guilds to shards. What is tested here is
// what runs on our side: one process per shard, each identifying as shard i of n from Redis.
describe.runIf(runRedis)("gateway shards under discord.js's ShardingManager", () => {
  const prefix = uniquePrefix("shards");
  let emulator: DiscordEmulator | undefined;
  let shards: RunningShards | undefined;
  afterAll(async () => {
    await shards?.stop();
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it("asks the configured API for the recommended shard count when told auto", async () => {
    emulator = await startEmulator();
    expect(await recommendedShards("emulator-token", emulator.apiUrl)).toBe(1);
  });

  it("runs two gateway processes, shard 0 and shard 1 of 2, each logged in", async () => {
    emulator ??= await startEmulator();
    // The shard processes inherit this environment (ShardingManager adds SHARDS and SHARD_COUNT).
    Object.assign(process.env, {
      DISCORD_API_URL: emulator.apiUrl,
      STORE_URL: "redis://127.0.0.1:6379",
      STORE_NAMESPACE: prefix,
      LOG_LEVEL: "silent",
      REPORTER_SALT: "a-test-salt-of-16+chars",
    });
    shards = await startShardManager({
      file: BIN,
      args: ["start", "--role", "gateway"],
      token: "emulator-token",
      shards: 2,
      logger: silent,
      spawnDelayMs: 0,
      // Two tsx processes start and log in; a loaded machine may take a while, and the wait ends on READY.
      readyTimeoutMs: 60_000,
    });
    expect(shards.count).toBe(2);
    const seen = (await shards.manager.broadcastEval((c) => ({
      ids: c.shard?.ids,
      count: c.shard?.count,
      ready: c.isReady(),
    }))) as {
      ids: number[];
      count: number;
      ready: boolean;
    }[];
    expect(seen.map((s) => s.ids).sort()).toEqual([[0], [1]]);
    expect(seen.every((s) => s.count === 2 && s.ready)).toBe(true);
    expect(emulator.gatewayStats.identifies).toBe(2);
    // Shard 0 alone registers the slash commands.
    expect(emulator.requests.filter((r) => r.method === "PUT" && r.path.includes("/commands"))).toHaveLength(1);
  }, 90_000);
});
