import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { dropPrefix, REDIS_URL, runRedis, uniquePrefix } from "../scale/redis-run.js";
import { BIN, scratchDir, spawnBot } from "./spawned-bot.js";

const TOKEN = "crash-test-token-0123456789";
const REPORTS = 300;

/** Starts the bot as a service on `env`'s store; resolves with its base URL once it listens. */
async function startService(env: NodeJS.ProcessEnv) {
  const bot = spawnBot(process.execPath, [BIN, "start"], {
    HTTP_PORT: "0",
    API_TOKENS: `ops:${TOKEN}`,
    // No periodic save in this test: what survives the kill is what the journal kept.
    SAVE_INTERVAL_MS: "600000",
    ...env,
  });
  const listening = await bot.logged("http server listening");
  return { bot, base: `http://127.0.0.1:${String(listening.port)}` };
}

async function crowdCount(base: string, service: string): Promise<number> {
  const res = await fetch(`${base}/api/status/${service}`);
  return StatusReportSchema.parse(await res.json()).crowd.lastHour;
}

/** Posts `REPORTS` reports from distinct reporters, SIGKILLs 50 ms after the 2xx, restarts, and counts. */
async function acceptedThenKilled(env: NodeJS.ProcessEnv): Promise<{ accepted: number; counted: number }> {
  const first = await startService(env);
  let accepted: number;
  try {
    // A few minutes back: counts cover finished minutes only.
    const at = new Date(Date.now() - 5 * 60_000).toISOString();
    const lines = Array.from({ length: REPORTS }, (_, i) =>
      JSON.stringify({ service: "github", region: "DE", problem: "website", at, reporter: `crash-${i}` }),
    );
    const res = await fetch(`${first.base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${TOKEN}` },
      body: lines.join("\n"),
    });
    expect(res.status).toBe(200);
    accepted = ((await res.json()) as { accepted: number }).accepted;
    // Killed the moment the answer is in: accepted must already mean durable.
    first.bot.proc.kill("SIGKILL");
    expect(await first.bot.exited).toBe("SIGKILL");
  } finally {
    if (first.bot.proc.exitCode === null && first.bot.proc.signalCode === null) first.bot.proc.kill("SIGKILL");
  }
  const second = await startService(env);
  try {
    const counted = await crowdCount(second.base, "github");
    second.bot.proc.kill("SIGTERM");
    expect(await second.bot.exited).toBe(0);
    return { accepted, counted };
  } finally {
    if (second.bot.proc.exitCode === null) second.bot.proc.kill("SIGKILL");
  }
}

describe("accepted reports survive a SIGKILL right after the 2xx", () => {
  it("on a SQLite file", async () => {
    const dir = scratchDir();
    const { accepted, counted } = await acceptedThenKilled({ STORE_URL: `sqlite://${join(dir, "bot.sqlite")}` });
    expect(accepted).toBe(REPORTS);
    expect(counted).toBe(REPORTS);
  }, 60_000);

  describe.runIf(runRedis)("on Redis", () => {
    const prefix = uniquePrefix("crash");
    afterAll(() => dropPrefix(prefix));

    it("counts every accepted report after the restart", async () => {
      const { accepted, counted } = await acceptedThenKilled({ STORE_URL: REDIS_URL, STORE_NAMESPACE: prefix });
      expect(accepted).toBe(REPORTS);
      expect(counted).toBe(REPORTS);
    }, 60_000);
  });
});
