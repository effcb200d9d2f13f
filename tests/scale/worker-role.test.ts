import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { createReportProducer } from "../../src/scale/report-stream.js";
import { crowdReports } from "./fixtures/reports.js";
import { dropPrefix, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const BIN = fileURLToPath(new URL("../../src/bin/outage-bot.js", import.meta.url));

/** Polls until `check` holds, naming the step when it never does; the limit is near the test's own. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 18_000, interval: 50 },
  );
}

describe.runIf(runRedis)("outage-bot start --role worker", () => {
  const prefix = uniquePrefix("role");
  const keys = scaleKeys(prefix);
  afterAll(() => dropPrefix(prefix));

  it("leads, applies streamed reports, publishes them, and on SIGTERM saves and gives the lock back", async () => {
    const client = await testClient();
    const proc = spawn(process.execPath, [BIN, "start", "--role", "worker"], {
      env: {
        ...process.env,
        STORE_URL: "redis://127.0.0.1:6379",
        STORE_NAMESPACE: prefix,
        LOG_LEVEL: "silent",
        DISCORD_TOKEN: "",
        // Never reach the internet from a test.
        POLL_STATUS_PAGES: "false",
      },
      stdio: "ignore",
    });
    try {
      await until(async () => (await client.get(keys.lock)) !== null, "the worker leading");
      const at = Date.now() - 5 * 60_000;
      await createReportProducer(client, keys.stream).append(crowdReports(50, "github", at, 10));
      await until(async () => (await client.get(keys.status("github"))) !== null, "github published");
      const status = JSON.parse((await client.get(keys.status("github")))!);
      expect(status.crowd.lastHour).toBe(50);
      proc.kill("SIGTERM");
      const code = await new Promise((r) => proc.once("exit", r));
      expect(code).toBe(0);
      expect(await client.get(keys.lock)).toBeNull();
      expect(await client.xPending(keys.stream, keys.group).then((p) => p.pending)).toBe(0);
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await closeRedis(client);
    }
  }, 30_000);
});
