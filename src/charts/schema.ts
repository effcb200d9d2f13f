import { z } from "zod";
import { REGION_WINDOWS } from "../domain/board.js";
import { LevelSchema } from "../domain/levels.js";

/**
 * Typed as a number for callers, but any value passes: NaN, ±Infinity or a non-number become NaN
 * and the chart skips them, so one bad bucket never costs the whole picture.
 */
const looseNumber = z.custom<number>(() => true).transform((v: unknown) => (typeof v === "number" ? v : Number.NaN));

const finiteOrNull = (v: number | null | undefined): number | null => (v != null && Number.isFinite(v) ? v : null);

/** A point as the aggregator's `StatusBoard.series` returns it (`SeriesPoint`). */
export const ChartPointSchema = z.object({
  at: looseNumber,
  reports: looseNumber,
  usual: looseNumber,
  level: LevelSchema.catch("operational"),
});

/** States of the official status strip along the time axis. */
export const OFFICIAL_STRIP_STATES = ["degraded", "outage", "maintenance"] as const;
export const OfficialSpanSchema = z.object({
  from: z.number(),
  to: z.number(),
  state: z.enum(OFFICIAL_STRIP_STATES),
});
const LooseSpanSchema = z.object({ from: looseNumber, to: looseNumber, state: z.enum(OFFICIAL_STRIP_STATES) });
/** A span of time the vendor's own status page was not fully operational. */
export type OfficialSpan = z.infer<typeof OfficialSpanSchema>;

/** Input of the status chart. Every field but the name, points and `now` is optional. */
export const StatusChartInputSchema = z.object({
  serviceName: z.string(),
  points: z.array(ChartPointSchema),
  /** Current time (epoch ms); the right edge of the chart when the points end before it. */
  now: z.number(),
  /** Bucket length; inferred from the points when absent (15 min when there is one point). */
  stepMs: z.number().positive().optional(),
  /** Marks the incident's start, peak and (when resolved) end. */
  incident: z
    .object({
      startedAt: looseNumber,
      peakAt: looseNumber.nullish(),
      resolvedAt: looseNumber.nullish(),
    })
    .nullish()
    // A start that is not a time (a Date.parse of a bad string) drops the marks, not the chart.
    .transform((inc) =>
      inc && Number.isFinite(inc.startedAt)
        ? { startedAt: inc.startedAt, peakAt: finiteOrNull(inc.peakAt), resolvedAt: finiteOrNull(inc.resolvedAt) }
        : null,
    ),
  /** The usual level rests on little history yet: the band is labelled a rough guess, not "usual". */
  littleHistory: z.boolean().optional(),
  /** Official status along the time axis; absent means "no strip". */
  official: z
    .array(LooseSpanSchema)
    .nullish()
    .transform((spans) =>
      spans == null ? null : spans.filter((x) => Number.isFinite(x.from) && Number.isFinite(x.to)),
    ),
  width: z.int().min(320).max(2000).optional(),
  height: z.int().min(200).max(1200).optional(),
});
/** Input of `buildStatusChartSvg` / `statusChart`. */
export type StatusChartInput = z.input<typeof StatusChartInputSchema>;
/** The input after validation. */
export type StatusChartData = z.output<typeof StatusChartInputSchema>;

/** One region row (a `RegionRow` from the aggregator fits). */
export const RegionBarSchema = z.object({
  region: z.string(),
  name: z.string(),
  reports: looseNumber,
  usual: looseNumber.optional(),
});

/** Input of the regions chart: a `RegionBreakdown` plus the service's display name. */
export const RegionsChartInputSchema = z.object({
  serviceName: z.string(),
  window: z.enum(REGION_WINDOWS).or(z.string()),
  rows: z.array(RegionBarSchema),
  /** The usual rests on little history yet: no change against it is written. */
  littleHistory: z.boolean().optional(),
  /** How many regions to draw (default 8); the rest are summed into "Other". */
  limit: z.int().min(1).max(20).optional(),
  width: z.int().min(320).max(2000).optional(),
});
/** Input of `buildRegionsChartSvg` / `regionsChart`. */
export type RegionsChartInput = z.input<typeof RegionsChartInputSchema>;
export type RegionsChartData = z.output<typeof RegionsChartInputSchema>;
