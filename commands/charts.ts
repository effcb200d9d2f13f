import { type ChartLogger, chartAttachment, officialSpans, regionsChart, statusChart } from "../src/charts/index.js";
import { statusChartWindow } from "../src/charts/window.js";
import type { StatusBoard } from "../src/domain/board.js";
import type { CommandCharts } from "./context.js";

/** Chart pictures for command replies, drawn from the board's series with src/charts. */
export function createCommandCharts(board: StatusBoard, log?: ChartLogger): CommandCharts {
  return {
    async status(report, at) {
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
          // Only a fresh, good answer from the page may say "no incident reported" on the chart.
          official: report.official?.fetchedAt && !report.official.stale ? officialSpans(report.official, at) : null,
        },
        log,
      );
      return chartAttachment(result, "status", report.service.id);
    },
    async regions(breakdown, serviceName) {
      const result = regionsChart({ serviceName, window: breakdown.window, rows: breakdown.rows }, log);
      return chartAttachment(result, "regions", breakdown.serviceId);
    },
  };
}
