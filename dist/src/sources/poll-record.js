import { z } from "zod";
import { OfficialSnapshotSchema } from "../domain/official.js";
import { SourceErrorSchema } from "./source-error.js";
/** The poller's memory of one service's status page, as kept in the store. Times are epoch ms. */
export const PollRecordSchema = z.object({
    serviceId: z.string(),
    /** What the page said at its last good fetch; null when it never answered well. */
    snapshot: OfficialSnapshotSchema.nullable(),
    lastGoodAt: z.number().nullable(),
    lastAttemptAt: z.number().nullable(),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    /** Failed polls in a row (0 after a good one). */
    failures: z.int().min(0),
    /** The error of the last poll, null when it went well. */
    lastError: SourceErrorSchema.nullable(),
    nextPollAt: z.number(),
});
/** The record of a page that has not been polled yet. */
export function emptyPollRecord(serviceId, nextPollAt) {
    return {
        serviceId,
        snapshot: null,
        lastGoodAt: null,
        lastAttemptAt: null,
        etag: null,
        lastModified: null,
        failures: 0,
        lastError: null,
        nextPollAt,
    };
}
//# sourceMappingURL=poll-record.js.map