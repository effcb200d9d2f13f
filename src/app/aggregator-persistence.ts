import type { Logger } from "pino";
import { z } from "zod";
import { restoreAggregator } from "../aggregator/aggregator.js";
import type { Aggregator, AggregatorOptions } from "../aggregator/types.js";
import type { Incident, IncidentEvent } from "../domain/incident.js";
import type { Store } from "../store/index.js";
import type { ReportJournal } from "./report-journal.js";

/**
 * Only the shape the store needs to read back; restoreAggregator validates every field once, so
 * checking each field here too would double the cost of loading a large state.
 */
const SharedPartSchema = z.looseObject({ version: z.number() });
const ServicePartSchema = z.looseObject({ id: z.string() });

/** The aggregator saved in the store, or null when nothing was saved yet. */
export async function loadAggregator(store: Store, options?: AggregatorOptions): Promise<Aggregator | null> {
  const saved = await store.aggregatorState.load({ service: ServicePartSchema, shared: SharedPartSchema });
  if (saved === null || saved.shared === undefined) return null;
  return restoreAggregator({ ...saved.shared, services: [...saved.services.values()] }, options);
}

/** Writes aggregator state and incidents to the store, a little at a time. */
export interface AggregatorSaver {
  /**
   * Saves the incidents of `events`, then the services changed since the last save (all of them
   * after a failed save), the shared part and, when given, the stream `cursor` in one write.
   * Resolves with the ids of the services written.
   */
  save(events?: readonly IncidentEvent[], cursor?: string): Promise<{ services: string[] }>;
}

/** Options of createAggregatorSaver. */
export interface AggregatorSaverOptions {
  logger: Logger;
  /** The single process's report journal: trimmed of what a save made durable. */
  journal?: Pick<ReportJournal, "cut" | "saved">;
}

/**
 * The one saver of the aggregator, for the single process (with its journal) and the scaled worker
 * (with its stream cursor) alike; the key layout is the store's aggregator-state repository's.
 * Saves run one at a time. Incidents go first: they are upserts by id, so a crash before the state
 * write re-emits and re-saves them; an incident whose write failed is kept for the next save. A
 * failed save makes the next one write every service, because its delta is gone from the
 * aggregator's change tracking.
 */
export function createAggregatorSaver(
  store: Pick<Store, "aggregatorState" | "incidents">,
  aggregator: Aggregator,
  options: AggregatorSaverOptions,
): AggregatorSaver {
  const { logger, journal } = options;
  let full = true;
  // Latest state of each incident not yet written; kept across a failed save.
  const pending = new Map<string, Incident>();
  let chain: Promise<unknown> = Promise.resolve();
  const run = async (events: readonly IncidentEvent[], cursor: string | undefined) => {
    for (const event of events) pending.set(event.incident.id, event.incident);
    const incidents = [...pending.values()];
    if (incidents.length > 0) await store.incidents.saveMany(incidents);
    for (const incident of incidents) if (pending.get(incident.id) === incident) pending.delete(incident.id);
    const snapshot = aggregator.snapshot({ onlyChanged: !full });
    // In the same turn as the snapshot: every journalled report up to here is in it.
    const journalled = journal?.cut();
    const { services, ...shared } = snapshot;
    try {
      await store.aggregatorState.save({
        shared,
        services: services.map((s) => [s.id, s] as const),
        ...(cursor !== undefined ? { cursor } : {}),
      });
      full = false;
    } catch (error) {
      full = true;
      throw error;
    }
    if (journalled !== undefined) await journal?.saved(journalled);
    logger.debug({ services: services.length }, "aggregator state saved");
    return { services: services.map((s) => s.id) };
  };
  return {
    save: (events = [], cursor) => {
      const next = chain.then(() => run(events, cursor));
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
