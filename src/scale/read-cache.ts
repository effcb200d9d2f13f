/** A tiny time-bounded cache with one fill in flight per key, so a burst of asks makes one Redis read. */
export interface ReadCache {
  get<T>(key: string, fill: () => Promise<T>): Promise<T>;
  clear(): void;
}

/** Entries live `ttlMs` by `now`; past `maxEntries` the oldest half is dropped. */
export function createReadCache(ttlMs: number, now: () => number, maxEntries = 10_000): ReadCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, fill: () => Promise<T>): Promise<T> {
      const t = now();
      const hit = entries.get(key);
      if (hit !== undefined && t - hit.at < ttlMs) return hit.value as Promise<T>;
      if (entries.size >= maxEntries) {
        let drop = Math.floor(maxEntries / 2);
        for (const k of entries.keys()) {
          if (drop-- <= 0) break;
          entries.delete(k);
        }
      }
      const value = fill();
      entries.set(key, { at: t, value });
      // A failed read is not kept: the next ask tries Redis again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear: () => entries.clear(),
  };
}
