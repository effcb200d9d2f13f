import { IncidentSchema } from "../domain/incident.js";
/** How long a resolved incident is kept. */
export const RESOLVED_INCIDENT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** How many resolved incidents the recent list keeps. */
export const RECENT_INCIDENT_LIMIT = 1_000;
/** IncidentRepo over its key space; resolved incidents expire after RESOLVED_INCIDENT_TTL_MS. */
export function createIncidentRepo(kv) {
    const activeIndex = kv.index("active");
    const recentIndex = kv.index("recent");
    // Ids whose record expired are dropped from the index as they are found.
    const load = async (ids, index) => {
        const found = await kv.getMany(ids, IncidentSchema);
        const gone = ids.filter((_, i) => found[i] === undefined);
        if (gone.length > 0)
            await index.remove(gone);
        return found.filter((incident) => incident !== undefined);
    };
    const saveMany = async (incidents) => {
        if (incidents.length === 0)
            return;
        await kv.setMany(incidents.map((incident) => ({
            key: incident.id,
            value: incident,
            ttlMs: incident.resolvedAt === null ? undefined : RESOLVED_INCIDENT_TTL_MS,
        })));
        const open = incidents.filter((i) => i.resolvedAt === null);
        const closed = incidents.filter((i) => i.resolvedAt !== null);
        await activeIndex.add(open.map((i) => ({ id: i.id, score: i.startedAt })));
        if (closed.length === 0)
            return;
        await activeIndex.remove(closed.map((i) => i.id));
        await recentIndex.add(closed.map((i) => ({ id: i.id, score: i.resolvedAt ?? i.updatedAt })));
        const dropped = await recentIndex.trim(RECENT_INCIDENT_LIMIT);
        await kv.deleteMany(dropped);
    };
    return {
        save: (incident) => saveMany([incident]),
        saveMany,
        get: (id) => kv.get(id, IncidentSchema),
        active: async () => load(await activeIndex.members(), activeIndex),
        recent: async (limit = 50) => load(await recentIndex.members(limit), recentIndex),
    };
}
//# sourceMappingURL=incident-repo.js.map