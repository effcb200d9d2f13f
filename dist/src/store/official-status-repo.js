import { z } from "zod";
import { PollRecordSchema } from "../sources/poll-record.js";
/** A page not polled for this long (service gone from the catalog) is forgotten. */
export const OFFICIAL_RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** OfficialStatusRepo over its key space (`store.scope("official")`). */
export function createOfficialStatusRepo(kv) {
    // Read leniently: a record this version cannot read only costs one fresh poll, so it is skipped, not fatal.
    const readable = (raw) => {
        const parsed = PollRecordSchema.safeParse(raw);
        return parsed.success ? parsed.data : undefined;
    };
    return {
        get: async (serviceId) => readable(await kv.get(serviceId, z.unknown())),
        getMany: async (serviceIds) => {
            if (serviceIds.length === 0)
                return [];
            return (await kv.getMany(serviceIds, z.unknown())).map(readable);
        },
        save: (record) => kv.set(record.serviceId, record, OFFICIAL_RECORD_TTL_MS),
    };
}
//# sourceMappingURL=official-status-repo.js.map