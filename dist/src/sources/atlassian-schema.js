import { z } from "zod";
import { ComponentStatusSchema, IndicatorSchema } from "../domain/official.js";
/**
 * Atlassian Statuspage v2 `summary.json` (https://<page>/api/v2/summary.json), as published at
 * https://metastatuspage.com/api (and served in the same shape by incident.io-hosted pages).
 * Only the fields we use are required; unknown extra fields pass.
 */
const IncidentUpdateSchema = z.object({
    status: z.string(),
    body: z.string(),
    created_at: z.string(),
    display_at: z.string().nullish(),
    updated_at: z.string().nullish(),
});
const IncidentSchema = z.object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    impact: z.enum(["none", "minor", "major", "critical", "maintenance"]),
    created_at: z.string(),
    updated_at: z.string().nullish(),
    started_at: z.string().nullish(),
    shortlink: z.string().nullish(),
    incident_updates: z.array(IncidentUpdateSchema),
});
const MaintenanceSchema = IncidentSchema.extend({
    status: z.string(),
    scheduled_for: z.string().nullish(),
    scheduled_until: z.string().nullish(),
});
const ComponentSchema = z.object({
    id: z.string(),
    name: z.string(),
    status: ComponentStatusSchema,
    group_id: z.string().nullish(),
    group: z.boolean().optional(),
    position: z.number().optional(),
});
/** The validated `summary.json` payload. */
export const AtlassianSummarySchema = z.object({
    page: z.object({ id: z.string(), name: z.string(), url: z.string() }),
    status: z.object({ indicator: IndicatorSchema, description: z.string() }),
    components: z.array(ComponentSchema),
    incidents: z.array(IncidentSchema),
    scheduled_maintenances: z.array(MaintenanceSchema).default([]),
});
//# sourceMappingURL=atlassian-schema.js.map