import { afterAll, afterEach, describe, expect, it } from "vitest";
import { BIN, type SpawnedBot, spawnBot } from "../cli/spawned-bot.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { dropPrefix, runRedis, uniquePrefix } from "./redis-run.js";

const DEADLINE_MS = 1_000;

/** The log lines a process wrote, parsed. */
function logLines(bot: SpawnedBot): Record<string, unknown>[] {
  return bot
    .stderr()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The "cut at the deadline" line of a stop, or undefined. */
function cutLine(bot: SpawnedBot): Record<string, unknown> | undefined {
  return logLines(bot).find((line) => String(line.msg).startsWith("shutdown cut at the deadline"));
}

// Each scaled role reaches Redis through a proxy the test can silence: once the role is up, Redis
// stops answering (a partition; every connection stays open), then SIGTERM. Nothing in the role can
// finish talking to Redis, so without SHUTDOWN_TIMEOUT_MS the process would never end; with it, the
// part still running is cut at the deadline, named in the log, and the exit code is 1.
describe.runIf(runRedis)("SIGTERM stops a scaled role at SHUTDOWN_TIMEOUT_MS when Redis goes silent", () => {
  const prefix = uniquePrefix("role-stop");
  let proxy: TcpProxy | undefined;
  let emulator: DiscordEmulator | undefined;
  let bot: SpawnedBot | undefined;
  afterEach(async () => {
    if (bot && bot.proc.exitCode === null && bot.proc.signalCode === null) bot.proc.kill("SIGKILL");
    await bot?.exited;
    await proxy?.close();
    await emulator?.close();
    bot = undefined;
    proxy = undefined;
    emulator = undefined;
  });
  afterAll(() => dropPrefix(prefix));

  const roleEnv = (port: number) => ({
    STORE_URL: `redis://127.0.0.1:${String(port)}`,
    STORE_NAMESPACE: prefix,
    REPORTER_SALT: "a-role-stop-salt-of-16+",
    SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
  });

  it("worker: the final checkpoint that cannot reach Redis is cut and named", async () => {
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 6379 });
    bot = spawnBot(process.execPath, [BIN, "start", "--role", "worker"], roleEnv(proxy.port));
    await bot.logged("leading");
    proxy.freeze();
    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(1);
    const cut = cutLine(bot);
    expect(cut).toMatchObject({ timeoutMs: DEADLINE_MS });
    expect(String(cut?.step)).toMatch(/worker/);
    expect(String(cut?.msg)).toContain(String(cut?.step));
  }, 90_000);

  it("gateway: an HTTP request waiting on Redis holds the server's close; it is cut and named", async () => {
    emulator = await startEmulator();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 6379 });
    bot = spawnBot(process.execPath, [BIN, "start", "--role", "gateway"], {
      ...roleEnv(proxy.port),
      DISCORD_TOKEN: "emulator-token",
      DISCORD_API_URL: emulator.apiUrl,
      HTTP_PORT: "0",
    });
    const listening = await bot.logged("http server listening");
    await bot.logged("gateway running");
    proxy.freeze();
    // A status request reads the board from Redis, and now waits for an answer that never comes.
    const request = fetch(`http://127.0.0.1:${String(listening.port)}/api/status/github`).catch(() => null);
    await proxy.held();
    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(1);
    expect(await request).toBeNull();
    const cut = cutLine(bot);
    expect(cut).toMatchObject({ timeoutMs: DEADLINE_MS });
    expect(String(cut?.step)).toMatch(/http/);
    expect(String(cut?.msg)).toContain(String(cut?.step));
    expect(emulator.violations).toEqual([]);
  }, 90_000);
});
