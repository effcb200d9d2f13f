import { levelRank } from "../domain/levels.js";
/** Does the subscription's target cover this service? */
export function targetCovers(sub, serviceId, category) {
    switch (sub.target.kind) {
        case "all":
            return true;
        case "service":
            return sub.target.serviceId === serviceId;
        case "category":
            return category !== undefined && sub.target.category === category;
    }
}
/** Is the incident severe enough, and in a region the subscription cares about? */
export function incidentQualifies(sub, incident) {
    if (levelRank(incident.level) < levelRank(sub.minLevel))
        return false;
    if (sub.regions.length === 0)
        return true;
    // Regions with a real share of the reports only: one stray report from a country is not "affected".
    const total = incident.regions.reduce((sum, r) => sum + r.reports, 0);
    return incident.regions.some((r) => sub.regions.includes(r.region) && r.reports >= Math.max(1, total * 0.02));
}
/** Subscriptions that should hear about this incident now (paused ones never do). */
export function matchSubscriptions(subs, incident, category) {
    return subs.filter((s) => s.paused === null && targetCovers(s, incident.serviceId, category) && incidentQualifies(s, incident));
}
//# sourceMappingURL=match-subscriptions.js.map