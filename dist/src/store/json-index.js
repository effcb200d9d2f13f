import { z } from "zod";
import { StoreError } from "./store-error.js";
const IndexValueSchema = z.array(z.tuple([z.string(), z.number()]));
/**
 * An index kept as one JSON value, for engines without sorted sets (SQLite, memory). Updates of one
 * key are queued in this process so concurrent adds never lose each other.
 */
export function createJsonIndex(io, key, queue) {
    const read = async () => {
        const raw = await io.get(key);
        if (raw === undefined)
            return new Map();
        const parsed = IndexValueSchema.safeParse(raw);
        if (!parsed.success)
            throw new StoreError("invalid_value", `${io.label}: index ${key} holds an unexpected value`);
        return new Map(parsed.data);
    };
    const sorted = (entries) => 
    // Ties in reverse byte order, as a Redis sorted set lists them with REV.
    [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
    const update = (change) => {
        const run = (queue.get(key) ?? Promise.resolve())
            .catch(() => undefined)
            .then(async () => {
            const entries = await read();
            const result = change(entries);
            await io.set(key, sorted(entries));
            return result;
        });
        queue.set(key, run);
        return run;
    };
    return {
        add: (members) => update((entries) => {
            for (const m of members)
                entries.set(m.id, m.score);
        }),
        remove: (ids) => update((entries) => {
            for (const id of ids)
                entries.delete(id);
        }),
        members: async (limit) => {
            await queue.get(key)?.catch(() => undefined);
            return sorted(await read())
                .slice(0, limit ?? Number.POSITIVE_INFINITY)
                .map(([id]) => id);
        },
        size: async () => {
            await queue.get(key)?.catch(() => undefined);
            return (await read()).size;
        },
        trim: (max) => update((entries) => {
            const dropped = sorted(entries)
                .slice(max)
                .map(([id]) => id);
            for (const id of dropped)
                entries.delete(id);
            return dropped;
        }),
    };
}
//# sourceMappingURL=json-index.js.map