import { z } from "zod";

/** Service health levels, least to most severe. The order is the severity order. */
export const LEVELS = ["operational", "degraded", "partial_outage", "major_outage"] as const;
export const LevelSchema = z.enum(LEVELS);
/** A service health level. */
export type Level = z.infer<typeof LevelSchema>;

/** Severity rank of a level: 0 for operational up to 3 for major_outage. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The more severe of two levels. */
export function worstLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** Words people read for each level. */
export const LEVEL_LABELS: Record<Level, string> = {
  operational: "Operational",
  degraded: "Degraded",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};
