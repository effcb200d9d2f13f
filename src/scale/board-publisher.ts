import { statusChartWindow } from "../charts/window.js";
import { REGION_WINDOWS, type RegionBreakdown, type SeriesPoint, type StatusBoard } from "../domain/board.js";
import type { Incident } from "../domain/incident.js";
import type { ScaleKeys } from "./keys.js";
import type { RedisClient } from "./redis-connection.js";

/** Incidents kept per published list. */
export const PUBLISHED_INCIDENTS = 50;
/** Published keys outlive a quiet day, then vanish (a service removed from the catalog). */
const BOARD_TTL_MS = 26 * 60 * 60 * 1000;

/** One chart window as published: its bucket length and points (finest first in a list). */
export interface PublishedSeries {
  stepMs: number;
  points: SeriesPoint[];
}

/** A service's incidents as published: open ones and the latest ones (open or not). */
export interface PublishedIncidents {
  active: Incident[];
  recent: Incident[];
}

/** Writes what gateways read: each service's status, regions, series and incidents, and the problems list. */
export interface BoardPublisher {
  /** Publishes these services and the shared lists as of `at`, in one pipelined round trip. */
  publish(serviceIds: Iterable<string>, at: number): Promise<{ services: number; problems: string[] }>;
}

/** A publisher reading from the worker's in-process board (crowd and official combined). */
export function createBoardPublisher(client: RedisClient, keys: ScaleKeys, board: StatusBoard): BoardPublisher {
  const opts = { expiration: { type: "PX", value: BOARD_TTL_MS } } as const;
  return {
    async publish(serviceIds, at) {
      const batch = client.multi();
      let services = 0;
      // The day-long window the status chart draws when no outage is fresh (src/charts/window.ts).
      const day = statusChartWindow(at, null);
      for (const id of new Set(serviceIds)) {
        const [status, series, active, recent, ...breakdowns] = await Promise.all([
          board.status(id, at),
          board.series(id, day.from, day.to, day.stepMs),
          board.incidents({ serviceId: id, state: "active", at, limit: PUBLISHED_INCIDENTS }),
          board.incidents({ serviceId: id, state: "recent", at, limit: PUBLISHED_INCIDENTS }),
          ...REGION_WINDOWS.map((w) => board.regions(id, w, at)),
        ]);
        const regions: Record<string, RegionBreakdown> = {};
        REGION_WINDOWS.forEach((w, i) => {
          regions[w] = breakdowns[i]!;
        });
        batch.set(keys.status(id), JSON.stringify(status), opts);
        // With an outage begun in the last hours the chart zooms in (minute or 5-minute buckets):
        // that window is published too, so a gateway draws the chart a single process draws.
        const windows: PublishedSeries[] = [{ stepMs: day.stepMs, points: series }];
        const open = status.incident !== null && status.incident.resolvedAt === null;
        const zoom = open ? statusChartWindow(at, Date.parse(status.incident!.startedAt)) : null;
        if (zoom !== null && zoom.stepMs !== day.stepMs)
          windows.unshift({ stepMs: zoom.stepMs, points: await board.series(id, zoom.from, zoom.to, zoom.stepMs) });
        batch.set(keys.series(id), JSON.stringify({ windows }), opts);
        batch.set(keys.regions(id), JSON.stringify(regions), opts);
        batch.set(keys.incidents(id), JSON.stringify({ active, recent } satisfies PublishedIncidents), opts);
        services++;
      }
      const problems = await board.problems(at);
      const [active, recent] = await Promise.all([
        board.incidents({ state: "active", at, limit: PUBLISHED_INCIDENTS }),
        board.incidents({ state: "recent", at, limit: PUBLISHED_INCIDENTS }),
      ]);
      batch.set(keys.problems, JSON.stringify({ asOf: at, reports: problems }));
      batch.set(keys.allIncidents, JSON.stringify({ active, recent } satisfies PublishedIncidents));
      await batch.execAsPipeline();
      return { services, problems: problems.map((p) => p.service.id) };
    },
  };
}
