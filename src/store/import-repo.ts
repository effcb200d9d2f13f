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

/** Files `outage-bot ingest` has imported, by content. Given `store.scope("imports")`. */
export interface ImportRepo {
  /** The earlier import of a file with these bytes, or null. */
  find(digest: string): Promise<ImportRecord | null>;
  record(record: ImportRecord): Promise<void>;
}

/** ImportRepo over its key space: one key per file digest. */
export function createImportRepo(kv: KvScope): ImportRepo {
  return {
    find: async (digest) => (await kv.get(digest, ImportRecordSchema)) ?? null,
    record: (record) => kv.set(record.digest, record),
  };
}
