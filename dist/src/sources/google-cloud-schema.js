import { z } from "zod";
/**
 * Google's incidents JSON: status.cloud.google.com/incidents.json (schema published beside it as
 * incidents.schema.json) and the Google Workspace dashboard's identical
 * www.google.com/appsstatus/dashboard/incidents.json. A JSON array of every incident, newest
 * first, resolved ones included (they carry `end`).
 */
const NamedRefSchema = z.object({ title: z.string(), id: z.string() });
/** Outer check: an array of objects; only open incidents are then validated in full. */
export const GoogleIncidentListSchema = z.array(z.looseObject({ end: z.string().nullish() }));
/** One open incident, validated in full. */
export const GoogleIncidentSchema = z.object({
    id: z.string(),
    begin: z.string(),
    end: z.string().nullish(),
    modified: z.string(),
    external_desc: z.string(),
    most_recent_update: z.object({
        created: z.string(),
        modified: z.string().nullish(),
        when: z.string().nullish(),
        text: z.string(),
        status: z.string(),
    }),
    status_impact: z.enum(["SERVICE_INFORMATION", "SERVICE_DISRUPTION", "SERVICE_OUTAGE"]),
    severity: z.enum(["low", "medium", "high"]),
    service_name: z.string(),
    affected_products: z.array(NamedRefSchema).default([]),
    uri: z.string(),
    currently_affected_locations: z.array(NamedRefSchema).default([]),
});
//# sourceMappingURL=google-cloud-schema.js.map