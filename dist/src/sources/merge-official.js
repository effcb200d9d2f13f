import { levelRank, worstLevel } from "../domain/levels.js";
/** Official data older than this does not raise the level (it still shows, marked stale). */
export const OFFICIAL_MAX_AGE_SECONDS = 30 * 60;
/**
 * The level floor the vendor's own page sets. The rule:
 *
 * | official signal                                                        | level is at least |
 * |------------------------------------------------------------------------|-------------------|
 * | indicator major or critical, a component major_outage,                 | partial_outage    |
 * |   or an unresolved incident of impact major or critical                |                   |
 * | indicator minor, a component partial_outage or degraded_performance,   | degraded          |
 * |   or an unresolved incident of impact minor                            |                   |
 * | indicator maintenance, a component under_maintenance, or maintenance   | (no floor: the    |
 * |   in progress                                                          |  maintenance flag)|
 * | indicator none, all components operational                             | (no floor)        |
 * | never fetched, or last good fetch older than 30 min                    | (ignored)         |
 *
 * The crowd is never lowered by the vendor: crowd reports alone can raise major_outage while the
 * page says all is well (the vendor is often the last to know).
 */
export function officialFloor(official) {
    const statuses = new Set(official.components.map((c) => c.status));
    const impacts = new Set(official.incidents.map((i) => i.impact));
    const worstIncident = official.incidents.find((i) => i.impact === "critical" || i.impact === "major");
    if (official.indicator === "major" || official.indicator === "critical") {
        return { level: "partial_outage", why: official.description ?? `${official.indicator} outage` };
    }
    const down = official.components.find((c) => c.status === "major_outage");
    if (down)
        return { level: "partial_outage", why: `${down.name}: major outage` };
    if (worstIncident)
        return { level: "partial_outage", why: worstIncident.name };
    if (official.indicator === "minor" || impacts.has("minor")) {
        return { level: "degraded", why: official.description ?? official.incidents[0]?.name ?? "minor issues" };
    }
    if (statuses.has("partial_outage") || statuses.has("degraded_performance")) {
        const hit = official.components.find((c) => c.status === "partial_outage" || c.status === "degraded_performance");
        return { level: "degraded", why: `${hit?.name}: ${hit?.status.replace("_", " ")}` };
    }
    return { level: "operational", why: official.description ?? "all systems operational" };
}
function isMaintenance(official) {
    return (official.indicator === "maintenance" ||
        official.maintenance.length > 0 ||
        official.components.some((c) => c.status === "under_maintenance"));
}
/** Official data fresh enough to move the level. */
function usable(official, maxAgeSeconds) {
    return official !== null && official.fetchedAt !== null && (official.ageSeconds ?? Infinity) <= maxAgeSeconds;
}
/** Combines the crowd verdict with the vendor's page by the rule in `officialFloor`; the reason says which signal drove the level. */
export function combineLevel(crowd, official, options = {}) {
    const maxAge = options.maxAgeSeconds ?? OFFICIAL_MAX_AGE_SECONDS;
    if (!usable(official, maxAge)) {
        const drivenBy = crowd.level === "operational" ? "none" : "crowd";
        return { level: crowd.level, reason: crowd.reason, maintenance: false, drivenBy };
    }
    const maintenance = isMaintenance(official);
    const floor = officialFloor(official);
    const level = worstLevel(crowd.level, floor.level);
    const crowdRank = levelRank(crowd.level);
    const floorRank = levelRank(floor.level);
    if (floorRank > crowdRank) {
        return { level, reason: `Official status page: ${floor.why}`, maintenance, drivenBy: "official" };
    }
    if (crowdRank === 0) {
        const reason = maintenance ? `Maintenance in progress (official): ${maintenanceName(official)}` : crowd.reason;
        return { level, reason, maintenance, drivenBy: maintenance ? "official" : "none" };
    }
    if (floorRank === crowdRank) {
        return {
            level,
            reason: `${crowd.reason}; the official status page agrees (${floor.why})`,
            maintenance,
            drivenBy: "both",
        };
    }
    const vendor = floorRank === 0 ? "the official status page reports no problem" : `official status page: ${floor.why}`;
    return { level, reason: `${crowd.reason}; ${vendor}`, maintenance, drivenBy: "crowd" };
}
function maintenanceName(official) {
    return (official.maintenance[0]?.name ??
        official.components.find((c) => c.status === "under_maintenance")?.name ??
        official.description ??
        "scheduled maintenance");
}
//# sourceMappingURL=merge-official.js.map