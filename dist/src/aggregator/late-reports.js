import { LEVEL_ORDER, UPDATE_PEAK_GROWTH } from "./level-rules.js";
const endOf = (inc) => inc.resolvedAt ?? Infinity;
const overlaps = (a, b) => a.startedAt < endOf(b) && b.startedAt < endOf(a);
/**
 * After late reports made the tracker re-derive incidents (`removed` are the ones it took back,
 * `events` what the re-evaluation emitted), keeps what was already announced stable: a re-derived
 * incident that overlaps an announced one keeps the announced id (alerts follow it by id), its
 * replayed events collapse into the one change people have not heard yet (or none), and an
 * announced incident the late reports do not re-derive stays on record: nothing announced is
 * taken back. Returns the events to emit.
 */
export function reconcileRederived(tracker, removed, events, at) {
    if (removed.length === 0)
        return [...events];
    const current = tracker.open === null ? tracker.history.slice() : [...tracker.history, tracker.open.incident];
    const rederived = current.filter((inc) => inc.startedAt >= Math.min(...removed.map((r) => r.startedAt)) || removed.some((r) => overlaps(inc, r)));
    const announced = new Map();
    const renamed = new Map();
    const merged = [];
    for (const old of [...removed].sort((a, b) => a.startedAt - b.startedAt)) {
        const again = rederived.find((inc) => inc.id === old.id || overlaps(inc, old));
        if (again === undefined) {
            tracker.history.push(old);
        }
        else if (announced.has(again.id) && again.id !== old.id) {
            // Late reports joined two announced incidents into one: the later one ends, merged into the earlier.
            merged.push({
                ...old,
                currentLevel: "operational",
                resolvedAt: Math.max(old.startedAt, Math.min(at, endOf(old))),
            });
        }
        else {
            if (again.id !== old.id)
                renamed.set(again.id, old.id);
            again.id = old.id;
            announced.set(old.id, old);
        }
    }
    tracker.history.sort((a, b) => a.startedAt - b.startedAt);
    const out = [];
    for (const event of events) {
        const id = renamed.get(event.incident.id) ?? event.incident.id;
        if (!announced.has(id))
            out.push({ ...event, incident: { ...event.incident, id } });
    }
    for (const [id, old] of announced) {
        const now = rederived.find((inc) => inc.id === id);
        const kind = changeSince(old, now);
        if (kind !== null)
            out.push({ kind, at, incident: { ...now } });
    }
    for (const inc of merged)
        out.push({ kind: "resolved", at, incident: inc });
    return out.sort((a, b) => a.at - b.at);
}
/** The one event that tells what changed between an announced incident and its re-derived self. */
function changeSince(old, now) {
    if (now.resolvedAt !== null && old.resolvedAt === null)
        return "resolved";
    if (LEVEL_ORDER[now.level] > LEVEL_ORDER[old.level])
        return "escalated";
    if (now.resolvedAt === null && LEVEL_ORDER[now.currentLevel] < LEVEL_ORDER[old.currentLevel])
        return "deescalated";
    // Like the live rule: an update only when the peak grew by a real margin.
    if (now.peakPerMinute >= old.peakPerMinute * UPDATE_PEAK_GROWTH && now.peakPerMinute > old.peakPerMinute)
        return "updated";
    return null;
}
//# sourceMappingURL=late-reports.js.map