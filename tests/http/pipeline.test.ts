import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { CommandContext } from "../../commands/context.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { createHttpServer, type HttpServer } from "../../src/http/index.js";
import { createReportIntake } from "../../src/intake/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { NOW } from "./fake-context.js";
import { readJson, TOKEN } from "./harness.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The real catalog, aggregator, intake and board behind the HTTP server. */
async function start() {
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  const aggregator = createAggregator();
  const now = () => clock;
  const intake = createReportIntake({ catalog, regions, aggregator, salt: "test-salt-0123456789", now });
  const board = createStatusBoard({ catalog, regions, aggregator });
  const ctx: CommandContext = { catalog, regions, board, intake, now };
  server = createHttpServer({
    ctx,
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
    config: {
      API_TOKENS: `tester:${TOKEN}`,
      API_RATE_LIMIT_PER_MIN: 0,
      HTTP_BODY_LIMIT_BYTES: 1_048_576,
      HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
      HTTP_CACHE_MAX_AGE_S: 15,
      DISCORD_MAX_CLOCK_SKEW_S: 300,
    },
  });
  const { port } = await server.listen(0);
  return `http://127.0.0.1:${port}`;
}

/** The clock the app runs on: moved a minute on after posting, since answers count finished minutes. */
let clock = NOW;

describe("HTTP API over the real aggregator", () => {
  it("counts posted reports in the service's status, with regions resolved from aliases", async () => {
    const base = await start();
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        service: "GitHub",
        region: i % 2 ? "UK" : "Deutschland",
        problem: "login",
        reporter: `user-${i}`,
      }),
    );
    lines.push(
      JSON.stringify({ service: "GitHub", problem: "login", reporter: "user-0" }),
      JSON.stringify({ service: "nosuch", reporter: "x" }),
      // Another problem from the same person within 15 minutes amends their report: still one.
      JSON.stringify({ service: "GitHub", problem: "app", reporter: "user-1" }),
    );
    const res = await fetch(`${base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${TOKEN}` },
      body: lines.join("\n"),
    });
    const body = await readJson(res);
    expect(body.results.slice(0, 30).filter((r: { accepted: boolean }) => !r.accepted)).toEqual([]);
    expect(body.accepted).toBe(31);
    expect(body.results.slice(30).map((r: { reason?: string; amended?: true }) => r.reason ?? r.amended)).toEqual([
      "duplicate",
      "unknown_service",
      true,
    ]);

    clock = NOW + 60_000;
    const status = await readJson(await fetch(`${base}/api/status/github`));
    expect(status.service.id).toBe("github");
    expect(status.crowd.last15m).toBe(30);
    expect(status.problems).toMatchObject([
      { problem: "login", reports: 29 },
      { problem: "app", reports: 1 },
    ]);
    expect(status.regions.map((r: { region: string }) => r.region).sort()).toEqual(["DE", "GB"]);
  });
});
