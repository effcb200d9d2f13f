import { z } from "zod";
/**
 * Better Stack (Better Uptime) public status page JSON (`https://<page>/index.json`), a JSON:API
 * document: the page in `data`, its sections, resources (monitors), status reports and their
 * updates in `included`. Shaped from Better Stack's "JSON API status" documentation; only the
 * fields read are checked, and states are compared lower-cased (the API documents "Downtime").
 */
export const BETTERSTACK_STATES = ["operational", "degraded", "downtime", "maintenance"];
const lower = z.string().transform((s) => s.toLowerCase());
const State = lower.pipe(z.enum(BETTERSTACK_STATES));
/** A resource can also be `not_monitored`; a report that is over can say `resolved`. */
const ResourceState = lower.pipe(z.enum([...BETTERSTACK_STATES, "not_monitored"]));
const ReportState = lower.pipe(z.enum([...BETTERSTACK_STATES, "resolved"]));
export const BetterStackPageSchema = z.object({
    id: z.string(),
    type: z.literal("status_page"),
    attributes: z.object({
        company_name: z.string(),
        subdomain: z.string().nullish(),
        custom_domain: z.string().nullish(),
        announcement: z.string().nullish(),
        aggregate_state: State,
        updated_at: z.string().nullish(),
    }),
});
export const BetterStackSectionSchema = z.object({
    id: z.string(),
    type: z.literal("status_page_section"),
    attributes: z.object({ name: z.string().nullish() }),
});
export const BetterStackResourceSchema = z.object({
    id: z.string(),
    type: z.literal("status_page_resource"),
    attributes: z.object({
        public_name: z.string(),
        status: ResourceState,
        status_page_section_id: z.union([z.string(), z.number()]).nullish(),
    }),
});
export const BetterStackReportSchema = z.object({
    id: z.string(),
    type: z.literal("status_report"),
    attributes: z.object({
        title: z.string(),
        report_type: z.string(),
        starts_at: z.string().nullish(),
        ends_at: z.string().nullish(),
        aggregate_state: ReportState,
    }),
});
export const BetterStackUpdateSchema = z.object({
    id: z.string(),
    type: z.literal("status_update"),
    attributes: z.object({
        message: z.string().nullish(),
        published_at: z.string().nullish(),
        status_report_id: z.union([z.string(), z.number()]).nullish(),
    }),
});
const KINDS = {
    status_page_section: "sections",
    status_page_resource: "resources",
    status_report: "reports",
    status_update: "updates",
};
/** Sorts JSON:API's mixed `included` array by type, so each kind is checked by its own schema. */
function byType(raw) {
    if (typeof raw !== "object" || raw === null)
        return raw;
    const { included, ...rest } = raw;
    const sorted = { sections: [], resources: [], reports: [], updates: [] };
    if (Array.isArray(included)) {
        for (const item of included) {
            const type = item?.type;
            const kind = typeof type === "string" ? KINDS[type] : undefined;
            // Entities of other types (monitors' history, …) are not read.
            if (kind)
                sorted[kind].push(item);
        }
    }
    return { ...rest, ...sorted };
}
export const BetterStackIndexSchema = z.preprocess(byType, z.object({
    data: BetterStackPageSchema,
    sections: z.array(BetterStackSectionSchema),
    resources: z.array(BetterStackResourceSchema),
    reports: z.array(BetterStackReportSchema),
    updates: z.array(BetterStackUpdateSchema),
}));
//# sourceMappingURL=betterstack-schema.js.map