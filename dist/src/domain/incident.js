import { z } from "zod";
import { LevelSchema } from "./levels.js";
import { ProblemSchema } from "./problems.js";
/** A detected outage of one service, from open to resolved. Times are epoch milliseconds. */
export const IncidentSchema = z.object({
    id: z.string(),
    serviceId: z.string(),
    startedAt: z.number(),
    peakAt: z.number(),
    peakPerMinute: z.number(),
    /** Worst level reached. */
    level: LevelSchema,
    /** Level now (operational once resolved). */
    currentLevel: LevelSchema,
    updatedAt: z.number(),
    resolvedAt: z.number().nullable(),
    totalReports: z.number(),
    regions: z.array(z.object({ region: z.string(), reports: z.number() })),
    problems: z.array(z.object({ problem: ProblemSchema, reports: z.number() })),
});
const isoTime = z.iso.datetime();
/** An incident as JSON answers give it (`ask --json`, `/api/incidents`): times as ISO 8601 strings. */
export const IncidentJsonSchema = IncidentSchema.extend({
    startedAt: isoTime,
    peakAt: isoTime,
    updatedAt: isoTime,
    resolvedAt: isoTime.nullable(),
});
/** The JSON form of an incident: the same fields, times in ISO 8601. */
export function incidentJson(incident) {
    const iso = (ms) => new Date(ms).toISOString();
    return {
        ...incident,
        startedAt: iso(incident.startedAt),
        peakAt: iso(incident.peakAt),
        updatedAt: iso(incident.updatedAt),
        resolvedAt: incident.resolvedAt === null ? null : iso(incident.resolvedAt),
    };
}
export const INCIDENT_EVENT_KINDS = ["opened", "escalated", "deescalated", "updated", "resolved"];
//# sourceMappingURL=incident.js.map