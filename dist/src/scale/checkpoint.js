import { z } from "zod";
import { loadAggregator } from "../app/aggregator-persistence.js";
import { STREAM_START } from "./stream-id.js";
/** The key (in the aggregator state's key space) holding the id of the last stream entry applied. */
export const CURSOR_KEY = "stream";
const CursorSchema = z.object({ cursor: z.string() });
/** A checkpointer over the store (Redis in a scaled deployment; atomic only there). */
export function createCheckpointer(store) {
    const agg = store.scope("agg");
    const index = agg.index("services");
    const indexed = new Set();
    // Until one save succeeded, write every service: a failed save's delta is gone from the aggregator.
    let full = true;
    return {
        async load(options) {
            const aggregator = await loadAggregator(store, options);
            const saved = await agg.get(CURSOR_KEY, CursorSchema);
            if (aggregator !== null)
                for (const id of aggregator.serviceIds())
                    indexed.add(id);
            full = true;
            return { aggregator, cursor: saved?.cursor ?? STREAM_START };
        },
        async save(aggregator, cursor, events) {
            // Incidents first: upserts by id, so a crash before the state write re-emits and re-saves them.
            const incidents = new Map();
            for (const event of events)
                incidents.set(event.incident.id, event.incident);
            if (incidents.size > 0)
                await store.incidents.saveMany([...incidents.values()]);
            const snapshot = aggregator.snapshot({ onlyChanged: !full });
            const { services, ...shared } = snapshot;
            try {
                // Index before values: an indexed id without a value is skipped on load, never the reverse.
                const added = services.filter((s) => !indexed.has(s.id)).map((s) => ({ id: s.id, score: 0 }));
                if (added.length > 0)
                    await index.add(added);
                for (const a of added)
                    indexed.add(a.id);
                await agg.setMany([
                    ...services.map((s) => ({ key: `svc:${s.id}`, value: s })),
                    { key: "shared", value: shared },
                    { key: CURSOR_KEY, value: { cursor } },
                ]);
                full = false;
            }
            catch (error) {
                full = true;
                throw error;
            }
            return { services: services.map((s) => s.id) };
        },
    };
}
//# sourceMappingURL=checkpoint.js.map