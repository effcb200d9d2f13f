import { z } from "zod";
import { PROBLEMS, type Problem, ProblemSchema } from "./problems.js";

/** Where a crowd report entered the system. */
export const REPORT_SOURCES = ["discord", "api", "import"] as const;
export const ReportSourceSchema = z.enum(REPORT_SOURCES);
export type ReportSource = z.infer<typeof ReportSourceSchema>;

/**
 * A crowd report as it arrives at an edge (HTTP API, NDJSON import). `service` and `region` may be
 * any id, name or alias; they are resolved against the catalog before the report goes further.
 */
const AT_FORMAT = { offset: true } as const;
export const ReportInputSchema = z.object({
  service: z.string().min(1).max(100),
  region: z.string().min(1).max(60).optional(),
  problem: ProblemSchema.default("other"),
  at: z.iso.datetime(AT_FORMAT).optional(),
  reporter: z.string().min(1).max(200),
  /** Opaque id of the community the report came from; the reporter is its own origin when absent. */
  origin: z.string().min(1).max(200).optional(),
});
export type ReportInput = z.infer<typeof ReportInputSchema>;

const AT_PATTERN = z.regexes.datetime(AT_FORMAT);
const PROBLEM_SET: ReadonlySet<unknown> = new Set(PROBLEMS);

function text(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= max;
}

/**
 * The ReportInputSchema check for the plain case, without building zod's result: an import of a
 * million lines spends most of its validation time in zod otherwise. Returns the input as the
 * schema would (problem defaulted) when every field plainly fits, else null and the caller asks
 * the schema, which also explains what is wrong. Never accepts what the schema refuses (tested).
 */
export function plainReportInput(value: unknown): ReportInput | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!text(v.service, 100) || !text(v.reporter, 200)) return null;
  if (v.region !== undefined && !text(v.region, 60)) return null;
  if (v.origin !== undefined && !text(v.origin, 200)) return null;
  if (v.problem !== undefined && !PROBLEM_SET.has(v.problem)) return null;
  if (v.at !== undefined && !(typeof v.at === "string" && AT_PATTERN.test(v.at))) return null;
  return {
    service: v.service,
    region: v.region as string | undefined,
    problem: (v.problem ?? "other") as ReportInput["problem"],
    at: v.at as string | undefined,
    reporter: v.reporter,
    origin: v.origin as string | undefined,
  };
}

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
