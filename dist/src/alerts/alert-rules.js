export const DEFAULT_ALERT_RULES = {
    editCooldownMs: 60_000,
    minPeakGrowth: 0.25,
    reopenWindowMs: 30 * 60_000,
    maxEventAgeMs: 10 * 60_000,
    maxAttempts: 6,
    baseBackoffMs: 2_000,
    maxBackoffMs: 5 * 60_000,
};
/** Delay before retry number `attempt` (1-based), exponential and capped. */
export function backoffDelay(attempt, rules) {
    return Math.min(rules.maxBackoffMs, rules.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}
//# sourceMappingURL=alert-rules.js.map