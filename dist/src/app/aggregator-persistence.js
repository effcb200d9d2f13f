import { z } from "zod";
import { restoreAggregator } from "../aggregator/aggregator.js";
/**
 * Only the shape the store needs to read back; restoreAggregator validates every field once, so
 * checking each field here too would double the cost of loading a large state.
 */
const SharedPartSchema = z.looseObject({ version: z.number() });
const ServicePartSchema = z.looseObject({ id: z.string() });
/** The aggregator saved in the store, or null when nothing was saved yet. */
export async function loadAggregator(store, options) {
    const saved = await store.aggregatorState.load({ service: ServicePartSchema, shared: SharedPartSchema });
    if (saved === null || saved.shared === undefined)
        return null;
    return restoreAggregator({ ...saved.shared, services: [...saved.services.values()] }, options);
}
/**
 * Saves the aggregator incrementally. Saves run one at a time; a failed one makes the next write
 * every service, because the failed delta is gone from the aggregator's change tracking.
 */
export function createAggregatorSaver(store, aggregator, logger, journal) {
    let full = true;
    // Latest state of each incident not yet written; kept across a failed save.
    const pending = new Map();
    let chain = Promise.resolve();
    const run = async (events) => {
        for (const event of events)
            pending.set(event.incident.id, event.incident);
        const snapshot = aggregator.snapshot({ onlyChanged: !full });
        // In the same turn as the snapshot: every journalled report up to here is in it.
        const journalled = journal?.cut();
        const { services, ...shared } = snapshot;
        try {
            await store.aggregatorState.save({ shared, services: services.map((s) => [s.id, s]) });
            const incidents = [...pending.values()];
            await store.incidents.saveMany(incidents);
            for (const incident of incidents)
                if (pending.get(incident.id) === incident)
                    pending.delete(incident.id);
            full = false;
            if (journalled !== undefined)
                await journal?.saved(journalled);
            logger.debug({ services: services.length }, "aggregator state saved");
        }
        catch (error) {
            full = true;
            throw error;
        }
    };
    return {
        save: (events = []) => {
            const next = chain.then(() => run(events));
            chain = next.catch(() => undefined);
            return next;
        },
    };
}
//# sourceMappingURL=aggregator-persistence.js.map