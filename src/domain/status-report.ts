import { z } from "zod";
import { LevelSchema } from "./levels.js";
import { OfficialStatusSchema } from "./official.js";
import { ProblemSchema } from "./problems.js";

/** Held-back crowd reports, by reason (issue 9 fills these). */
export const SuspectedSchema = z.object({ reason: z.string(), reports: z.number() });

/**
 * The answer to "is it down?" for one service: the JSON of `ask --json`, the HTTP API and tests.
 * Times are ISO 8601 strings (documented in docs/JSON.md).
 */
export const StatusReportSchema = z.object({
  service: z.object({ id: z.string(), name: z.string() }),
  level: LevelSchema,
  reason: z.string(),
  /** Since when the service has been at a level other than operational; null when operational. */
  since: z.iso.datetime().nullable(),
  asOf: z.iso.datetime(),
  maintenance: z.boolean().default(false),
  crowd: z.object({
    last15m: z.number(),
    lastHour: z.number(),
    baselineHour: z.number(),
    /** Last 15 minutes against the usual for 15 minutes; null while there is little history (no usual to compare with). */
    ratio: z.number().nullable(),
    guilds: z.number().default(0),
    suspected: z.array(SuspectedSchema).default([]),
    /** The usual rate rests on little history yet (under two weeks of this hour): not quoted as "usual". */
    littleHistory: z.boolean().default(false),
  }),
  regions: z.array(z.object({ region: z.string(), name: z.string(), reports: z.number(), share: z.number() })),
  problems: z.array(z.object({ problem: ProblemSchema, reports: z.number(), share: z.number() })),
  incident: z
    .object({
      id: z.string(),
      startedAt: z.iso.datetime(),
      peakAt: z.iso.datetime(),
      peakPerMinute: z.number(),
      level: LevelSchema,
      resolvedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  official: OfficialStatusSchema.nullable(),
});
export type StatusReport = z.infer<typeof StatusReportSchema>;
