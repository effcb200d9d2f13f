import { z } from "zod";
/** Atlassian-style page indicator, used as the common vocabulary of every status page source. */
export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"];
export const IndicatorSchema = z.enum(INDICATORS);
export const COMPONENT_STATUSES = [
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
];
export const ComponentStatusSchema = z.enum(COMPONENT_STATUSES);
export const OfficialComponentSchema = z.object({
    name: z.string(),
    status: ComponentStatusSchema,
    group: z.string().nullable(),
    /** ISO region the component's name points at (a data centre, a cloud region), when it names one. */
    region: z.string().length(2).nullable().default(null),
});
export const OfficialIncidentSchema = z.object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    impact: z.enum(["none", "minor", "major", "critical", "maintenance"]),
    startedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    latestUpdate: z.string().nullable(),
    url: z.string().nullable(),
});
/** What a vendor's own status page says, as kept in the store and shown in the status report. */
export const OfficialStatusSchema = z.object({
    indicator: IndicatorSchema.nullable(),
    description: z.string().nullable(),
    pageUrl: z.string().nullable(),
    components: z.array(OfficialComponentSchema),
    incidents: z.array(OfficialIncidentSchema),
    maintenance: z.array(OfficialIncidentSchema),
    /** ISO time of the last good fetch, null when the page never answered well. */
    fetchedAt: z.string().nullable(),
    stale: z.boolean(),
    /** Seconds since the last good fetch, null when there was none. */
    ageSeconds: z.number().nullable(),
    error: z.string().nullable(),
});
/** Status page content without freshness: what one good fetch of a page says. */
export const OfficialSnapshotSchema = OfficialStatusSchema.omit({
    fetchedAt: true,
    stale: true,
    ageSeconds: true,
    error: true,
});
/** Changes in a vendor's own incident, as the alerts consume them. */
export const OFFICIAL_INCIDENT_EVENT_KINDS = ["opened", "updated", "resolved"];
//# sourceMappingURL=official.js.map