import { Feed } from "feed";
import { LEVEL_LABELS } from "../domain/levels.js";
import { PROBLEM_LABELS } from "../domain/problems.js";
function describe(incident, name) {
    const state = incident.resolvedAt === null ? LEVEL_LABELS[incident.currentLevel] : "Resolved";
    const title = `${name}: ${LEVEL_LABELS[incident.level]}${incident.resolvedAt === null ? ` (now ${state.toLowerCase()})` : ", resolved"}`;
    const problems = incident.problems
        .slice(0, 3)
        .map((p) => PROBLEM_LABELS[p.problem].toLowerCase())
        .join(", ");
    const lines = [
        `Started ${new Date(incident.startedAt).toISOString()}; worst level ${LEVEL_LABELS[incident.level]}, peak ${Math.round(incident.peakPerMinute)} reports per minute at ${new Date(incident.peakAt).toISOString()}.`,
        `${incident.totalReports} reports${problems ? ` (mostly ${problems})` : ""}.`,
        incident.resolvedAt === null ? `Ongoing: ${state}.` : `Resolved ${new Date(incident.resolvedAt).toISOString()}.`,
    ];
    return { title, summary: lines.join(" ") };
}
/**
 * An Atom 1.0 feed of detected incidents, newest update first, written by the `feed` package. Every
 * entry's id is stable (`urn:outage-bot:incident:<id>`), so a reader shows an edit, not a new entry.
 */
export function incidentsAtom(incidents, options) {
    const { baseUrl, service } = options;
    const newest = incidents.reduce((t, i) => Math.max(t, i.updatedAt), 0);
    const statusLink = (id) => `${baseUrl}/api/status/${encodeURIComponent(id)}`;
    const feed = new Feed({
        title: service ? `${service.name} incidents — outage-bot` : "Incidents — outage-bot",
        description: service
            ? `Outages of ${service.name} detected from crowd reports`
            : "Outages detected from crowd reports, every service",
        id: `${baseUrl}${options.selfPath}`,
        link: service ? statusLink(service.id) : `${baseUrl}/`,
        updated: new Date(newest > 0 ? newest : options.now),
        generator: "outage-bot",
        copyright: "",
        feedLinks: { atom: `${baseUrl}${options.selfPath}` },
    });
    for (const incident of [...incidents].sort((a, b) => b.updatedAt - a.updatedAt)) {
        const name = options.catalog.get(incident.serviceId)?.name ?? incident.serviceId;
        const { title, summary } = describe(incident, name);
        feed.addItem({
            title,
            id: `urn:outage-bot:incident:${incident.id}`,
            link: statusLink(incident.serviceId),
            date: new Date(incident.updatedAt),
            published: new Date(incident.startedAt),
            description: summary,
        });
    }
    return feed.atom1();
}
//# sourceMappingURL=incidents-atom.js.map