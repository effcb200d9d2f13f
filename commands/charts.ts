import type { ChartCache } from "../src/charts/chart-cache.js";
import type { ChartLogger, ChartRenderer } from "../src/charts/index.js";
import { officialSpans } from "../src/charts/official-spans.js";
import { CHART_STYLE } from "../src/charts/theme.js";
import { statusChartWindow } from "../src/charts/window.js";
import type { RegionBreakdown, StatusBoard } from "../src/domain/board.js";
import type { StatusReport } from "../src/domain/status-report.js";
import { dataEnd } from "../src/domain/windows.js";
import type { CommandCharts } from "./context.js";

type ChartsModule = typeof import("../src/charts/index.js");

/** What a status chart is drawn from, and the key it is cached under. */
function statusChartPlan(report: StatusReport, at: number) {
  // Drawn as of the data minute (the last minute finished at `at`), so every answer of that minute
  // shares one picture; the data ends there anyway.
  const minute = dataEnd(at);
  const started = report.incident && report.incident.resolvedAt === null ? Date.parse(report.incident.startedAt) : null;
  const window = statusChartWindow(minute, started);
  const incident = report.incident
    ? {
        startedAt: Date.parse(report.incident.startedAt),
        peakAt: Date.parse(report.incident.peakAt),
        resolvedAt: report.incident.resolvedAt ? Date.parse(report.incident.resolvedAt) : null,
      }
    : null;
  // Only a fresh, good answer from the page may say "no incident reported" on the chart.
  const official = report.official?.fetchedAt && !report.official.stale ? officialSpans(report.official, minute) : null;
  const { crowd } = report;
  // Everything the picture shows: the minute and window, the incident and the page's spans, and the
  // counts a late report for the last hour would change (series are not read for a cached answer).
  const key = JSON.stringify([
    "status",
    report.service.id,
    report.service.name,
    minute,
    window,
    incident,
    official,
    crowd.last15m,
    crowd.lastHour,
    crowd.baselineHour,
    crowd.littleHistory,
    CHART_STYLE,
  ]);
  return { key, minute, window, incident, official };
}

/**
 * Chart pictures for command replies, drawn from the board's series with src/charts (off the
 * event loop) and kept in `cache`: one drawing per chart and data minute, whoever asks.
 */
export function createCommandCharts(board: StatusBoard, cache: ChartCache, log?: ChartLogger): CommandCharts {
  // The chart code (resvg, its fonts), loaded by the first reply that draws one: a process that
  // never draws (`outage-bot ask` without a chart, a gateway) does not pay for it. The renderer,
  // with its font state, belongs to these charts.
  let loaded: Promise<{ charts: ChartsModule; renderer: ChartRenderer }> | undefined;
  const load = () => {
    loaded ??= import("../src/charts/index.js").then((charts) => ({ charts, renderer: charts.createChartRenderer() }));
    return loaded;
  };
  return {
    async prepare() {
      return (await load()).renderer.prepareFonts(log);
    },
    status(report, at) {
      const plan = statusChartPlan(report, at);
      return cache.get(plan.key, async () => {
        const { charts, renderer } = await load();
        const { from, to, stepMs } = plan.window;
        const points = await board.series(report.service.id, from, to, stepMs);
        const { littleHistory } = report.crowd;
        const input = { serviceName: report.service.name, points, now: plan.minute, stepMs, littleHistory };
        const result = await renderer.statusChartAsync(
          { ...input, incident: plan.incident, official: plan.official },
          log,
        );
        return charts.chartAttachment(result, "status", report.service.id);
      });
    },
    regions(breakdown: RegionBreakdown, serviceName: string) {
      // The bars are drawn from the rows alone: the same rows, the same picture.
      const input = {
        serviceName,
        window: breakdown.window,
        rows: breakdown.rows,
        ...(breakdown.littleHistory ? { littleHistory: true } : {}),
      };
      const key = JSON.stringify(["regions", breakdown.serviceId, input, CHART_STYLE]);
      return cache.get(key, async () => {
        const { charts, renderer } = await load();
        return charts.chartAttachment(await renderer.regionsChartAsync(input, log), "regions", breakdown.serviceId);
      });
    },
  };
}
