import { z } from "zod";
import { AlertThreadSchema } from "../alerts/alert-thread.js";
const latestKey = (serviceId, channelId) => `latest:${serviceId}:${channelId}`;
const ACTIVE = "active";
const DEAD = "dead";
/** Finished threads are kept a week, for re-opens and inspection, then expire. */
const DONE_TTL_MS = 7 * 24 * 3_600_000;
/** Alert threads (the delivery records) with active and dead-letter indexes. Given `store.scope("alert")`. */
export function createAlertThreadRepo(kv) {
    const get = (id) => kv.get(id, AlertThreadSchema);
    const load = async (ids) => (await kv.getMany(ids, AlertThreadSchema)).filter((t) => t !== undefined);
    const putMany = async (threads) => {
        if (threads.length === 0)
            return;
        const entries = threads.flatMap((thread) => {
            const ttlMs = thread.state === "done" ? DONE_TTL_MS : undefined;
            return [
                { key: thread.id, value: thread, ttlMs },
                { key: latestKey(thread.serviceId, thread.channelId), value: thread.id, ttlMs },
            ];
        });
        await kv.setMany(entries);
        const active = threads.filter((t) => t.state === "active").map((t) => ({ id: t.id, score: t.startedAt }));
        const inactive = threads.filter((t) => t.state !== "active").map((t) => t.id);
        const dead = threads.filter((t) => t.state === "dead").map((t) => ({ id: t.id, score: t.startedAt }));
        // One update per index for the whole batch: a JSON index rewrites itself on every call.
        if (active.length > 0)
            await kv.index(ACTIVE).add(active);
        if (inactive.length > 0)
            await kv.index(ACTIVE).remove(inactive);
        if (dead.length > 0)
            await kv.index(DEAD).add(dead);
    };
    return {
        get,
        put: (thread) => putMany([thread]),
        putMany,
        async saveProgress(threads) {
            if (threads.length === 0)
                return;
            await kv.setMany(threads.map((thread) => ({ key: thread.id, value: thread })));
        },
        async latestFor(serviceId, channelId) {
            const id = await kv.get(latestKey(serviceId, channelId), z.string());
            return id === undefined ? undefined : get(id);
        },
        async latestForMany(serviceId, channelIds) {
            const ids = await kv.getMany(channelIds.map((c) => latestKey(serviceId, c)), z.string());
            const present = ids.filter((id) => id !== undefined);
            const byId = new Map((await load(present)).map((t) => [t.id, t]));
            return ids.map((id) => (id === undefined ? undefined : byId.get(id)));
        },
        listActive: async () => load(await kv.index(ACTIVE).members()),
        listDead: async () => load(await kv.index(DEAD).members()),
    };
}
//# sourceMappingURL=alert-thread-repo.js.map