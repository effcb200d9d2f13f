import { chartAttachment, officialSpans, regionsChart, statusChart } from "../src/charts/index.js";
import { seriesRange } from "../src/domain/windows.js";
const DAY_MS = 24 * 60 * 60 * 1000;
const STEP_MS = 15 * 60 * 1000;
/** Chart pictures for command replies, drawn from the board's series with src/charts. */
export function createCommandCharts(board, log) {
    return {
        async status(report, at) {
            // Buckets aligned to the step; the data ends with the last minute finished at `at`.
            const { from, to } = seriesRange(at, DAY_MS, STEP_MS);
            const points = await board.series(report.service.id, from, to, STEP_MS);
            const incident = report.incident
                ? {
                    startedAt: Date.parse(report.incident.startedAt),
                    peakAt: Date.parse(report.incident.peakAt),
                    resolvedAt: report.incident.resolvedAt ? Date.parse(report.incident.resolvedAt) : null,
                }
                : null;
            const result = statusChart({
                serviceName: report.service.name,
                points,
                now: at,
                stepMs: STEP_MS,
                incident,
                official: officialSpans(report.official, at),
            }, log);
            return chartAttachment(result, "status", report.service.id);
        },
        async regions(breakdown, serviceName) {
            const result = regionsChart({ serviceName, window: breakdown.window, rows: breakdown.rows }, log);
            return chartAttachment(result, "regions", breakdown.serviceId);
        },
    };
}
//# sourceMappingURL=charts.js.map