import { z } from "zod";
/**
 * status.io's public status API (`https://api.status.io/1.0/status/<page id>`, described at
 * https://kb.status.io/developers/public-status-api/): the page's overall status, its components
 * (`status`) each broken down by container (where it runs: a cloud, a data centre, a region),
 * the active incidents and the active and upcoming maintenance. Only the fields we use are
 * required; unknown extra fields pass.
 */
/** status.io status codes (https://kb.status.io/developers/status-codes/). */
export const STATUSIO_CODES = [100, 200, 300, 400, 500, 600];
export const StatusioCodeSchema = z.literal(STATUSIO_CODES);
const ContainerSchema = z.object({
    id: z.string().optional(),
    name: z.string(),
    status: z.string().optional(),
    status_code: StatusioCodeSchema,
    updated: z.string().nullish(),
});
const ComponentSchema = z
    .object({
    id: z.string().optional(),
    name: z.string(),
    status: z.string().optional(),
    // The component's own code is the worst of its containers; it is what is left when there are none.
    status_code: StatusioCodeSchema.optional(),
    containers: z.array(ContainerSchema).default([]),
    updated: z.string().nullish(),
})
    .refine((c) => c.containers.length > 0 || c.status_code !== undefined, {
    message: "a component needs a status_code or at least one container",
    path: ["status_code"],
});
const MessageSchema = z.object({
    details: z.string().nullish(),
    datetime: z.string(),
    /** Incident state: 100 investigating, 200 identified, 300 monitoring. */
    state: z.number().nullish(),
    /** The status code in force when the message was posted. */
    status: StatusioCodeSchema.nullish(),
});
const AffectedSchema = z.object({ _id: z.string().optional(), name: z.string() });
const EventSchema = z.object({
    _id: z.string(),
    name: z.string(),
    datetime_open: z.string(),
    messages: z.array(MessageSchema).default([]),
    components_affected: z.array(AffectedSchema).default([]),
    containers_affected: z.array(AffectedSchema).default([]),
});
const IncidentSchema = EventSchema.extend({
    /** Some pages also carry the incident's current code and a closing time (empty while open). */
    status_code: StatusioCodeSchema.nullish(),
    datetime_close: z.string().nullish(),
});
const MaintenanceSchema = EventSchema.extend({
    datetime_planned_start: z.string().nullish(),
    datetime_planned_end: z.string().nullish(),
});
/** The validated answer of the public status API. */
export const StatusioStatusSchema = z.object({
    result: z.object({
        status_overall: z.object({ status: z.string(), status_code: StatusioCodeSchema, updated: z.string().nullish() }),
        status: z.array(ComponentSchema),
        incidents: z.array(IncidentSchema).default([]),
        maintenance: z
            .object({ active: z.array(MaintenanceSchema).default([]), upcoming: z.array(MaintenanceSchema).default([]) })
            .default({ active: [], upcoming: [] }),
    }),
});
//# sourceMappingURL=statusio-schema.js.map