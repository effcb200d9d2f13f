import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { StatusReportSchema } from "../../src/domain/status-report.js";
import { openStore } from "../../src/store/index.js";
import { shouldRunRedisTests } from "../store/redis-available.js";
import { runCli } from "./run-cli.js";

const runRedis = await shouldRunRedisTests();
const env = {
  STORE_URL: "redis://127.0.0.1:6379",
  STORE_NAMESPACE: `outage-cli-test-${process.pid}-${Date.now().toString(36)}`,
};
const NOW = Date.parse("2026-11-26T12:00:00Z");

afterAll(async () => {
  if (!runRedis) return;
  const store = await openStore(env.STORE_URL, { logger: pino({ level: "silent" }), namespace: env.STORE_NAMESPACE });
  await store.clear();
  await store.close();
});

describe.runIf(runRedis)("the CLI on a Redis store", () => {
  it("imports reports into Redis and answers from there in the next process", async () => {
    const lines = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        service: "github",
        region: "FR",
        problem: "website",
        at: new Date(NOW - 60_000).toISOString(),
        reporter: `p${i}`,
      }),
    );
    const ingested = await runCli(["ingest", "-"], { env, stdin: `${lines.join("\n")}\n`, now: NOW });
    expect(ingested.stdout).toContain("12 accepted, 0 rejected");
    const asked = await runCli(["ask", "/outage status github", "--json"], { env, now: NOW });
    const report = StatusReportSchema.parse(JSON.parse(asked.stdout));
    expect(report.crowd.last15m).toBe(12);
    expect(report.regions[0]).toMatchObject({ region: "FR", reports: 12 });
  });
});

describe("the CLI with Redis down", () => {
  it("exits 1 in time saying it cannot reach Redis", async () => {
    const run = await runCli(["ask", "/outage status github"], {
      env: { STORE_URL: "redis://127.0.0.1:1", STORE_TIMEOUT_MS: "1000" },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot reach Redis at redis://127.0.0.1:1");
  });
});
