import { z } from "zod";
import { createAggregator, createStatusBoard } from "../aggregator/index.js";
import { IncidentSchema } from "../domain/incident.js";
import { LevelSchema, levelRank } from "../domain/levels.js";
import { StatusReportSchema } from "../domain/status-report.js";
import { WindowIdSchema } from "../domain/windows.js";
import { createReadCache } from "./read-cache.js";
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
    officialComponents: z.array(z.object({ name: z.string(), status: z.string(), region: z.string() })),
});
const RegionsSchema = z.record(z.string(), BreakdownSchema);
const SeriesSchema = z.object({
    stepMs: z.number().positive(),
    points: z.array(z.object({ at: z.number(), reports: z.number(), usual: z.number(), level: LevelSchema })),
});
const IncidentsSchema = z.object({ active: z.array(IncidentSchema), recent: z.array(IncidentSchema) });
const ProblemsSchema = z.object({ asOf: z.number(), reports: z.array(StatusReportSchema) });
/**
 * The StatusBoard of a gateway process: answers from what the worker published to Redis (as of
 * the worker's last publish, about a second old), with a small in-process cache. A service the
 * worker never published is answered as an empty aggregator would answer it: operational, no reports.
 */
export function createRedisBoard(deps) {
    const { client, keys } = deps;
    const cache = createReadCache(deps.cacheMs ?? 1_000, deps.now);
    // The answer for services nobody reported: the in-process board over an empty aggregator.
    const empty = createStatusBoard({ catalog: deps.catalog, regions: deps.regions, aggregator: createAggregator() });
    const read = (key, schema) => cache.get(key, async () => {
        const raw = await client.get(key);
        if (raw === null)
            return null;
        // A value this version cannot read is treated as absent rather than failing every ask.
        let json;
        try {
            json = JSON.parse(raw);
        }
        catch {
            return null;
        }
        const parsed = schema.safeParse(json);
        return parsed.success ? parsed.data : null;
    });
    return {
        async status(serviceId, at) {
            return (await read(keys.status(serviceId), StatusReportSchema)) ?? empty.status(serviceId, at);
        },
        async problems() {
            const published = await read(keys.problems, ProblemsSchema);
            // Published worst first, as the in-process board lists them.
            return published?.reports ?? [];
        },
        async regions(serviceId, window, at) {
            const published = await read(keys.regions(serviceId), RegionsSchema);
            return published?.[window] ?? empty.regions(serviceId, window, at);
        },
        async incidents(query) {
            const key = query.serviceId === undefined ? keys.allIncidents : keys.incidents(query.serviceId);
            const published = await read(key, IncidentsSchema);
            if (published === null)
                return [];
            const list = query.state === "active" ? published.active : published.recent;
            return list.filter((i) => i.startedAt <= query.at).slice(0, query.limit ?? 20);
        },
        async series(serviceId, from, to, stepMs) {
            const published = await read(keys.series(serviceId), SeriesSchema);
            if (published === null)
                return empty.series(serviceId, from, to, stepMs);
            return rebucket(published.points, published.stepMs, from, to, stepMs);
        },
    };
}
/** Points over [from, to) at `stepMs` from published points at `publishedStep` (sums; worst level). */
export function rebucket(points, publishedStep, from, to, stepMs) {
    const step = Math.max(publishedStep, Math.round(stepMs / publishedStep) * publishedStep);
    const out = [];
    for (let t = from; t < to; t += step) {
        const inside = points.filter((p) => p.at >= t && p.at < Math.min(t + step, to));
        const point = { at: t, reports: 0, usual: 0, level: "operational" };
        for (const p of inside) {
            point.reports += p.reports;
            point.usual = Math.round((point.usual + p.usual) * 10) / 10;
            if (levelRank(p.level) > levelRank(point.level))
                point.level = p.level;
        }
        out.push(point);
    }
    return out;
}
//# sourceMappingURL=redis-board.js.map