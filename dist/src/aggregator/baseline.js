import { BASELINE_COLD_MINUTES, BASELINE_FLOOR_PER_HOUR, BASELINE_FULL_WEEKS, BASELINE_RECENT_HOURS, BASELINE_WEEKS, } from "./level-rules.js";
/** The window the level is judged on: the cold-start estimate only uses minutes before it. */
const BASELINE_WINDOW_MINUTES = 15;
import { hourOfMinute, WEEK_HOURS } from "./time.js";
function median(values) {
    if (values.length === 0)
        return 0;
    values.sort((a, b) => a - b);
    const mid = values.length >> 1;
    return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
/**
 * Usual reports per hour for a service at an absolute hour, learned from its own history. From
 * BASELINE_FULL_WEEKS weeks on: the same hour of the week over the past 4 weeks (the median of
 * three or four, the lower of two, so one outage at that hour last week does not hide the next).
 * Before that: the median of up to 24 full hours before it, blended half and half with a single
 * weekly sample. Hours spent in an incident count like any other: the medians outvote an outage
 * shorter than half their window, and a rate that lasts longer than that is the usual one (a flat
 * rate is not an outage, however high), so no incident keeps itself open by hiding its own hours.
 */
export function computeBaseline(counts, hour) {
    if (counts.head < 0)
        return { perHour: BASELINE_FLOOR_PER_HOUR, weeks: 0 };
    const firstFullHour = Math.ceil(counts.firstMinute / 60);
    const weekly = [];
    for (let k = 1; k <= BASELINE_WEEKS; k++) {
        const h = hour - k * WEEK_HOURS;
        if (h < firstFullHour)
            break;
        const v = counts.hour(h);
        if (v !== undefined)
            weekly.push(v);
    }
    const weeks = weekly.length;
    if (weeks >= BASELINE_FULL_WEEKS) {
        const usual = weeks >= 3 ? median(weekly) : Math.min(...weekly);
        return { perHour: Math.max(usual, BASELINE_FLOOR_PER_HOUR), weeks };
    }
    const recent = [];
    for (let k = 1; k <= BASELINE_RECENT_HOURS; k++) {
        const h = hour - k;
        if (h < firstFullHour)
            break;
        const v = counts.hour(h);
        if (v !== undefined)
            recent.push(v);
    }
    let usual;
    if (weeks > 0 && recent.length > 0)
        usual = (weekly[0] + median(recent)) / 2;
    else if (weeks > 0)
        usual = weekly[0];
    else if (recent.length > 0)
        usual = median(recent);
    else
        return { perHour: Number.NaN, weeks };
    return { perHour: Math.max(usual, BASELINE_FLOOR_PER_HOUR), weeks };
}
/** computeBaseline, cached per service for the last hour asked and invalidated when history changes. */
export function baselineOf(counts, hour) {
    if (counts.cacheHour === hour && counts.cacheVersion === counts.version)
        return counts.cacheValue;
    const value = computeBaseline(counts, hour);
    counts.cacheHour = hour;
    counts.cacheVersion = counts.version;
    counts.cacheValue = value;
    return value;
}
/** Usual reports per hour at an absolute hour (the floor while there is no full hour of history). */
export function baselineFor(counts, hour) {
    const perHour = baselineOf(counts, hour).perHour;
    return Number.isNaN(perHour) ? BASELINE_FLOOR_PER_HOUR : perHour;
}
/**
 * Usual reports per hour at the end of absolute minute `minute`. In a service's first hour, before
 * any full hour exists, the median minute before the 15-minute window stands in once there are
 * BASELINE_COLD_MINUTES of them, so a busy service starting cold learns its steady rate within the
 * hour; a burst on a service with less history than that is still judged against the floor.
 */
export function baselineAtMinute(counts, minute) {
    const perHour = baselineOf(counts, hourOfMinute(minute)).perHour;
    if (!Number.isNaN(perHour))
        return perHour;
    const to = minute - BASELINE_WINDOW_MINUTES;
    const from = Math.max(counts.firstMinute, to - 59);
    if (to - from + 1 < BASELINE_COLD_MINUTES)
        return BASELINE_FLOOR_PER_HOUR;
    const seen = [];
    for (let k = from; k <= to; k++)
        seen.push(counts.minute(k));
    return Math.max(median(seen) * 60, BASELINE_FLOOR_PER_HOUR);
}
/** Whether the usual rate at `minute` rests on less history than BASELINE_FULL_WEEKS weeks of that hour. */
export function littleHistoryAt(counts, minute) {
    if (counts === undefined || counts.head < 0)
        return true;
    return baselineOf(counts, hourOfMinute(minute)).weeks < BASELINE_FULL_WEEKS;
}
//# sourceMappingURL=baseline.js.map