const DEFAULT_STEP = 15 * 60_000;
/** Larger values are clamped: keeps the geometry finite without hiding that the value is huge. */
const MAX_VALUE = 1e15;
/** More buckets than pixels only costs render time: 7 days of 15-minute buckets is 672. */
export const MAX_POINTS = 2000;
const clampCount = (v) => (Number.isNaN(v) ? null : Math.min(Math.max(v, 0), MAX_VALUE));
/** Sorted, de-duplicated points with finite times (the latest MAX_POINTS); bad counts become gaps or 0. */
export function cleanPoints(points) {
    const byAt = new Map();
    for (const p of points) {
        if (!Number.isFinite(p.at) || Math.abs(p.at) > 8.64e15)
            continue;
        const reports = Number.isFinite(p.reports) || p.reports === Number.POSITIVE_INFINITY ? clampCount(p.reports) : null;
        const usual = Number.isFinite(p.usual) ? (clampCount(p.usual) ?? 0) : 0;
        byAt.set(p.at, { at: p.at, reports, usual, level: p.level });
    }
    const sorted = [...byAt.values()].sort((a, b) => a.at - b.at);
    return sorted.length > MAX_POINTS ? sorted.slice(-MAX_POINTS) : sorted;
}
/** Bucket length: the caller's, else the smallest gap between points, else 15 minutes. */
export function inferStep(points, given) {
    if (given !== undefined && Number.isFinite(given) && given > 0)
        return given;
    let step = Number.POSITIVE_INFINITY;
    for (let i = 1; i < points.length; i++)
        step = Math.min(step, points[i].at - points[i - 1].at);
    return Number.isFinite(step) && step > 0 ? step : DEFAULT_STEP;
}
/**
 * The "usual range" band around a usual count `u`: u ± 2√u, where counts arriving at the usual
 * rate fall about 95% of the time (Poisson noise). Wider than a fixed ±50% at low counts, where
 * noise dominates, and tighter at high counts, where a rise of a few percent is already real.
 */
export function usualBand(usual) {
    const u = Number.isFinite(usual) && usual > 0 ? usual : 0;
    const spread = 2 * Math.sqrt(u);
    return { low: Math.max(0, u - spread), high: u + spread };
}
/** True when nothing can be drawn: no point with a readable report count. */
export function hasNoData(points) {
    return !points.some((p) => p.reports !== null);
}
//# sourceMappingURL=series.js.map