import { z } from "zod";
import type { Aggregator, AggregatorOptions } from "../aggregator/index.js";
import { loadAggregator } from "../app/aggregator-persistence.js";
import type { Incident, IncidentEvent } from "../domain/incident.js";
import type { Store } from "../store/index.js";
import { STREAM_START } from "./stream-id.js";

/** The key (in the aggregator state's key space) holding the id of the last stream entry applied. */
export const CURSOR_KEY = "stream";
const CursorSchema = z.object({ cursor: z.string() });

/** What a worker resumes from. */
export interface Resumed {
  /** The saved aggregator, or null when nothing was saved yet. */
  aggregator: Aggregator | null;
  /** Last stream entry whose report is in that state (`0-0` when none). */
  cursor: string;
}

/**
 * Saves the aggregator together with the stream position it reflects, in one transaction.
 *
 * Why this makes a replay exact: the changed services, the shared part (reporter dedupe memory,
 * counters) and the cursor go in ONE Redis MULTI/EXEC (KvScope.setMany → Keyv → @keyv/redis
 * `setMany`). After a crash the next leader loads state and cursor together and skips every
 * entry at or before the cursor, so an entry is counted exactly once whether or not it was
 * acknowledged before the crash. The keys are those of the store's aggregator-state repository
 * (`agg:svc:<id>`, `agg:shared`, index `agg:idx:services`), so `loadAggregator` reads them back.
 */
export interface Checkpointer {
  load(options?: AggregatorOptions): Promise<Resumed>;
  /** Writes the incidents of `events`, then the changed state and `cursor` atomically. */
  save(aggregator: Aggregator, cursor: string, events: readonly IncidentEvent[]): Promise<{ services: string[] }>;
}

/** A checkpointer over the store (Redis in a scaled deployment; atomic only there). */
export function createCheckpointer(store: Store): Checkpointer {
  const agg = store.scope("agg");
  const index = agg.index("services");
  const indexed = new Set<string>();
  // Until one save succeeded, write every service: a failed save's delta is gone from the aggregator.
  let full = true;
  return {
    async load(options) {
      const aggregator = await loadAggregator(store, options);
      const saved = await agg.get(CURSOR_KEY, CursorSchema);
      if (aggregator !== null) for (const id of aggregator.serviceIds()) indexed.add(id);
      full = true;
      return { aggregator, cursor: saved?.cursor ?? STREAM_START };
    },
    async save(aggregator, cursor, events) {
      // Incidents first: upserts by id, so a crash before the state write re-emits and re-saves them.
      const incidents = new Map<string, Incident>();
      for (const event of events) incidents.set(event.incident.id, event.incident);
      if (incidents.size > 0) await store.incidents.saveMany([...incidents.values()]);
      const snapshot = aggregator.snapshot({ onlyChanged: !full });
      const { services, ...shared } = snapshot;
      try {
        // Index before values: an indexed id without a value is skipped on load, never the reverse.
        const added = services.filter((s) => !indexed.has(s.id)).map((s) => ({ id: s.id, score: 0 }));
        if (added.length > 0) await index.add(added);
        for (const a of added) indexed.add(a.id);
        await agg.setMany([
          ...services.map((s) => ({ key: `svc:${s.id}`, value: s })),
          { key: "shared", value: shared },
          { key: CURSOR_KEY, value: { cursor } },
        ]);
        full = false;
      } catch (error) {
        full = true;
        throw error;
      }
      return { services: services.map((s) => s.id) };
    },
  };
}
