import { z } from "zod";
import { type Problem, ProblemSchema } from "./problems.js";

/** Where a crowd report entered the system. */
export const REPORT_SOURCES = ["discord", "api", "import"] as const;
export const ReportSourceSchema = z.enum(REPORT_SOURCES);
export type ReportSource = z.infer<typeof ReportSourceSchema>;

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
export type ReportInput = z.infer<typeof ReportInputSchema>;

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
export type CrowdReport = z.infer<typeof CrowdReportSchema>;

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
] as const;
export type ReportRejection = (typeof REPORT_REJECTIONS)[number];

/** A report that changed the problem of the same reporter's report counted earlier for the service (within 15 min). */
export interface Amendment {
  /** Problem the earlier report had. */
  from: Problem;
  /** Time the earlier report was counted at, epoch ms: it stays counted there, once. */
  countedAt: number;
}

/** The result of offering one report to the aggregator. */
export type IngestResult =
  /**
   * `queued`: handed to the shared report stream; the one aggregator counts it (or finds it a
   * duplicate) later. `amended`: it counted no new report but changed the earlier one's problem.
   */
  | { accepted: true; queued?: boolean; amended?: Amendment }
  | { accepted: false; reason: ReportRejection; message: string };
