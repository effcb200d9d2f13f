/** An index on a Redis sorted set: each add and remove is one atomic command, safe across processes. */
export function createRedisIndex(client, redisKey) {
    return {
        add: async (members) => {
            if (members.length === 0)
                return;
            await client.zAdd(redisKey, members.map((m) => ({ score: m.score, value: m.id })));
        },
        remove: async (ids) => {
            if (ids.length === 0)
                return;
            await client.zRem(redisKey, [...ids]);
        },
        members: async (limit) => client.zRange(redisKey, 0, limit === undefined ? -1 : limit - 1, { REV: true }),
        size: async () => client.zCard(redisKey),
        trim: async (max) => {
            // Lowest scores sit at the start of the ascending order: ranks 0 … size-max-1 go.
            const [dropped] = await client
                .multi()
                .zRange(redisKey, 0, -(max + 1))
                .zRemRangeByRank(redisKey, 0, -(max + 1))
                .exec();
            return dropped ?? [];
        },
    };
}
//# sourceMappingURL=redis-index.js.map