/** Entries live `ttlMs` by `now`; past `maxEntries` the oldest half is dropped. */
export function createReadCache(ttlMs, now, maxEntries = 10_000) {
    const entries = new Map();
    return {
        get(key, fill) {
            const t = now();
            const hit = entries.get(key);
            if (hit !== undefined && t - hit.at < ttlMs)
                return hit.value;
            if (entries.size >= maxEntries) {
                let drop = Math.floor(maxEntries / 2);
                for (const k of entries.keys()) {
                    if (drop-- <= 0)
                        break;
                    entries.delete(k);
                }
            }
            const value = fill();
            entries.set(key, { at: t, value });
            // A failed read is not kept: the next ask tries Redis again.
            value.catch(() => {
                if (entries.get(key)?.value === value)
                    entries.delete(key);
            });
            return value;
        },
        clear: () => entries.clear(),
    };
}
//# sourceMappingURL=read-cache.js.map