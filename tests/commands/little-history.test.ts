// With little history the usual rate is a guess: no surface quotes a ratio against it.
import { describe, expect, it } from "vitest";
import { createCommandCharts } from "../../commands/charts.js";
import { handleCommand } from "../../commands/index.js";
import { overviewReply, serviceStatusReply } from "../../commands/subcommands/status.js";
import { createAggregator, createStatusBoard } from "../../src/aggregator/index.js";
import { AlertThreadSchema } from "../../src/alerts/alert-thread.js";
import { composeAlert } from "../../src/alerts/compose-alert.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import { createRegionDirectory } from "../../src/catalog/regions.js";
import { builtInServices } from "../../src/catalog/services-data.js";
import { regionsChartAltText, statusChartAltText } from "../../src/charts/alt-text.js";
import { ChartCache } from "../../src/charts/chart-cache.js";
import { buildRegionsChartSvg } from "../../src/charts/regions-chart.js";
import { RegionsChartInputSchema, StatusChartInputSchema } from "../../src/charts/schema.js";
import { buildStatusChartSvg } from "../../src/charts/status-chart.js";
import { fakeContext, invocation } from "./fakes.js";

const T0 = Date.UTC(2026, 10, 23, 12);
const MIN = 60_000;

/** Four hours of history, then a burst of 40 reports a minute from many servers. */
function youngBoard() {
  const aggregator = createAggregator();
  const catalog = createCatalog(builtInServices);
  const regions = createRegionDirectory();
  for (let m = -240; m < 0; m++)
    aggregator.ingest({
      serviceId: "x",
      region: "GB",
      regionInferred: false,
      problem: "app",
      at: T0 + m * MIN,
      reporterHash: `h${m}`,
      originHash: `o${m}`,
      source: "api",
      accountCreatedAt: null,
    });
  for (let m = 0; m < 10; m++)
    for (let i = 0; i < 40; i++)
      aggregator.ingest({
        serviceId: "x",
        region: "GB",
        regionInferred: false,
        problem: "app",
        at: T0 + m * MIN + i * 1000,
        reporterHash: `b${m}-${i}`,
        originHash: `s${i}`,
        source: "api",
        accountCreatedAt: null,
      });
  aggregator.tick(T0 + 10 * MIN);
  return { board: createStatusBoard({ catalog, regions, aggregator }), catalog, regions };
}

describe("little history yet", () => {
  const at = T0 + 10 * MIN;

  it("the status JSON says so and gives no ratio; the reason names none", async () => {
    const { board } = youngBoard();
    const status = await board.status("x", at);
    expect(status.level).not.toBe("operational");
    expect(status.crowd).toMatchObject({ littleHistory: true, ratio: null });
    expect(status.reason).toContain("Little history yet, so there is no usual rate to compare with.");
    expect(status.reason).not.toMatch(/×|usual for/);
  });

  it("the embed, the overview line and the alert show the counts without '× usual'", async () => {
    const { board, catalog, regions } = youngBoard();
    const ctx = { ...fakeContext(), catalog, regions, board, now: () => at, charts: undefined };
    const service = catalog.get("x")!;
    const status = await serviceStatusReply(service, ctx);
    const embed = JSON.stringify(status.embeds);
    expect(embed).toContain("little history yet");
    expect(embed).not.toMatch(/\d×/);
    const overview = JSON.stringify((await overviewReply(ctx)).embeds);
    expect(overview).toContain("little history yet");
    expect(overview).not.toMatch(/\d×/);

    const report = await board.status("x", at);
    const thread = AlertThreadSchema.parse({
      id: "x-1:c",
      serviceId: "x",
      guildId: "g",
      channelId: "c",
      subscriptionId: "s",
      mode: "edit",
      roleId: null,
      sendResolution: true,
      incidentIds: ["x-1"],
      openIncidentIds: ["x-1"],
      level: report.level,
      peakPerMinute: 40,
      startedAt: T0,
      resolvedAt: null,
      timeline: [],
      desiredVersion: 1,
      sentVersion: 0,
      messageId: null,
      pending: null,
      lastSentAt: null,
      sentLevel: null,
      sentPeakPerMinute: 0,
      attempts: 0,
      notBefore: 0,
      state: "active",
      lastError: null,
    });
    const alert = JSON.stringify(composeAlert(thread, service, report).embeds);
    expect(alert).toContain("Little history yet: no usual rate to compare with.");
    expect(alert).not.toMatch(/\d× the usual/);
  });

  it("the chart names its band a rough guess, and its alt text says there is no usual to compare with", async () => {
    const { board } = youngBoard();
    const report = await board.status("x", at);
    const points = await board.series("x", at - 60 * MIN, at, MIN);
    const input = { serviceName: "X", points, now: at, stepMs: MIN, littleHistory: report.crowd.littleHistory };
    expect(buildStatusChartSvg(input)).toContain("Rough guess of usual (little history)");
    expect(buildStatusChartSvg(input)).not.toContain("Usual range");
    const alt = statusChartAltText(StatusChartInputSchema.parse(input));
    expect(alt).toContain("little history yet, so no usual level to compare with");
    expect(alt).not.toContain("against a usual");
    // The chart a status reply attaches is drawn with the report's flag.
    const file = await createCommandCharts(board, new ChartCache(8 * 1024 * 1024)).status(report, at);
    expect(file?.description).toContain("little history yet");
  });

  it("the regions answer and its chart compare no region with a usual", async () => {
    const { board, catalog, regions } = youngBoard();
    const ctx = { ...fakeContext(), catalog, regions, board, now: () => at, charts: undefined };
    const breakdown = await board.regions("x", "1h", at);
    expect(breakdown.littleHistory).toBe(true);
    expect(breakdown.rows.every((r) => r.usual === 0)).toBe(true);
    const reply = await handleCommand(invocation("regions", { service: "x" }), ctx);
    const embed = reply.embeds![0]!;
    expect(embed.footer).toBe("Little history yet: no usual to compare with");
    expect(embed.description).not.toMatch(/\d×|new|\+\d+%/);
    const svg = buildRegionsChartSvg({ serviceName: "X", window: "1h", rows: breakdown.rows, littleHistory: true });
    expect(svg).toContain("little history yet: no usual to compare with");
    expect(svg).not.toMatch(/>new<|>\+\d/);
    const alt = regionsChartAltText(
      RegionsChartInputSchema.parse({ serviceName: "X", window: "1h", rows: breakdown.rows, littleHistory: true }),
    );
    expect(alt).not.toMatch(/\d×|new|[+-]\d+%/);
  });
});
