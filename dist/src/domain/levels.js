import { z } from "zod";
/** Service health levels, least to most severe. The order is the severity order. */
export const LEVELS = ["operational", "degraded", "partial_outage", "major_outage"];
export const LevelSchema = z.enum(LEVELS);
/** Severity rank of a level: 0 for operational up to 3 for major_outage. */
export function levelRank(level) {
    return LEVELS.indexOf(level);
}
/** The more severe of two levels. */
export function worstLevel(a, b) {
    return levelRank(a) >= levelRank(b) ? a : b;
}
/** Words people read for each level. */
export const LEVEL_LABELS = {
    operational: "Operational",
    degraded: "Degraded",
    partial_outage: "Partial outage",
    major_outage: "Major outage",
};
/** Embed colour per level (Okabe-Ito hues: told apart without relying on red vs green alone). */
export const LEVEL_COLORS = {
    operational: 0x009e73,
    degraded: 0xf0e442,
    partial_outage: 0xe69f00,
    major_outage: 0xd55e00,
};
/** A mark before the level words, distinct in shape so the level reads without colour. */
export const LEVEL_MARKS = {
    operational: "✅",
    degraded: "⚠️",
    partial_outage: "🟠",
    major_outage: "🔴",
};
/** The level in a sentence after the service's name: "X has a partial outage." */
export const LEVEL_PHRASES = {
    operational: "is operational",
    degraded: "looks degraded",
    partial_outage: "has a partial outage",
    major_outage: "has a major outage",
};
//# sourceMappingURL=levels.js.map