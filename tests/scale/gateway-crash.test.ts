import { afterAll, describe, expect, it } from "vitest";
import { loadAggregator } from "../../src/app/aggregator-persistence.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { BIN, type SpawnedBot, spawnBot } from "../cli/spawned-bot.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { redisStore } from "./fixtures/world.js";
import { dropPrefix, REDIS_URL, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const TOKEN = "gateway-crash-token-0123456789";
const REPORTS = 300;

/** Waits for `check` to hold, polling; fails naming `what` when it has not after `ms`. */
async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`${what}: not reached in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const killed = async (bot: SpawnedBot) => {
  if (bot.proc.exitCode === null && bot.proc.signalCode === null) bot.proc.kill("SIGKILL");
  await bot.exited;
};

// A gateway acknowledges a report (HTTP 200, "counted" in Discord) only once it is on the
// shared Redis stream: a gateway killed right after answering loses nothing, and the worker,
// started afterwards, counts every report it acknowledged.
describe.runIf(runRedis)("reports a scaled gateway accepted survive its SIGKILL right after the answer", () => {
  const prefix = uniquePrefix("gateway-crash");
  const keys = scaleKeys(prefix);
  const env = { STORE_URL: REDIS_URL, STORE_NAMESPACE: prefix, REPORTER_SALT: "a-gateway-crash-salt-16+" };
  let emulator: DiscordEmulator | undefined;
  const bots: SpawnedBot[] = [];
  afterAll(async () => {
    await Promise.all(bots.map(killed));
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it("counts, once a worker runs, every report of POST /api/reports and /outage report", async () => {
    emulator = await startEmulator();
    const gateway = spawnBot(process.execPath, [BIN, "start", "--role", "gateway"], {
      ...env,
      DISCORD_TOKEN: "emulator-token",
      DISCORD_API_URL: emulator.apiUrl,
      HTTP_PORT: "0",
      API_TOKENS: `ops:${TOKEN}`,
    });
    bots.push(gateway);
    const listening = await gateway.logged("http server listening");
    await gateway.logged("gateway running");
    const base = `http://127.0.0.1:${String(listening.port)}`;

    // From Discord: the answer says counted (the shared guard's word), the worker counts it.
    const fromDiscord = await emulator.inject.command(
      "outage",
      "report",
      { service: "github", problem: "login", region: "DE" },
      { user: { id: "2000000000000000001" } },
    );
    expect(JSON.stringify(fromDiscord.message)).toContain("counted. The status below takes it in within a few seconds");

    // From the API, a few minutes back (the published status counts finished minutes only).
    const at = new Date(Date.now() - 5 * 60_000).toISOString();
    const lines = Array.from({ length: REPORTS }, (_, i) =>
      JSON.stringify({ service: "github", region: "DE", problem: "website", at, reporter: `gateway-crash-${i}` }),
    );
    const res = await fetch(`${base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${TOKEN}` },
      body: lines.join("\n"),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accepted: number }).accepted).toBe(REPORTS);
    // Killed the moment the answer is read: what it acknowledged must already be on the stream.
    gateway.proc.kill("SIGKILL");
    expect(await gateway.exited).toBe("SIGKILL");

    const worker = spawnBot(process.execPath, [BIN, "start", "--role", "worker"], env);
    bots.push(worker);
    const client = await testClient();
    try {
      // Wait until the worker has applied the whole stream, then read what it saved on stopping (the
      // Discord report is in the current minute, which a published status does not count yet).
      await until(async () => {
        const [group] = await client.xInfoGroups(keys.stream);
        return group !== undefined && group.pending === 0 && group.lag === 0;
      }, "the worker applying the whole stream");
    } finally {
      await closeRedis(client);
    }
    worker.proc.kill("SIGTERM");
    expect(await worker.exited).toBe(0);

    const store = await redisStore(prefix);
    try {
      const aggregator = await loadAggregator(store);
      expect(aggregator?.stats().counters.accepted).toBe(REPORTS + 1);
    } finally {
      await store.close();
    }
    expect(emulator.violations).toEqual([]);
  }, 120_000);
});
