import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { handleCommand } from "../../commands/index.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { createHttpServer, type HttpServer } from "../../src/http/index.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { invocation } from "../commands/fakes.js";
import { replayedContext, X_PEAK } from "../commands/replayed.js";

let server: HttpServer;
let base: string;
const ctx = replayedContext(X_PEAK);
const withCharts = { ...ctx, charts: createCommandCharts(ctx.board, new ChartCache(8 * 1024 * 1024)) };

beforeAll(async () => {
  server = createHttpServer({
    ctx: withCharts,
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
    config: {
      API_TOKENS: "",
      API_RATE_LIMIT_PER_MIN: 0,
      HTTP_BODY_LIMIT_BYTES: 1_048_576,
      HTTP_MAX_REPORTS_PER_REQUEST: 5_000,
      HTTP_CACHE_MAX_AGE_S: 15,
      DISCORD_MAX_CLOCK_SKEW_S: 300,
    },
  });
  base = `http://127.0.0.1:${(await server.listen(0)).port}`;
}, 60_000);
afterAll(() => server.close());

describe("GET /charts/<service>.png", () => {
  it("serves the very PNG the Discord status answer carries", async () => {
    const res = await fetch(`${base}/charts/x.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const served = new Uint8Array(await res.arrayBuffer());
    const reply = await handleCommand(invocation("status", { service: "x" }), withCharts);
    const attached = reply.files?.find((f) => f.contentType === "image/png");
    expect(attached).toBeDefined();
    expect(Buffer.from(served).equals(Buffer.from(attached!.data))).toBe(true);
  });

  it("answers 404 for a service it does not know", async () => {
    expect((await fetch(`${base}/charts/no-such-service.png`)).status).toBe(404);
  });
});
