import { pino } from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { handleCommand } from "../../commands/index.js";
import { createChartWarmer } from "../../src/app/chart-warmer.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { buildStatusChartSvg, createPngRenderer } from "../../src/charts/index.js";
import type { ReplyFile } from "../../src/domain/reply.js";
import { invocation } from "../commands/fakes.js";
import { replayedContext, X_PEAK } from "../commands/replayed.js";

const MiB = 1024 * 1024;

describe("chart cache", () => {
  let ctx: ReturnType<typeof replayedContext>;
  beforeAll(() => {
    ctx = replayedContext(X_PEAK);
  });

  it("answers the second identical status ask with the PNG drawn for the first", async () => {
    const cache = new ChartCache(8 * MiB);
    const withCharts = { ...ctx, charts: createCommandCharts(ctx.board, cache) };
    const first = await handleCommand(invocation("status", { service: "x" }), withCharts);
    const second = await handleCommand(invocation("status", { service: "twitter" }), withCharts);
    expect(first.files?.[0]?.data).toBeInstanceOf(Uint8Array);
    expect(second.files?.[0]?.data).toBe(first.files?.[0]?.data);
    expect(cache.stats()).toMatchObject({ renders: 1, hits: 1, entries: 1 });
  });

  it("draws anew for a new data minute, and not for a later second of the same minute", async () => {
    const cache = new ChartCache(8 * MiB);
    const charts = createCommandCharts(ctx.board, cache);
    const asked = async (at: number) => charts.status(await ctx.board.status("x", at), at);
    const a = await asked(X_PEAK + 5_000);
    const b = await asked(X_PEAK + 55_000);
    const c = await asked(X_PEAK + 65_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(cache.stats().renders).toBe(2);
  });

  it("draws once for asks that arrive while the chart is being drawn", async () => {
    const cache = new ChartCache(8 * MiB);
    const charts = createCommandCharts(ctx.board, cache);
    const report = await ctx.board.status("x", X_PEAK);
    const files = await Promise.all(Array.from({ length: 20 }, () => charts.status(report, X_PEAK)));
    expect(new Set(files).size).toBe(1);
    expect(cache.stats()).toMatchObject({ renders: 1, joined: 19 });
  });

  it("keeps its memory within the bound, dropping the least recently used", async () => {
    const cache = new ChartCache(MiB);
    const file = (i: number): ReplyFile => ({
      name: `c${i}.png`,
      contentType: "image/png",
      data: new Uint8Array(30_000),
    });
    for (let i = 0; i < 100; i++) await cache.get(`key-${i}`, async () => file(i));
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(MiB);
    expect(stats.entries).toBeGreaterThan(20);
    expect(stats.entries).toBeLessThan(100);
    expect(cache.has("key-99")).toBe(true);
    expect(cache.has("key-0")).toBe(false);
  });

  it("remembers that there is no picture, and does not keep a failed drawing", async () => {
    const cache = new ChartCache(MiB);
    expect(await cache.get("none", async () => null)).toBeNull();
    expect(await cache.get("none", async () => new Uint8Array(1) as never)).toBeNull();
    await expect(cache.get("broken", () => Promise.reject(new Error("resvg")))).rejects.toThrow("resvg");
    expect(cache.has("broken")).toBe(false);
  });

  it("draws the PNG off the event loop byte for byte as the synchronous renderer does", async () => {
    const svg = buildStatusChartSvg({
      serviceName: "X",
      now: X_PEAK,
      points: [
        { at: X_PEAK - 120_000, reports: 3, usual: 2, level: "operational" },
        { at: X_PEAK - 60_000, reports: 40, usual: 2, level: "major_outage" },
      ],
    });
    const png = createPngRenderer();
    expect(Buffer.from(await png.renderAsync(svg)).equals(Buffer.from(png.render(svg)))).toBe(true);
  });
});

describe("chart warmer", () => {
  it("draws the charts of the services with problems ahead, so their status answers draw nothing", async () => {
    const ctx = replayedContext(X_PEAK);
    const cache = new ChartCache(16 * MiB);
    const charts = createCommandCharts(ctx.board, cache);
    const warmer = createChartWarmer({
      board: ctx.board,
      charts,
      cache,
      now: ctx.now,
      logger: pino({ level: "silent" }),
    });
    const problems = await ctx.board.problems(X_PEAK);
    expect(problems.length).toBeGreaterThan(0);
    expect(await warmer.warm(X_PEAK + 1_000)).toBe(problems.length);
    const rendersAhead = cache.stats().renders;
    const answer = await handleCommand(invocation("status", { service: problems[0]!.service.id }), {
      ...ctx,
      now: () => X_PEAK + 30_000,
      charts,
    });
    expect(answer.files?.[0]?.contentType).toBe("image/png");
    expect(cache.stats().renders).toBe(rendersAhead);
    expect(await warmer.warm(X_PEAK + 2_000)).toBe(0);
  });
});
