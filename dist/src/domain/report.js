import { z } from "zod";
import { ProblemSchema } from "./problems.js";
/** Where a crowd report entered the system. */
export const REPORT_SOURCES = ["discord", "api", "import"];
export const ReportSourceSchema = z.enum(REPORT_SOURCES);
/**
 * A crowd report as it arrives at an edge (HTTP API, NDJSON import). `service` and `region` may be
 * any id, name or alias; they are resolved against the catalog before the report goes further.
 */
export const ReportInputSchema = z.object({
    service: z.string().min(1).max(100),
    region: z.string().min(1).max(60).optional(),
    problem: ProblemSchema.default("other"),
    at: z.iso.datetime({ offset: true }).optional(),
    reporter: z.string().min(1).max(200),
    /** Opaque id of the community the report came from; the reporter is its own origin when absent. */
    origin: z.string().min(1).max(200).optional(),
});
/**
 * A validated, normalised crowd report: the only shape the aggregator accepts. Identities are
 * salted hashes; times are epoch milliseconds.
 */
export const CrowdReportSchema = z.object({
    serviceId: z.string(),
    /** ISO 3166-1 alpha-2 code, or null when unknown. */
    region: z.string().length(2).nullable(),
    regionInferred: z.boolean(),
    problem: ProblemSchema,
    at: z.number(),
    reporterHash: z.string(),
    originHash: z.string(),
    source: ReportSourceSchema,
    /** API token name or file name, for the logs and per-token caps. */
    sourceName: z.string().optional(),
    /** Epoch ms the reporter's account was created, when known (Discord snowflakes carry it). */
    accountCreatedAt: z.number().nullable().default(null),
});
/** Why a report was not counted. */
export const REPORT_REJECTIONS = [
    "unknown_service",
    "unknown_region",
    "invalid",
    "duplicate",
    "rate_limited",
    "excluded",
    "too_old",
    "in_future",
];
//# sourceMappingURL=report.js.map