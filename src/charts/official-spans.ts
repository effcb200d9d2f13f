import type { OfficialStatus } from "../domain/official.js";
import type { OfficialSpan } from "./schema.js";

const IMPACT_STATE = { minor: "degraded", major: "outage", critical: "outage", maintenance: "maintenance" } as const;

const parse = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/**
 * Strip spans from a vendor status page as kept in the store: each open incident from its start to
 * `now` (resolved ones to their last update), scheduled maintenance likewise. Incidents with no
 * impact or no start time are left out: a span is only drawn where the page dates it.
 */
export function officialSpans(official: OfficialStatus | null | undefined, now: number): OfficialSpan[] {
  if (!official) return [];
  const spans: OfficialSpan[] = [];
  for (const inc of [...official.incidents, ...official.maintenance]) {
    const impact = official.maintenance.includes(inc) ? "maintenance" : inc.impact;
    if (impact === "none") continue;
    const from = parse(inc.startedAt);
    if (from === null || from > now) continue;
    const done = inc.status === "resolved" || inc.status === "completed" || inc.status === "postmortem";
    const to = done ? (parse(inc.updatedAt) ?? now) : now;
    spans.push({ from, to: Math.max(to, from), state: IMPACT_STATE[impact] });
  }
  return spans;
}
