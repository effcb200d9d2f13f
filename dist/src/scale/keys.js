/** The keys under `prefix` (`outage` in production, a unique one per test run). */
export function scaleKeys(prefix) {
    const k = (rest) => `${prefix}:scale:${rest}`;
    return {
        stream: k("reports"),
        group: "aggregator",
        lock: k("leader"),
        status: (id) => k(`board:status:${id}`),
        regions: (id) => k(`board:regions:${id}`),
        series: (id) => k(`board:series:${id}`),
        incidents: (id) => k(`board:incidents:${id}`),
        problems: k("board:problems"),
        allIncidents: k("board:incidents"),
        pattern: `${prefix}:scale:*`,
    };
}
//# sourceMappingURL=keys.js.map