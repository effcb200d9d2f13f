/**
 * Token buckets per key: each key may spend `perMinute` units a minute, with bursts up to a
 * minute's worth. Time comes in as an argument. `perMinute` 0 turns the limit off.
 */
export function createRateLimiter(perMinute) {
    const buckets = new Map();
    const perMs = perMinute / 60_000;
    return (key, cost, now) => {
        if (perMinute <= 0)
            return { allowed: true };
        // A request larger than the burst could never pass; it is charged the whole bucket instead.
        const charge = Math.min(cost, perMinute);
        const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
        bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
        bucket.at = now;
        buckets.set(key, bucket);
        if (bucket.tokens >= charge) {
            bucket.tokens -= charge;
            return { allowed: true };
        }
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil((charge - bucket.tokens) / perMs / 1000)) };
    };
}
//# sourceMappingURL=rate-limit.js.map