import { formatCount, formatTimes, reportsText } from "../domain/format.js";
import { BASELINE_FLOOR_PER_HOUR, LEVEL_ORDER, LEVEL_THRESHOLDS, levelForWindow, maxLevelForOrigins, ORIGIN_LEVEL_RULES, } from "./level-rules.js";
const words = (level) => level.replace("_", " ");
const DEGRADED = LEVEL_THRESHOLDS[LEVEL_THRESHOLDS.length - 1];
/**
 * The verdict in words, generated from the rule that decided the level (level-rules.ts): the
 * 15-minute rate, the 5-minute check, the minimum count, or the distinct-origin cap. Every ratio it
 * names is the last 15 minutes against the usual for 15 minutes, as the status shows it.
 */
export function explainVerdict(v) {
    if (v.lastHour === 0)
        return "No reports in the last hour.";
    const expected15 = Math.max(v.baselineHour, BASELINE_FLOOR_PER_HOUR) / 4;
    const ratio = v.last15 / expected15;
    const by15 = levelForWindow(v.weighted15, expected15);
    const by5 = levelForWindow(v.weighted5 * 3, expected15);
    const rate = `${reportsText(v.last15)} in the last 15 min, ${formatTimes(ratio)} the usual for ${v.usualFor}`;
    const hour = `${formatCount(v.lastHour)} in the last hour`;
    if (v.level !== "operational") {
        let why = `${rate} (${hour}).`;
        if (LEVEL_ORDER[by5] < LEVEL_ORDER[by15] && by5 === v.level) {
            why += ` Easing: the last 5 minutes alone (${formatCount(v.last5)}) point to ${words(by5)}.`;
        }
        return why + diversityNote(v.level, v.origins);
    }
    if (v.last15 === 0)
        return `No reports in the last 15 min (${hour}).`;
    if (by15 === "operational") {
        if (ratio < DEGRADED.minRatio) {
            return `${rate} (${hour}): below the ${DEGRADED.minRatio}× that makes a problem.`;
        }
        const held = v.weighted15 < v.last15 ? ", after suspect reports are held back," : "";
        return `${rate} (${hour}), but that is${held} too few to call a problem: it takes at least ${DEGRADED.minReports15m} in 15 min.`;
    }
    if (by5 === "operational") {
        return `Reports have stopped: ${formatCount(v.last5)} in the last 5 min after ${formatCount(v.last15)} in the last 15 min (${hour}).`;
    }
    if (maxLevelForOrigins(v.origins) === "operational")
        return `${rate} (${hour}), from no countable source.`;
    return `${rate} (${hour}).`;
}
/**
 * Why the level is no higher, when the number of distinct origins is what holds it:
 * " Reports from one server only: partial outage needs reports from at least 5." Empty when
 * diversity is not the limit.
 */
export function diversityNote(level, origins) {
    if (level === "operational" || level === "major_outage")
        return "";
    const next = ORIGIN_LEVEL_RULES.find((r) => LEVEL_ORDER[r.level] === LEVEL_ORDER[level] + 1);
    if (next === undefined || origins >= next.minOrigins)
        return "";
    const from = origins <= 1 ? "Reports from one server only" : `Reports from only ${origins} servers`;
    return ` ${from}: ${words(next.level)} needs reports from at least ${next.minOrigins}.`;
}
//# sourceMappingURL=verdict-reason.js.map