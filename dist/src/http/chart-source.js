import { buildStatusChartSvg } from "../charts/status-chart.js";
import { seriesRange } from "../domain/windows.js";
const DAY_MS = 24 * 60 * 60 * 1000;
const STEP_MS = 15 * 60 * 1000;
/** The status page's chart source: the last 24 h of a service as the SVG src/charts draws. */
export function createChartSvgSource(board, catalog) {
    return async (serviceId, at) => {
        const service = catalog.get(serviceId);
        if (!service)
            return null;
        const { from, to } = seriesRange(at, DAY_MS, STEP_MS);
        const points = await board.series(serviceId, from, to, STEP_MS);
        return buildStatusChartSvg({ serviceName: service.name, points, now: at, stepMs: STEP_MS });
    };
}
//# sourceMappingURL=chart-source.js.map