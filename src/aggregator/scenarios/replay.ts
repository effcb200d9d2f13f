import { formatCount } from "../../domain/format.js";
import type { IncidentEvent } from "../../domain/incident.js";
import type { Level } from "../../domain/levels.js";
import { createAggregator } from "../aggregator.js";
import { iso, MINUTE_MS } from "../time.js";
import type { Aggregator } from "../types.js";
import { getScenario, SCENARIOS } from "./index.js";
import { createMinuteGenerator, type ExpectedOutage, type Scenario } from "./model.js";
import { createRandom } from "./prng.js";

/** One incident of a replay, from open to close. */
export interface TimelineEntry {
  incidentId: string;
  serviceId: string;
  startedAt: number;
  /** When the "opened" event fired. */
  openedAt: number;
  peakAt: number;
  peakPerMinute: number;
  level: Level;
  resolvedAt: number | null;
  /** When the "resolved" event fired. */
  closedAt: number | null;
  totalReports: number;
  regions: { region: string; reports: number }[];
  problems: { problem: string; reports: number }[];
}

/** What a replay returns: the incident timeline, every event, and the aggregator to question further. */
export interface ReplayResult {
  scenario: { name: string; description: string; start: number; end: number };
  expected: readonly ExpectedOutage[];
  timeline: TimelineEntry[];
  events: IncidentEvent[];
  reports: { offered: number; accepted: number; rejected: Record<string, number> };
  aggregator: Aggregator;
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Called for each incident event as the replay produces it. */
  onEvent?: (event: IncidentEvent) => void;
  /** Aggregator to feed (default: a new one). */
  aggregator?: Aggregator;
}

/**
 * Feeds a scenario through the aggregator minute by minute (ingest that minute's reports, then
 * tick at its end) after preloading its warm-up history, and returns the incident timeline.
 * Throws on an unknown scenario name, listing the known ones.
 */
export function runReplay(name: string | Scenario, options: ReplayOptions = {}): ReplayResult {
  const scenario = typeof name === "string" ? getScenario(name) : name;
  if (scenario === undefined)
    throw new Error(`unknown scenario "${String(name)}"; try one of: ${SCENARIOS.join(", ")}`);
  const agg = options.aggregator ?? createAggregator();
  const generate = createMinuteGenerator(scenario, createRandom(scenario.seed));
  const reports = { offered: 0, accepted: 0, rejected: {} as Record<string, number> };
  const events: IncidentEvent[] = [];
  const feed = (minute: number) => {
    const now = (minute + 1) * MINUTE_MS;
    for (const r of generate(minute)) {
      reports.offered++;
      const res = agg.ingest(r, now);
      if (res.accepted) reports.accepted++;
      else reports.rejected[res.reason] = (reports.rejected[res.reason] ?? 0) + 1;
    }
  };
  const take = (list: IncidentEvent[]) => {
    for (const e of list) {
      events.push(e);
      options.onEvent?.(e);
    }
  };
  const first = Math.floor(scenario.start / MINUTE_MS);
  const last = Math.floor(scenario.end / MINUTE_MS) - 1;
  for (let m = first - scenario.warmupDays * 1440; m < first; m++) feed(m);
  take(agg.tick(scenario.start));
  for (let m = first; m <= last; m++) {
    feed(m);
    take(agg.tick((m + 1) * MINUTE_MS));
  }
  return {
    scenario: { name: scenario.name, description: scenario.description, start: scenario.start, end: scenario.end },
    expected: scenario.expected,
    timeline: buildTimeline(events),
    events,
    reports,
    aggregator: agg,
  };
}

function buildTimeline(events: IncidentEvent[]): TimelineEntry[] {
  const byId = new Map<string, TimelineEntry>();
  for (const e of events) {
    const inc = e.incident;
    let entry = byId.get(inc.id);
    if (entry === undefined) {
      entry = { incidentId: inc.id, serviceId: inc.serviceId, openedAt: e.at } as TimelineEntry;
      byId.set(inc.id, entry);
    }
    Object.assign(entry, {
      startedAt: inc.startedAt,
      peakAt: inc.peakAt,
      peakPerMinute: inc.peakPerMinute,
      level: inc.level,
      resolvedAt: inc.resolvedAt,
      closedAt: e.kind === "resolved" ? e.at : null,
      totalReports: inc.totalReports,
      regions: inc.regions.slice(0, 5),
      problems: inc.problems,
    });
  }
  return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt);
}

const hhmm = (at: number) => iso(at).slice(11, 16);

/** The timeline as lines for a terminal: when each incident opened, peaked and closed. */
export function formatTimeline(result: ReplayResult): string[] {
  const lines = [
    `${result.scenario.name}: ${result.scenario.description}`,
    `${formatCount(result.reports.accepted)} reports counted of ${formatCount(result.reports.offered)} offered` +
      (Object.keys(result.reports.rejected).length > 0
        ? ` (rejected: ${Object.entries(result.reports.rejected)
            .map(([k, v]) => `${k} ${formatCount(v)}`)
            .join(", ")})`
        : ""),
  ];
  if (result.timeline.length === 0) lines.push("No incident.");
  for (const e of result.timeline) {
    const regions = e.regions.map((r) => `${r.region} ${formatCount(r.reports)}`).join(", ");
    lines.push(
      `${e.serviceId} ${e.incidentId}: started ${iso(e.startedAt)}, opened ${hhmm(e.openedAt)} ` +
        `(+${Math.round((e.openedAt - e.startedAt) / MINUTE_MS)} min), peaked ${hhmm(e.peakAt)} at ` +
        `${formatCount(e.peakPerMinute)}/min, worst ${e.level}, ` +
        (e.closedAt === null
          ? "still open"
          : `resolved ${hhmm(e.resolvedAt ?? e.closedAt)} (closed ${hhmm(e.closedAt)})`) +
        `; ${formatCount(e.totalReports)} reports; top regions ${regions}`,
    );
  }
  return lines;
}
