import { SubscriptionSchema } from "../alerts/subscription.js";
const ALL = "all";
const byGuild = (guildId) => `guild:${guildId}`;
const byChannel = (channelId) => `channel:${channelId}`;
/** Subscriptions: one key each, indexed by guild and by channel. Given `store.scope("sub")`. */
export function createSubscriptionRepo(kv) {
    const load = async (ids) => (await kv.getMany(ids, SubscriptionSchema)).filter((s) => s !== undefined);
    const get = (id) => kv.get(id, SubscriptionSchema);
    const pause = async (id, reason, at) => {
        const sub = await get(id);
        if (!sub)
            return undefined;
        const paused = { ...sub, paused: { reason, at } };
        await kv.set(id, paused);
        return paused;
    };
    const indexes = (sub) => [
        kv.index(ALL),
        kv.index(byGuild(sub.guildId)),
        kv.index(byChannel(sub.channelId)),
    ];
    return {
        get,
        async upsert(sub) {
            await kv.set(sub.id, sub);
            await Promise.all(indexes(sub).map((index) => index.add([{ id: sub.id, score: sub.createdAt }])));
        },
        async upsertMany(subs) {
            if (subs.length === 0)
                return;
            await kv.setMany(subs.map((sub) => ({ key: sub.id, value: sub })));
            // Group by index so each index is updated once for the batch.
            const groups = new Map();
            for (const sub of subs) {
                for (const name of [ALL, byGuild(sub.guildId), byChannel(sub.channelId)]) {
                    const list = groups.get(name) ?? [];
                    list.push({ id: sub.id, score: sub.createdAt });
                    groups.set(name, list);
                }
            }
            await Promise.all([...groups].map(([name, members]) => kv.index(name).add(members)));
        },
        async remove(id) {
            const sub = await get(id);
            if (!sub)
                return false;
            await kv.delete(id);
            await Promise.all(indexes(sub).map((index) => index.remove([id])));
            return true;
        },
        list: async () => load(await kv.index(ALL).members()),
        listByGuild: async (guildId) => load(await kv.index(byGuild(guildId)).members()),
        pause,
        async pauseChannel(channelId, reason, at) {
            const paused = [];
            for (const sub of await load(await kv.index(byChannel(channelId)).members())) {
                if (sub.paused)
                    continue;
                const result = await pause(sub.id, reason, at);
                if (result)
                    paused.push(result);
            }
            return paused;
        },
    };
}
//# sourceMappingURL=subscription-repo.js.map