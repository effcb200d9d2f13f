import type { ChartLogger } from "../src/charts/index.js";
import type { StatusBoard } from "../src/domain/board.js";
import type { CommandCharts } from "./context.js";

/**
 * The chart renderer (resvg, its fonts, the chart code), loaded by the first reply that draws one:
 * a process that never draws (`outage-bot ask` without a chart, a gateway) does not pay for it.
 */
let renderer: Promise<[typeof import("../src/charts/index.js"), typeof import("../src/charts/window.js")]> | undefined;
const loadRenderer = () => {
  renderer ??= Promise.all([import("../src/charts/index.js"), import("../src/charts/window.js")]);
  return renderer;
};

/** Chart pictures for command replies, drawn from the board's series with src/charts. */
export function createCommandCharts(board: StatusBoard, log?: ChartLogger): CommandCharts {
  return {
    async status(report, at) {
      const [{ chartAttachment, officialSpans, statusChart }, { statusChartWindow }] = await loadRenderer();
      // Buckets aligned to the step, zoomed in on a fresh outage; the data ends with the last minute finished at `at`.
      const started =
        report.incident && report.incident.resolvedAt === null ? Date.parse(report.incident.startedAt) : null;
      const { from, to, stepMs } = statusChartWindow(at, started);
      const points = await board.series(report.service.id, from, to, stepMs);
      const incident = report.incident
        ? {
            startedAt: Date.parse(report.incident.startedAt),
            peakAt: Date.parse(report.incident.peakAt),
            resolvedAt: report.incident.resolvedAt ? Date.parse(report.incident.resolvedAt) : null,
          }
        : null;
      const result = statusChart(
        {
          serviceName: report.service.name,
          points,
          now: at,
          stepMs,
          incident,
          littleHistory: report.crowd.littleHistory,
          // Only a fresh, good answer from the page may say "no incident reported" on the chart.
          official: report.official?.fetchedAt && !report.official.stale ? officialSpans(report.official, at) : null,
        },
        log,
      );
      return chartAttachment(result, "status", report.service.id);
    },
    async regions(breakdown, serviceName) {
      const [{ chartAttachment, regionsChart }] = await loadRenderer();
      const result = regionsChart(
        {
          serviceName,
          window: breakdown.window,
          rows: breakdown.rows,
          ...(breakdown.littleHistory ? { littleHistory: true } : {}),
        },
        log,
      );
      return chartAttachment(result, "regions", breakdown.serviceId);
    },
  };
}
