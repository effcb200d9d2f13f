import { z } from "zod";
import type { KvScope } from "./kv-scope.js";

/** Keys read per round trip when loading, so one call never carries thousands of keys. */
const LOAD_BATCH = 500;

/** What the aggregator saved: its shared part and one part per service. */
export interface SavedAggregatorState<S, G> {
  shared: G | undefined;
  services: Map<string, S>;
}

/** Changes to write: only the services that changed since the last save. */
export interface AggregatorStateChanges {
  shared?: unknown;
  services: Iterable<readonly [string, unknown]>;
  /** Services whose state is to be deleted. */
  removed?: readonly string[];
  /**
   * The position in an input stream this state reflects (a scaled worker's last applied report
   * stream entry): written in the same write as the state, so the two never disagree after a crash.
   */
  cursor?: string;
}

/** The key of the stream cursor saved with the state. */
const CURSOR_KEY = "stream";
const CursorSchema = z.object({ cursor: z.string() });

/**
 * The aggregator's state, one key per service plus a shared key and an index of services, so a
 * save writes only what changed and a restart loads it all back.
 */
export interface AggregatorStateRepo {
  /** Everything saved, checked against the given schemas; null when nothing was ever saved. */
  load<S extends z.ZodType, G extends z.ZodType>(schemas: {
    service: S;
    shared: G;
  }): Promise<SavedAggregatorState<z.output<S>, z.output<G>> | null>;
  /**
   * Writes the changed services, the shared part and the cursor in one store write (one Redis
   * MULTI/EXEC, one SQLite transaction); the index of services is extended first, so an indexed
   * id without a value is skipped on load, never the reverse.
   */
  save(changes: AggregatorStateChanges): Promise<void>;
  /** The cursor saved with the state, or undefined when none was. */
  cursor(): Promise<string | undefined>;
}

/** AggregatorStateRepo over its key space. */
export function createAggregatorStateRepo(kv: KvScope): AggregatorStateRepo {
  const services = kv.scope("svc");
  const index = kv.index("services");
  // Service ids known to be in the index, so a save adds only new ones.
  const indexed = new Set<string>();
  return {
    load: async (schemas) => {
      const ids = await index.members();
      const shared = await kv.get("shared", schemas.shared);
      if (ids.length === 0 && shared === undefined) return null;
      const result = new Map<string, z.output<typeof schemas.service>>();
      for (let start = 0; start < ids.length; start += LOAD_BATCH) {
        const batch = ids.slice(start, start + LOAD_BATCH);
        const values = await services.getMany(batch, schemas.service);
        batch.forEach((id, i) => {
          const value = values[i];
          if (value !== undefined) result.set(id, value);
          indexed.add(id);
        });
      }
      return { shared, services: result };
    },
    save: async (changes) => {
      const changed = [...changes.services];
      const added = changed.filter(([id]) => !indexed.has(id)).map(([id]) => ({ id, score: 0 }));
      if (added.length > 0) await index.add(added);
      for (const a of added) indexed.add(a.id);
      const entries = [
        ...changed.map(([id, value]) => ({ key: `svc:${id}`, value })),
        ...(changes.shared !== undefined ? [{ key: "shared", value: changes.shared }] : []),
        ...(changes.cursor !== undefined ? [{ key: CURSOR_KEY, value: { cursor: changes.cursor } }] : []),
      ];
      if (entries.length > 0) await kv.setMany(entries);
      if (changes.removed && changes.removed.length > 0) {
        await services.deleteMany(changes.removed);
        await index.remove(changes.removed);
        for (const id of changes.removed) indexed.delete(id);
      }
    },
    cursor: async () => (await kv.get(CURSOR_KEY, CursorSchema))?.cursor,
  };
}
