const IMPACT_STATE = { minor: "degraded", major: "outage", critical: "outage", maintenance: "maintenance" };
const parse = (iso) => {
    if (iso === null)
        return null;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : t;
};
/**
 * Strip spans from a vendor status page as kept in the store: each open incident from its start to
 * `now` (resolved ones to their last update), scheduled maintenance likewise. Incidents with no
 * impact or no start time are left out: a span is only drawn where the page dates it.
 */
export function officialSpans(official, now) {
    if (!official)
        return [];
    const spans = [];
    for (const inc of [...official.incidents, ...official.maintenance]) {
        const impact = official.maintenance.includes(inc) ? "maintenance" : inc.impact;
        if (impact === "none")
            continue;
        const from = parse(inc.startedAt);
        if (from === null || from > now)
            continue;
        const done = inc.status === "resolved" || inc.status === "completed" || inc.status === "postmortem";
        const to = done ? (parse(inc.updatedAt) ?? now) : now;
        spans.push({ from, to: Math.max(to, from), state: IMPACT_STATE[impact] });
    }
    return spans;
}
//# sourceMappingURL=official-spans.js.map