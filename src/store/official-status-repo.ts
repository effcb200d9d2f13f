import { z } from "zod";
import { type PollRecord, PollRecordSchema } from "../sources/poll-record.js";
import type { KvScope } from "./kv-scope.js";

/** A page not polled for this long (service gone from the catalog) is forgotten. */
export const OFFICIAL_RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The status page poller's records (last good snapshot, validators, errors, schedule), by service id. */
export interface OfficialStatusRepo {
  get(serviceId: string): Promise<PollRecord | undefined>;
  /** Records in the order of `serviceIds`; undefined where none is kept or it can no longer be read. */
  getMany(serviceIds: readonly string[]): Promise<(PollRecord | undefined)[]>;
  save(record: PollRecord): Promise<void>;
}

/** OfficialStatusRepo over its key space (`store.scope("official")`). */
export function createOfficialStatusRepo(kv: KvScope): OfficialStatusRepo {
  // Read leniently: a record this version cannot read only costs one fresh poll, so it is skipped, not fatal.
  const readable = (raw: unknown): PollRecord | undefined => {
    const parsed = PollRecordSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    get: async (serviceId) => readable(await kv.get(serviceId, z.unknown())),
    getMany: async (serviceIds) => {
      if (serviceIds.length === 0) return [];
      return (await kv.getMany(serviceIds, z.unknown())).map(readable);
    },
    save: (record) => kv.set(record.serviceId, record, OFFICIAL_RECORD_TTL_MS),
  };
}
