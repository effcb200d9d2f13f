import type { Catalog } from "../catalog/types.js";
import { buildStatusChartSvg } from "../charts/status-chart.js";
import { statusChartWindow } from "../charts/window.js";
import type { StatusBoard } from "../domain/board.js";

/** The status page's chart source: the last 24 h of a service as the SVG src/charts draws. */
export function createChartSvgSource(
  board: StatusBoard,
  catalog: Catalog,
): (serviceId: string, at: number) => Promise<string | null> {
  return async (serviceId, at) => {
    const service = catalog.get(serviceId);
    if (!service) return null;
    // The same window and marks as the PNG a Discord answer carries.
    const status = await board.status(serviceId, at);
    const open = status.incident && status.incident.resolvedAt === null ? status.incident : null;
    const { from, to, stepMs } = statusChartWindow(at, open ? Date.parse(open.startedAt) : null);
    const points = await board.series(serviceId, from, to, stepMs);
    const incident = open
      ? { startedAt: Date.parse(open.startedAt), peakAt: Date.parse(open.peakAt), resolvedAt: null }
      : null;
    return buildStatusChartSvg({ serviceName: service.name, points, now: at, stepMs, incident });
  };
}
