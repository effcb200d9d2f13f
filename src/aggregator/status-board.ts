import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { RegionBreakdown, SeriesPoint, StatusBoard } from "../domain/board.js";
import type { Incident } from "../domain/incident.js";
import { levelRank } from "../domain/levels.js";
import { type OfficialStatus, officialAsOf } from "../domain/official.js";
import type { StatusReport } from "../domain/status-report.js";
import { dataTime, WINDOWS } from "../domain/windows.js";
import { apportion } from "./apportion.js";
import { type CombineLevel, combineOfficial } from "./combine.js";
import { iso } from "./time.js";
import type { Aggregator } from "./types.js";

/** Regions listed on a status report. */
const STATUS_REGIONS = 10;
/** The row for reports that named no region, so the rows add up to the window's total. */
export const UNKNOWN_REGION = "unknown";
const UNKNOWN_REGION_NAME = "Region not given";

/** What the status board reads from. */
export interface StatusBoardDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  aggregator: Aggregator;
  /** The vendor's own status as of `at`, or null (none known yet, or no status page). */
  official?: (serviceId: string, at: number) => OfficialStatus | null;
  /** Where the official status is combined into the level (default: combineLevel of src/sources). */
  combine?: CombineLevel;
}

const share = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 1000 : 0);

const largestFirst = <T extends { reports: number }>(rows: T[], key: (r: T) => string) =>
  rows.sort((a, b) => b.reports - a.reports || (key(a) < key(b) ? -1 : 1));

/**
 * Reports per region over a window, with reports that named no region as one more row, so the
 * rows add up to the same total the status gives for that window. Largest first.
 */
function regionRowsWithTotal(
  aggregator: Aggregator,
  serviceId: string,
  minutes: number,
  at: number,
): { rows: { region: string; reports: number }[]; total: number } {
  const known = aggregator.regionCounts(serviceId, minutes, at);
  const total = aggregator.reportCount(serviceId, minutes, at);
  const unknown = total - known.reduce((sum, r) => sum + r.reports, 0);
  const rows = unknown >= 0 ? [...known, { region: UNKNOWN_REGION, reports: unknown }] : apportion(known, total);
  return {
    rows: largestFirst(
      rows.filter((r) => r.reports > 0),
      (r) => r.region,
    ),
    total,
  };
}

/** Reports per problem over a window, fitted to the window's exact total. */
function problemRowsWithTotal(aggregator: Aggregator, serviceId: string, minutes: number, at: number) {
  const rows = apportion(
    aggregator.problemCounts(serviceId, minutes, at),
    aggregator.reportCount(serviceId, minutes, at),
  );
  return largestFirst(rows, (r) => r.problem);
}

const regionName = (deps: StatusBoardDeps, region: string) =>
  region === UNKNOWN_REGION ? UNKNOWN_REGION_NAME : deps.regions.name(region);

/**
 * One service's status report as of `at`: exactly the StatusReport shape. Counts cover the minutes
 * that ended by `at` (`dataTime`), the incident is as the tracker knew it then, so nothing dated
 * after `at` is in it.
 */
export function buildStatusReport(deps: StatusBoardDeps, serviceId: string, at: number): StatusReport {
  const { aggregator } = deps;
  const dt = dataTime(at);
  const crowd = aggregator.verdict(serviceId, dt);
  const official = officialAsOf(deps.official?.(serviceId, at) ?? null, at);
  const combined = (deps.combine ?? combineOfficial)(crowd, official);
  const hour = WINDOWS["1h"].minutes;
  const regions = regionRowsWithTotal(aggregator, serviceId, hour, dt);
  const problemRows = problemRowsWithTotal(aggregator, serviceId, hour, dt);
  const problemTotal = problemRows.reduce((s, p) => s + p.reports, 0);
  const incident = aggregator.incident(serviceId, at);
  // An open incident dates the trouble; else the crowd's first elevated minute; when the official
  // page alone sets the level, the crowd has no start time: "since" is then `at`.
  const open = incident !== null && incident.resolvedAt === null ? incident.startedAt : null;
  const since = combined.level === "operational" ? null : (open ?? aggregator.since(serviceId, dt) ?? at);
  return {
    service: { id: serviceId, name: deps.catalog.get(serviceId)?.name ?? serviceId },
    level: combined.level,
    reason: combined.reason,
    since: since === null ? null : iso(since),
    asOf: iso(at),
    maintenance: combined.maintenance,
    crowd: {
      last15m: crowd.last15,
      lastHour: crowd.lastHour,
      baselineHour: crowd.baselineHour,
      ratio: crowd.littleHistory ? null : crowd.ratio,
      guilds: crowd.originsHour,
      suspected: crowd.suspected,
      littleHistory: crowd.littleHistory,
    },
    regions: regions.rows.slice(0, STATUS_REGIONS).map((r) => ({
      region: r.region,
      name: regionName(deps, r.region),
      reports: r.reports,
      share: share(r.reports, regions.total),
    })),
    problems: problemRows.map((p) => ({
      problem: p.problem,
      reports: p.reports,
      share: share(p.reports, problemTotal),
    })),
    incident: incident === null ? null : incidentView(incident),
    official,
  };
}

function incidentView(incident: Incident): NonNullable<StatusReport["incident"]> {
  return {
    id: incident.id,
    startedAt: iso(incident.startedAt),
    peakAt: iso(incident.peakAt),
    peakPerMinute: incident.peakPerMinute,
    level: incident.level,
    resolvedAt: incident.resolvedAt === null ? null : iso(incident.resolvedAt),
  };
}

/** The StatusBoard over an in-process aggregator (the read side every face uses). */
export function createStatusBoard(deps: StatusBoardDeps): StatusBoard {
  return {
    async status(serviceId, at) {
      return buildStatusReport(deps, serviceId, at);
    },

    async problems(at) {
      const ids = new Set(deps.aggregator.serviceIds());
      if (deps.official) for (const s of deps.catalog.all()) ids.add(s.id);
      const reports: StatusReport[] = [];
      for (const id of ids) {
        // Cheap pre-check: without an official page, a quiet crowd means operational.
        if (!deps.official && deps.aggregator.verdict(id, dataTime(at)).level === "operational") continue;
        const report = buildStatusReport(deps, id, at);
        if (report.level !== "operational") reports.push(report);
      }
      return reports.sort(
        (a, b) =>
          levelRank(b.level) - levelRank(a.level) ||
          (b.crowd.ratio ?? 0) - (a.crowd.ratio ?? 0) ||
          b.crowd.last15m - a.crowd.last15m ||
          (a.service.id < b.service.id ? -1 : 1),
      );
    },

    async regions(serviceId, window, at): Promise<RegionBreakdown> {
      const minutes = WINDOWS[window].minutes;
      const dt = dataTime(at);
      const { rows, total } = regionRowsWithTotal(deps.aggregator, serviceId, minutes, dt);
      // Usual per region: the usual rate for the window, split by each region's share of the last 24 h.
      const day = regionRowsWithTotal(deps.aggregator, serviceId, WINDOWS["24h"].minutes, dt);
      const dayShare = new Map(day.rows.map((r) => [r.region, day.total > 0 ? r.reports / day.total : 0]));
      const verdict = deps.aggregator.verdict(serviceId, dt);
      // With little history the usual is a guess: no region is compared with it.
      const usualWindow = verdict.littleHistory ? 0 : (verdict.baselineHour * minutes) / 60;
      const official = officialAsOf(deps.official?.(serviceId, at) ?? null, at);
      return {
        serviceId,
        window,
        total,
        rows: rows.map((r) => ({
          region: r.region,
          name: regionName(deps, r.region),
          reports: r.reports,
          share: share(r.reports, total),
          usual: Math.round(usualWindow * (dayShare.get(r.region) ?? 0) * 10) / 10,
        })),
        ...(verdict.littleHistory ? { littleHistory: true } : {}),
        officialComponents: (official?.components ?? [])
          .filter((c) => c.region !== null)
          .map((c) => ({ name: c.name, status: c.status, region: c.region! })),
      };
    },

    async incidents(query) {
      return deps.aggregator.incidents(query);
    },

    async series(serviceId, from, to, stepMs): Promise<SeriesPoint[]> {
      return deps.aggregator.series(serviceId, from, to, stepMs);
    },
  };
}
