import { LEVELS } from "../domain/levels.js";
import { PROBLEMS } from "../domain/problems.js";
import { ESCALATE_AFTER_MINUTES, LEVEL_ORDER, OPEN_AFTER_MINUTES, RESOLVE_AFTER_MINUTES } from "./level-rules.js";
import { MINUTE_SLOTS } from "./service-counts.js";
import { MINUTE_MS, minuteOf } from "./time.js";
import { ratesAtMinute } from "./verdict.js";
/** Regions kept on an incident record (as the tracker keeps them). */
const TOP_REGIONS = 10;
/** When the tracker opened the incident: after its first OPEN_AFTER_MINUTES minutes had ended. */
export function openedAt(incident) {
    return incident.startedAt + OPEN_AFTER_MINUTES * MINUTE_MS;
}
/** When the tracker closed it: RESOLVE_AFTER_MINUTES quiet minutes after `resolvedAt`; null while open. */
export function closedAt(incident) {
    return incident.resolvedAt === null ? null : incident.resolvedAt + RESOLVE_AFTER_MINUTES * MINUTE_MS;
}
/**
 * The incident as the bot knew it at `at`: null before the tracker opened it; the whole record once
 * it was closed; else rebuilt from the minutes that had ended by `at` (peak, totals, regions,
 * problems, worst level by the escalation rule, level now = the crowd level of the last minute),
 * open, with nothing from after `at`. Beyond the kept 24 h of minutes the record is shown open
 * with its last known figures.
 */
export function incidentAsOf(incident, counts, at) {
    if (openedAt(incident) > at)
        return null;
    const closed = closedAt(incident);
    if (closed !== null && closed <= at)
        return { ...incident };
    const start = minuteOf(incident.startedAt);
    const last = minuteOf(at) - 1;
    if (start <= counts.head - MINUTE_SLOTS)
        return { ...incident, resolvedAt: null };
    let peak = 0;
    let peakMinute = start;
    let total = 0;
    let worst = 1;
    let now = 0;
    const recent = [];
    for (let k = start; k <= last; k++) {
        const c = counts.minute(k);
        total += c;
        if (c > peak) {
            peak = c;
            peakMinute = k;
        }
        now = LEVEL_ORDER[ratesAtMinute(counts, k).level];
        // Escalation needs ESCALATE_AFTER_MINUTES minutes at the higher level, as in the tracker.
        recent.push(now);
        if (recent.length > ESCALATE_AFTER_MINUTES)
            recent.shift();
        if (recent.length === ESCALATE_AFTER_MINUTES)
            worst = Math.max(worst, Math.min(...recent));
    }
    const problems = counts.problemTotals(start, last);
    return {
        ...incident,
        peakAt: peakMinute * MINUTE_MS,
        peakPerMinute: peak,
        level: LEVELS[Math.max(worst, now)],
        currentLevel: LEVELS[now],
        updatedAt: (last + 1) * MINUTE_MS,
        resolvedAt: null,
        totalReports: total,
        regions: counts.regionTotals(start, last).slice(0, TOP_REGIONS),
        problems: PROBLEMS.map((problem, i) => ({ problem, reports: problems[i] }))
            .filter((p) => p.reports > 0)
            .sort((a, b) => b.reports - a.reports),
    };
}
//# sourceMappingURL=incident-as-of.js.map