/**
 * Records one status page poll: counts it by result and sets the page's staleness. Fits the
 * poller's `onStatus(serviceId, official)` callback.
 */
export function observeOfficialStatus(metrics, serviceId, official) {
    metrics.sourcePolls.inc({ service: serviceId, result: official.error ? "error" : official.stale ? "stale" : "ok" });
    if (official.ageSeconds !== null)
        metrics.sourceStaleness.set({ service: serviceId }, official.ageSeconds);
}
//# sourceMappingURL=observe.js.map