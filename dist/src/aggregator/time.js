/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;
/** Minutes in one quarter-hour bucket. */
export const QUARTER_MINUTES = 15;
/** Hours in one week. */
export const WEEK_HOURS = 168;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Absolute minute number (minutes since the epoch) of a time in ms. */
export function minuteOf(at) {
    return Math.floor(at / MINUTE_MS);
}
/** Absolute hour number of an absolute minute. */
export function hourOfMinute(minute) {
    return Math.floor(minute / 60);
}
/** Absolute quarter-hour number of an absolute minute. */
export function quarterOfMinute(minute) {
    return Math.floor(minute / QUARTER_MINUTES);
}
/** Index of a value in a ring of `size` slots; works for negative numbers too. */
export function slot(index, size) {
    const r = index % size;
    return r < 0 ? r + size : r;
}
/** Hour of the week (0 = Monday 00:00 UTC … 167 = Sunday 23:00 UTC) of an absolute hour. */
export function hourOfWeek(hour) {
    // The epoch (1970-01-01) was a Thursday: 3 days after a Monday.
    return slot(hour + 72, WEEK_HOURS);
}
/** "Monday 14:00 UTC" for an absolute hour. */
export function hourOfWeekLabel(hour) {
    const how = hourOfWeek(hour);
    const day = DAY_NAMES[Math.floor(how / 24)] ?? "Monday";
    const hh = String(how % 24).padStart(2, "0");
    return `${day} ${hh}:00 UTC`;
}
/** ISO string of a time in ms. */
export function iso(at) {
    return new Date(at).toISOString();
}
//# sourceMappingURL=time.js.map