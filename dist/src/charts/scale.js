/** Nice ticks for a count axis: integer 1-2-5 steps, about `target` of them; `0..4` when all is zero. */
export function niceTicks(max, target = 4) {
    const safeMax = Number.isFinite(max) && max > 0 ? Math.min(max, Number.MAX_VALUE / 10) : 0;
    const raw = Math.max(safeMax / target, 1);
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const fraction = raw / magnitude;
    const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 && magnitude >= 10 ? 2.5 : fraction <= 5 ? 5 : 10;
    const step = nice * magnitude;
    const count = safeMax === 0 ? target : Math.max(1, Math.ceil(safeMax / step - 1e-9));
    const ticks = Array.from({ length: count + 1 }, (_, i) => i * step);
    return { top: count * step, step, ticks };
}
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];
/** Time ticks aligned to UTC (epoch multiples), at most `maxTicks` across [from, to]. */
export function timeTicks(from, to, maxTicks) {
    const span = Math.max(to - from, MINUTE);
    const step = TIME_STEPS.find((s) => span / s <= Math.max(maxTicks, 1)) ?? Math.ceil(span / maxTicks / DAY) * DAY;
    const ticks = [];
    for (let t = Math.ceil(from / step) * step; t <= to && ticks.length <= maxTicks; t += step)
        ticks.push(t);
    return { step, ticks };
}
/** Linear map from a domain to a pixel range; degenerate domains map to the range start. */
export function linear(d0, d1, r0, r1) {
    const span = d1 - d0;
    if (!(span > 0) || !Number.isFinite(span))
        return () => r0;
    return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}
//# sourceMappingURL=scale.js.map