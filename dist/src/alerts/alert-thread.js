import { z } from "zod";
import { LevelSchema } from "../domain/levels.js";
/** One line of the short timeline an alert message keeps. */
export const TimelineEntrySchema = z.object({ at: z.number(), text: z.string() });
/**
 * The alert one channel sees for one outage of one service: a single message (edit mode) that
 * follows the crowd incident, the vendor's incidents and a quick re-open, until it is resolved.
 * Persisted before every send so a restart neither loses nor repeats it.
 */
export const AlertThreadSchema = z.object({
    /** `<first incident id>:<channel id>`. */
    id: z.string(),
    serviceId: z.string(),
    guildId: z.string(),
    channelId: z.string(),
    subscriptionId: z.string(),
    mode: z.enum(["edit", "post"]),
    roleId: z.string().nullable(),
    sendResolution: z.boolean(),
    /** Incidents (crowd and official) this thread follows, and which of them are still open. */
    incidentIds: z.array(z.string()),
    openIncidentIds: z.array(z.string()),
    level: LevelSchema,
    peakPerMinute: z.number(),
    startedAt: z.number(),
    resolvedAt: z.number().nullable(),
    timeline: z.array(TimelineEntrySchema),
    /** Bumped whenever what the message should say changes enough to be worth an edit. */
    desiredVersion: z.int(),
    sentVersion: z.int(),
    /** The message in the channel (edit mode: the one message; post mode: the latest one). */
    messageId: z.string().nullable(),
    /**
     * A send in flight: written before the request, cleared after. A restart that finds one repeats
     * the create with the same nonce, which Discord deduplicates (`enforce_nonce`).
     */
    pending: z.object({ version: z.int(), nonce: z.string(), kind: z.enum(["post", "edit"]) }).nullable(),
    lastSentAt: z.number().nullable(),
    sentLevel: LevelSchema.nullable(),
    sentPeakPerMinute: z.number(),
    attempts: z.int(),
    notBefore: z.number(),
    /** `active` until resolved and delivered; `dead` when delivery gave up (the dead-letter record). */
    state: z.enum(["active", "done", "dead"]),
    lastError: z.string().nullable(),
});
/** Keep the timeline short: the first entry and the most recent ones. */
export const TIMELINE_MAX = 8;
/** Append a timeline entry, dropping middle entries past TIMELINE_MAX. */
export function appendTimeline(timeline, entry) {
    const next = [...timeline, entry];
    if (next.length <= TIMELINE_MAX)
        return next;
    return [next[0], ...next.slice(next.length - (TIMELINE_MAX - 1))];
}
//# sourceMappingURL=alert-thread.js.map