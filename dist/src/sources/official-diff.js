const CLOSED = new Set(["resolved", "postmortem", "completed"]);
function isOpen(incident) {
    return !CLOSED.has(incident.status.toLowerCase());
}
function changed(a, b) {
    return (a.status !== b.status ||
        a.impact !== b.impact ||
        a.name !== b.name ||
        a.latestUpdate !== b.latestUpdate ||
        a.updatedAt !== b.updatedAt);
}
/**
 * Official incident events between two good snapshots of one page (pure). An incident new and
 * open is `opened`; one whose status, impact, name or latest update changed is `updated`; one
 * marked resolved, or gone from the list of unresolved incidents, is `resolved`. Impact does not
 * filter: an incident with impact "none" and real updates is reported like any other.
 * With no previous snapshot, every open incident counts as opened.
 */
export function diffOfficialIncidents(serviceId, previous, next, at) {
    const before = new Map((previous?.incidents ?? []).map((i) => [i.id, i]));
    const events = [];
    const seen = new Set();
    for (const incident of next.incidents) {
        seen.add(incident.id);
        const old = before.get(incident.id);
        if (!isOpen(incident)) {
            if (old && isOpen(old))
                events.push({ kind: "resolved", serviceId, at, incident });
        }
        else if (!old || !isOpen(old)) {
            events.push({ kind: "opened", serviceId, at, incident });
        }
        else if (changed(old, incident)) {
            events.push({ kind: "updated", serviceId, at, incident });
        }
    }
    for (const [id, old] of before) {
        if (seen.has(id) || !isOpen(old))
            continue;
        events.push({ kind: "resolved", serviceId, at, incident: { ...old, status: "resolved" } });
    }
    return events;
}
/** Lines saying what changed on a page between two snapshots, for `outage-bot poll` to print. */
export function describeOfficialChanges(previous, next, events) {
    const lines = [];
    if (previous?.indicator !== next.indicator) {
        lines.push(`indicator ${previous?.indicator ?? "unknown"} → ${next.indicator ?? "unknown"} (${next.description ?? ""})`);
    }
    const before = new Map((previous?.components ?? []).map((c) => [`${c.group ?? ""}/${c.name}`, c.status]));
    for (const c of next.components) {
        const old = before.get(`${c.group ?? ""}/${c.name}`);
        if (old !== c.status && (old !== undefined || c.status !== "operational")) {
            const label = c.group ? `${c.group} / ${c.name}` : c.name;
            lines.push(`component ${label}: ${old ?? "new"} → ${c.status}`);
        }
    }
    for (const e of events)
        lines.push(`incident ${e.kind}: ${e.incident.name} [${e.incident.impact}, ${e.incident.status}]`);
    const wasMaintenance = new Set((previous?.maintenance ?? []).map((m) => m.id));
    for (const m of next.maintenance)
        if (!wasMaintenance.has(m.id))
            lines.push(`maintenance in progress: ${m.name}`);
    return lines;
}
//# sourceMappingURL=official-diff.js.map