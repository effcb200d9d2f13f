import { z } from "zod";
/**
 * The counting windows every surface names: one definition, so "the last hour" is the same 60
 * minutes in the embed, the chart, the console, the JSON and the alerts.
 */
export const WINDOWS = {
    "15m": { minutes: 15, short: "15 min", long: "15 minutes" },
    "1h": { minutes: 60, short: "hour", long: "hour" },
    "6h": { minutes: 360, short: "6 h", long: "6 hours" },
    "24h": { minutes: 1440, short: "24 h", long: "24 hours" },
};
export const WINDOW_IDS = ["15m", "1h", "6h", "24h"];
export const WindowIdSchema = z.enum(WINDOW_IDS);
const MINUTE_MS = 60_000;
/**
 * The end of the data an answer "as of" `at` may use: the start of the minute `at` falls in.
 * Counts are per minute, so only minutes that ended by `at` are counted; nothing later leaks in.
 */
export function dataEnd(at) {
    return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}
/** The last millisecond of the last finished minute at `at` (what the aggregator's minute-inclusive queries take). */
export function dataTime(at) {
    return dataEnd(at) - 1;
}
/** Chart buckets of `stepMs` covering `spanMs` up to `at`: aligned start, end at the data end (the last bucket may be partial). */
export function seriesRange(at, spanMs, stepMs) {
    const to = dataEnd(at);
    const from = Math.floor((to - spanMs) / stepMs) * stepMs + stepMs;
    return { from, to };
}
//# sourceMappingURL=windows.js.map