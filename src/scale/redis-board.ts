import { z } from "zod";
import { createAggregator, createStatusBoard } from "../aggregator/index.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { RegionBreakdown, RegionWindow, SeriesPoint, StatusBoard } from "../domain/board.js";
import { type Incident, IncidentSchema } from "../domain/incident.js";
import { LevelSchema, levelRank } from "../domain/levels.js";
import { type StatusReport, StatusReportSchema } from "../domain/status-report.js";
import { WindowIdSchema } from "../domain/windows.js";
import type { ScaleKeys } from "./keys.js";
import { createReadCache } from "./read-cache.js";
import type { RedisClient } from "./redis-connection.js";

const RowSchema = z.object({
  region: z.string(),
  name: z.string(),
  reports: z.number(),
  share: z.number(),
  usual: z.number(),
});
const BreakdownSchema = z.object({
  serviceId: z.string(),
  window: WindowIdSchema,
  total: z.number(),
  rows: z.array(RowSchema),
  littleHistory: z.boolean().optional(),
  officialComponents: z.array(z.object({ name: z.string(), status: z.string(), region: z.string() })),
});
const RegionsSchema = z.record(z.string(), BreakdownSchema);
const WindowSchema = z.object({
  stepMs: z.number().positive(),
  points: z.array(z.object({ at: z.number(), reports: z.number(), usual: z.number(), level: LevelSchema })),
});
/** The chart windows a worker published, finest first (one window alone from a worker before zooms were published). */
const SeriesSchema = z.union([
  z.object({ windows: z.array(WindowSchema).min(1) }),
  WindowSchema.transform((w) => ({ windows: [w] })),
]);
const IncidentsSchema = z.object({ active: z.array(IncidentSchema), recent: z.array(IncidentSchema) });
const ProblemsSchema = z.object({ asOf: z.number(), reports: z.array(StatusReportSchema) });

/** What a gateway's board reads. */
export interface RedisBoardDeps {
  client: RedisClient;
  keys: ScaleKeys;
  catalog: Catalog;
  regions: RegionDirectory;
  /** Clock for the cache ages (Date.now at the edge; tests pass their own). */
  now: () => number;
  /** How long a value read from Redis is reused (default 1000 ms). */
  cacheMs?: number;
}

/**
 * The StatusBoard of a gateway process: answers from what the worker published to Redis (as of
 * the worker's last publish, about a second old), with a small in-process cache. A service the
 * worker never published is answered as an empty aggregator would answer it: operational, no reports.
 */
export function createRedisBoard(deps: RedisBoardDeps): StatusBoard {
  const { client, keys } = deps;
  const cache = createReadCache(deps.cacheMs ?? 1_000, deps.now);
  // The answer for services nobody reported: the in-process board over an empty aggregator.
  const empty = createStatusBoard({ catalog: deps.catalog, regions: deps.regions, aggregator: createAggregator() });
  const read = <S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | null> =>
    cache.get(key, async () => {
      const raw = await client.get(key);
      if (raw === null) return null;
      // A value this version cannot read is treated as absent rather than failing every ask.
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return null;
      }
      const parsed = schema.safeParse(json);
      return parsed.success ? parsed.data : null;
    });

  return {
    async status(serviceId, at): Promise<StatusReport> {
      return (await read(keys.status(serviceId), StatusReportSchema)) ?? empty.status(serviceId, at);
    },

    async problems(): Promise<StatusReport[]> {
      const published = await read(keys.problems, ProblemsSchema);
      // Published worst first, as the in-process board lists them.
      return published?.reports ?? [];
    },

    async regions(serviceId, window: RegionWindow, at): Promise<RegionBreakdown> {
      const published = await read(keys.regions(serviceId), RegionsSchema);
      return published?.[window] ?? empty.regions(serviceId, window, at);
    },

    async incidents(query): Promise<Incident[]> {
      const key = query.serviceId === undefined ? keys.allIncidents : keys.incidents(query.serviceId);
      const published = await read(key, IncidentsSchema);
      if (published === null) return [];
      const list = query.state === "active" ? published.active : published.recent;
      return list.filter((i) => i.startedAt <= query.at).slice(0, query.limit ?? 20);
    },

    async series(serviceId, from, to, stepMs): Promise<SeriesPoint[]> {
      const published = await read(keys.series(serviceId), SeriesSchema);
      if (published === null) return empty.series(serviceId, from, to, stepMs);
      // The finest window that fits the buckets asked for and reaches back to their start (the
      // zoom of a fresh outage), else the coarsest (the day).
      const fits = published.windows.filter(
        (w) => w.stepMs <= stepMs && stepMs % w.stepMs === 0 && (w.points[0]?.at ?? Infinity) <= from,
      );
      const chosen = fits[0] ?? published.windows[published.windows.length - 1]!;
      return rebucket(chosen.points, chosen.stepMs, from, to, stepMs);
    },
  };
}

/** Points over [from, to) at `stepMs` from published points at `publishedStep` (sums; worst level). */
export function rebucket(
  points: readonly SeriesPoint[],
  publishedStep: number,
  from: number,
  to: number,
  stepMs: number,
): SeriesPoint[] {
  const step = Math.max(publishedStep, Math.round(stepMs / publishedStep) * publishedStep);
  const out: SeriesPoint[] = [];
  for (let t = from; t < to; t += step) {
    const inside = points.filter((p) => p.at >= t && p.at < Math.min(t + step, to));
    const point: SeriesPoint = { at: t, reports: 0, usual: 0, level: "operational" };
    for (const p of inside) {
      point.reports += p.reports;
      point.usual = Math.round((point.usual + p.usual) * 10) / 10;
      if (levelRank(p.level) > levelRank(point.level)) point.level = p.level;
    }
    out.push(point);
  }
  return out;
}
