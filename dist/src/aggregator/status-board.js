import { levelRank } from "../domain/levels.js";
import { dataTime, WINDOWS } from "../domain/windows.js";
import { combineOfficial } from "./combine.js";
import { iso } from "./time.js";
/** Regions listed on a status report. */
const STATUS_REGIONS = 10;
/** The row for reports that named no region, so the rows add up to the window's total. */
export const UNKNOWN_REGION = "unknown";
const UNKNOWN_REGION_NAME = "Region not given";
const share = (n, total) => (total > 0 ? Math.round((n / total) * 1000) / 1000 : 0);
/**
 * Reports per region over a window, with reports that named no region as one more row, so the
 * rows add up to the same total the status gives for that window. Largest first.
 */
function regionRowsWithTotal(aggregator, serviceId, minutes, at) {
    const rows = aggregator.regionCounts(serviceId, minutes, at);
    const total = aggregator.reportCount(serviceId, minutes, at);
    const unknown = total - rows.reduce((sum, r) => sum + r.reports, 0);
    if (unknown > 0)
        rows.push({ region: UNKNOWN_REGION, reports: unknown });
    rows.sort((a, b) => b.reports - a.reports || (a.region < b.region ? -1 : 1));
    return {
        rows,
        total: Math.max(total, rows.reduce((sum, r) => sum + r.reports, 0)),
    };
}
const regionName = (deps, region) => region === UNKNOWN_REGION ? UNKNOWN_REGION_NAME : deps.regions.name(region);
/**
 * One service's status report as of `at`: exactly the StatusReport shape. Counts cover the minutes
 * that ended by `at` (`dataTime`), the incident is as the tracker knew it then, so nothing dated
 * after `at` is in it.
 */
export function buildStatusReport(deps, serviceId, at) {
    const { aggregator } = deps;
    const dt = dataTime(at);
    const crowd = aggregator.verdict(serviceId, dt);
    const official = deps.official?.(serviceId, at) ?? null;
    const combined = (deps.combine ?? combineOfficial)(crowd, official);
    const hour = WINDOWS["1h"].minutes;
    const regions = regionRowsWithTotal(aggregator, serviceId, hour, dt);
    const problemRows = aggregator.problemCounts(serviceId, hour, dt);
    const problemTotal = problemRows.reduce((s, p) => s + p.reports, 0);
    const incident = aggregator.incident(serviceId, at);
    // An open incident dates the trouble; else the crowd's first elevated minute; when the official
    // page alone sets the level, the crowd has no start time: "since" is then `at`.
    const open = incident !== null && incident.resolvedAt === null ? incident.startedAt : null;
    const since = combined.level === "operational" ? null : (open ?? aggregator.since(serviceId, dt) ?? at);
    return {
        service: { id: serviceId, name: deps.catalog.get(serviceId)?.name ?? serviceId },
        level: combined.level,
        reason: combined.reason,
        since: since === null ? null : iso(since),
        asOf: iso(at),
        maintenance: combined.maintenance,
        crowd: {
            last15m: crowd.last15,
            lastHour: crowd.lastHour,
            baselineHour: crowd.baselineHour,
            ratio: crowd.ratio,
            guilds: crowd.originsHour,
            suspected: crowd.suspected,
            littleHistory: crowd.littleHistory,
        },
        regions: regions.rows.slice(0, STATUS_REGIONS).map((r) => ({
            region: r.region,
            name: regionName(deps, r.region),
            reports: r.reports,
            share: share(r.reports, regions.total),
        })),
        problems: problemRows.map((p) => ({
            problem: p.problem,
            reports: p.reports,
            share: share(p.reports, problemTotal),
        })),
        incident: incident === null ? null : incidentView(incident),
        official,
    };
}
function incidentView(incident) {
    return {
        id: incident.id,
        startedAt: iso(incident.startedAt),
        peakAt: iso(incident.peakAt),
        peakPerMinute: incident.peakPerMinute,
        level: incident.level,
        resolvedAt: incident.resolvedAt === null ? null : iso(incident.resolvedAt),
    };
}
/** The StatusBoard over an in-process aggregator (the read side every face uses). */
export function createStatusBoard(deps) {
    return {
        async status(serviceId, at) {
            return buildStatusReport(deps, serviceId, at);
        },
        async problems(at) {
            const ids = new Set(deps.aggregator.serviceIds());
            if (deps.official)
                for (const s of deps.catalog.all())
                    ids.add(s.id);
            const reports = [];
            for (const id of ids) {
                // Cheap pre-check: without an official page, a quiet crowd means operational.
                if (!deps.official && deps.aggregator.verdict(id, dataTime(at)).level === "operational")
                    continue;
                const report = buildStatusReport(deps, id, at);
                if (report.level !== "operational")
                    reports.push(report);
            }
            return reports.sort((a, b) => levelRank(b.level) - levelRank(a.level) ||
                b.crowd.ratio - a.crowd.ratio ||
                b.crowd.last15m - a.crowd.last15m ||
                (a.service.id < b.service.id ? -1 : 1));
        },
        async regions(serviceId, window, at) {
            const minutes = WINDOWS[window].minutes;
            const dt = dataTime(at);
            const { rows, total } = regionRowsWithTotal(deps.aggregator, serviceId, minutes, dt);
            // Usual per region: the usual rate for the window, split by each region's share of the last 24 h.
            const day = regionRowsWithTotal(deps.aggregator, serviceId, WINDOWS["24h"].minutes, dt);
            const dayShare = new Map(day.rows.map((r) => [r.region, day.total > 0 ? r.reports / day.total : 0]));
            const usualWindow = (deps.aggregator.verdict(serviceId, dt).baselineHour * minutes) / 60;
            const official = deps.official?.(serviceId, at) ?? null;
            return {
                serviceId,
                window,
                total,
                rows: rows.map((r) => ({
                    region: r.region,
                    name: regionName(deps, r.region),
                    reports: r.reports,
                    share: share(r.reports, total),
                    usual: Math.round(usualWindow * (dayShare.get(r.region) ?? 0) * 10) / 10,
                })),
                officialComponents: (official?.components ?? [])
                    .filter((c) => c.region !== null)
                    .map((c) => ({ name: c.name, status: c.status, region: c.region })),
            };
        },
        async incidents(query) {
            return deps.aggregator.incidents(query);
        },
        async series(serviceId, from, to, stepMs) {
            return deps.aggregator.series(serviceId, from, to, stepMs);
        },
    };
}
//# sourceMappingURL=status-board.js.map