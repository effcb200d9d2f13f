/** Keys read per round trip when loading, so one call never carries thousands of keys. */
const LOAD_BATCH = 500;
/** AggregatorStateRepo over its key space. */
export function createAggregatorStateRepo(kv) {
    const services = kv.scope("svc");
    const index = kv.index("services");
    // Service ids known to be in the index, so a save adds only new ones.
    const indexed = new Set();
    return {
        load: async (schemas) => {
            const ids = await index.members();
            const shared = await kv.get("shared", schemas.shared);
            if (ids.length === 0 && shared === undefined)
                return null;
            const result = new Map();
            for (let start = 0; start < ids.length; start += LOAD_BATCH) {
                const batch = ids.slice(start, start + LOAD_BATCH);
                const values = await services.getMany(batch, schemas.service);
                batch.forEach((id, i) => {
                    const value = values[i];
                    if (value !== undefined)
                        result.set(id, value);
                    indexed.add(id);
                });
            }
            return { shared, services: result };
        },
        save: async (changes) => {
            const entries = [...changes.services].map(([key, value]) => ({ key, value }));
            await services.setMany(entries);
            const added = entries.filter((e) => !indexed.has(e.key)).map((e) => ({ id: e.key, score: 0 }));
            await index.add(added);
            for (const a of added)
                indexed.add(a.id);
            if (changes.removed && changes.removed.length > 0) {
                await services.deleteMany(changes.removed);
                await index.remove(changes.removed);
                for (const id of changes.removed)
                    indexed.delete(id);
            }
            if (changes.shared !== undefined)
                await kv.set("shared", changes.shared);
        },
    };
}
//# sourceMappingURL=aggregator-state-repo.js.map