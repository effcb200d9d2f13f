import { z } from "zod";
import type { KvScope } from "./kv-scope.js";

/** One imported file: the SHA-256 of its bytes, its name, when it was imported and what it added. */
export const ImportRecordSchema = z.object({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  at: z.number(),
  accepted: z.number(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/**
 * The identities of the reports one import held (see reportIdentity): sorted doubles as base64, the
 * file's name, and its newest report time (imports older than the history horizon are dropped).
 */
export const ImportIdentitiesSchema = z.object({ file: z.string(), newest: z.number(), ids: z.string() });
export type ImportIdentities = z.infer<typeof ImportIdentitiesSchema>;

/** Files `outage-bot ingest` has imported, by content, and the reports they held. Given `store.scope("imports")`. */
export interface ImportRepo {
  /** The earlier import of a file with these bytes, or null. */
  find(digest: string): Promise<ImportRecord | null>;
  record(record: ImportRecord): Promise<void>;
  /** The report identities of every import kept, newest import first. */
  identities(): Promise<ImportIdentities[]>;
  /** Keeps an import's report identities under `key`, and drops those of imports older than `horizonMs` before it. */
  recordIdentities(key: string, value: ImportIdentities, horizonMs: number): Promise<void>;
}

/** ImportRepo over its key space: one key per file digest, one per import's identities, and their index. */
export function createImportRepo(kv: KvScope): ImportRepo {
  const index = kv.index("identities");
  const idsKey = (key: string) => `ids:${key}`;
  return {
    find: async (digest) => (await kv.get(digest, ImportRecordSchema)) ?? null,
    record: (record) => kv.set(record.digest, record),
    async identities() {
      const keys = await index.members();
      const values = await kv.getMany(keys.map(idsKey), ImportIdentitiesSchema);
      return values.filter((v) => v !== undefined);
    },
    async recordIdentities(key, value, horizonMs) {
      await kv.set(idsKey(key), value);
      await index.add([{ id: key, score: value.newest }]);
      const keys = await index.members();
      const values = await kv.getMany(keys.map(idsKey), ImportIdentitiesSchema);
      const newest = Math.max(value.newest, ...values.map((v) => v?.newest ?? 0));
      const old = keys.filter((_, i) => (values[i]?.newest ?? 0) < newest - horizonMs);
      if (old.length > 0) {
        await index.remove(old);
        await kv.deleteMany(old.map(idsKey));
      }
    },
  };
}
