// A scaled gateway answers /outage report as the single process does: counted, amended (from which
// problem to which) or already reported, from the reporter guard all gateways share in Redis; and
// the worker, applying the same reports from the stream, counts exactly what the answers said.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadAggregator } from "../../src/app/aggregator-persistence.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { BIN, type SpawnedBot, spawnBot } from "../cli/spawned-bot.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { redisStore } from "./fixtures/world.js";
import { dropPrefix, REDIS_URL, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const ANA = { user: { id: "2000000000000000007" } };

/** Polls until `check` holds, naming the step when it never does. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 60_000, interval: 50 },
  );
}

const stopped = async (bot: SpawnedBot) => {
  if (bot.proc.exitCode === null && bot.proc.signalCode === null) bot.proc.kill("SIGKILL");
  await bot.exited;
};

describe.runIf(runRedis)("a scaled gateway's answer to a second /outage report within 15 minutes", () => {
  const prefix = uniquePrefix("gateway-amend");
  const keys = scaleKeys(prefix);
  const env = { STORE_URL: REDIS_URL, STORE_NAMESPACE: prefix, REPORTER_SALT: "a-gateway-amend-salt-16+" };
  let emulator: DiscordEmulator;
  const bots: SpawnedBot[] = [];
  let worker: SpawnedBot;

  beforeAll(async () => {
    emulator = await startEmulator();
    const gateway = spawnBot(process.execPath, [BIN, "start", "--role", "gateway"], {
      ...env,
      DISCORD_TOKEN: "emulator-token",
      DISCORD_API_URL: emulator.apiUrl,
    });
    worker = spawnBot(process.execPath, [BIN, "start", "--role", "worker"], env);
    bots.push(gateway, worker);
    await gateway.logged("gateway running");
  }, 60_000);
  afterAll(async () => {
    await Promise.all(bots.map(stopped));
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it("says the first report counted", async () => {
    const first = await emulator.inject.command("outage", "report", { service: "github", problem: "other" }, ANA);
    expect(first.message?.content).toContain("✅ Thanks: your report of **Other** problems with **GitHub**");
    expect(first.message?.content).toContain("counted.");
  });

  it("says another problem amended it, naming the old and the new problem", async () => {
    const second = await emulator.inject.command("outage", "report", { service: "github", problem: "login" }, ANA);
    expect(second.ephemeral).toBe(true);
    expect(second.message?.content).toMatch(
      /^✏️ Amended: your report about \*\*GitHub\*\* from <t:\d+:R> now says \*\*Login\*\* instead of \*\*Other\*\*\. It still counts once\.$/,
    );
  });

  it("says the same problem a third time was already reported", async () => {
    const third = await emulator.inject.command("outage", "report", { service: "github", problem: "login" }, ANA);
    expect(third.message?.content).toContain(
      "You already reported **GitHub** in the last 15 minutes with this problem",
    );
  });

  it("leaves the worker counting what the answers said: one report, amended once, one duplicate, now Login", async () => {
    const client = await testClient();
    try {
      await until(async () => {
        const [group] = await client.xInfoGroups(keys.stream).catch(() => []);
        return group !== undefined && group.pending === 0 && group.lag === 0;
      }, "the worker applying the three reports");
    } finally {
      await closeRedis(client);
    }
    worker.proc.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    const store = await redisStore(prefix);
    try {
      const aggregator = (await loadAggregator(store))!;
      expect(aggregator.stats().counters).toEqual({ accepted: 1, amended: 1, rejected: { duplicate: 1 } });
      expect(aggregator.problemCounts("github", 60, Date.now())).toEqual([{ problem: "login", reports: 1 }]);
    } finally {
      await store.close();
    }
    expect(emulator.violations).toEqual([]);
  }, 90_000);
});
