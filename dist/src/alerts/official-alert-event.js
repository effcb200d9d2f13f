/** How a vendor's stated impact reads as a level. `none` with real updates still alerts as degraded. */
const IMPACT_LEVEL = {
    none: "degraded",
    minor: "degraded",
    major: "partial_outage",
    critical: "major_outage",
    maintenance: null,
};
const time = (iso, fallback) => {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    return Number.isFinite(ms) ? ms : fallback;
};
/**
 * A status page incident event as an alert event (pure). Maintenance is announced by the vendor in
 * advance and is not an outage alert, so it gives null.
 */
export function officialAlertEvent(event) {
    const level = IMPACT_LEVEL[event.incident.impact];
    if (level === null)
        return null;
    const resolved = event.kind === "resolved";
    const startedAt = time(event.incident.startedAt, event.at);
    const incident = {
        id: `official:${event.serviceId}:${event.incident.id}`,
        serviceId: event.serviceId,
        startedAt,
        peakAt: startedAt,
        peakPerMinute: 0,
        level,
        currentLevel: resolved ? "operational" : level,
        updatedAt: time(event.incident.updatedAt, event.at),
        resolvedAt: resolved ? event.at : null,
        totalReports: 0,
        regions: [],
        problems: [],
    };
    const { name, status, latestUpdate, url } = event.incident;
    return {
        kind: event.kind,
        at: event.at,
        origin: "official",
        incident,
        official: { name, status, latestUpdate, url },
    };
}
//# sourceMappingURL=official-alert-event.js.map