import { LRUCache } from "lru-cache";
import type { ReplyFile } from "../domain/reply.js";

/** What one cached chart costs beside its PNG: the key, the alt text, the entry (an estimate, in bytes). */
const ENTRY_OVERHEAD = 512;

/** Counters of a chart cache since it was built. */
export interface ChartCacheStats {
  entries: number;
  /** Bytes the entries are counted at (PNG + alt text + overhead); never above `maxBytes`. */
  bytes: number;
  maxBytes: number;
  hits: number;
  /** Asks that found the chart being drawn for another answer and waited for that drawing. */
  joined: number;
  /** Charts drawn: one per key while it stays cached. */
  renders: number;
}

/**
 * Drawn charts by key, bounded in bytes (lru-cache: least recently used out first). A chart is a
 * pure function of its key (service, data minute, window, the data it shows, style), so every
 * answer and alert of that minute shares one drawing; asks for a key being drawn wait for that
 * drawing instead of starting another. "No picture" (null) is remembered too. Built once by the
 * app (no module-level cache): a part that draws charts is handed its instance.
 */
export class ChartCache {
  private readonly lru: LRUCache<string, { file: ReplyFile | null }>;
  private readonly drawing = new Map<string, Promise<ReplyFile | null>>();
  private readonly counts = { hits: 0, joined: 0, renders: 0 };

  constructor(readonly maxBytes: number) {
    this.lru = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (value, key) =>
        (value.file?.data.byteLength ?? 0) + 2 * (key.length + (value.file?.description?.length ?? 0)) + ENTRY_OVERHEAD,
    });
  }

  /** The cached chart for `key`, else `draw()`'s, cached. A failed drawing is not cached (the next ask tries again). */
  get(key: string, draw: () => Promise<ReplyFile | null>): Promise<ReplyFile | null> {
    const hit = this.lru.get(key);
    if (hit !== undefined) {
      this.counts.hits++;
      return Promise.resolve(hit.file);
    }
    const pending = this.drawing.get(key);
    if (pending !== undefined) {
      this.counts.joined++;
      return pending;
    }
    this.counts.renders++;
    const drawn = draw()
      .then((file) => {
        this.lru.set(key, { file });
        return file;
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawn);
    return drawn;
  }

  /** Whether `key` is cached (drawn, not only being drawn). */
  has(key: string): boolean {
    return this.lru.has(key);
  }

  stats(): ChartCacheStats {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize, maxBytes: this.maxBytes, ...this.counts };
  }
}
