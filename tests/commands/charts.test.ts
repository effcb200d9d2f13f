import { beforeAll, describe, expect, it } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { handleCommand } from "../../commands/index.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { invocation } from "./fakes.js";
import { replayedContext } from "./replayed.js";

describe("createCommandCharts", () => {
  let ctx: ReturnType<typeof replayedContext>;
  beforeAll(() => {
    ctx = replayedContext();
  });

  it("attaches a status chart PNG to the status reply, referenced from the embed", async () => {
    const reply = await handleCommand(invocation("status", { service: "x" }), {
      ...ctx,
      charts: createCommandCharts(ctx.board, new ChartCache(8 * 1024 * 1024)),
    });
    const file = reply.files?.[0];
    expect(file?.name).toBe("status-x.png");
    expect(file?.contentType).toBe("image/png");
    expect([...(file?.data.slice(1, 4) ?? [])]).toEqual([0x50, 0x4e, 0x47]);
    expect(file?.description?.length).toBeGreaterThan(0);
    expect(reply.embeds?.[0]?.imageUrl).toBe("attachment://status-x.png");
  });

  it("attaches a regions chart to the regions reply", async () => {
    const reply = await handleCommand(invocation("regions", { service: "x" }), {
      ...ctx,
      charts: createCommandCharts(ctx.board, new ChartCache(8 * 1024 * 1024)),
    });
    expect(reply.files?.[0]?.name).toBe("regions-x.png");
    expect(reply.embeds?.[0]?.imageUrl).toBe("attachment://regions-x.png");
  });

  it("sends no picture for a service with no data", async () => {
    const reply = await handleCommand(invocation("regions", { service: "netflix" }), {
      ...ctx,
      charts: createCommandCharts(ctx.board, new ChartCache(8 * 1024 * 1024)),
    });
    expect(reply.files).toBeUndefined();
    expect(reply.embeds?.[0]?.description).toBe("No reports for Netflix in the last hour.");
  });
});
