import type { SeriesPoint } from "../domain/board.js";
import type { Incident, IncidentEvent } from "../domain/incident.js";
import type { Problem } from "../domain/problems.js";
import type { CrowdReport, IngestResult, ReportRejection } from "../domain/report.js";
import type { CrowdSuspicion } from "./crowd-weight.js";
import type { AggregatorSnapshot } from "./snapshot.js";
import type { CrowdVerdict } from "./verdict.js";

/** Tunables of the intake side; the level rules themselves live in level-rules.ts. */
export interface AggregatorOptions {
  /** One reporter counts once per service within this window (default 15 min). */
  dedupeWindowMs?: number;
  /** At most this many accepted reports per reporter per rate window, across services (default 10). */
  maxReportsPerReporter?: number;
  /** Rate-limit window (default 15 min). */
  rateWindowMs?: number;
  /** Reports further than this ahead of `now` are rejected as in the future (default 60 s). */
  maxFutureMs?: number;
  /** Weighted reports one API token may add to one service per hour, by token name (default: tokenCapPerHour). */
  tokenCaps?: Readonly<Record<string, number>>;
  /** The cap of tokens not named in `tokenCaps` (default DEFAULT_TOKEN_CAP_PER_HOUR, 1,000). */
  tokenCapPerHour?: number;
  /** Called (synchronously, during `ingest`) when a coordinated burst is suspected; must not throw. */
  onSuspicion?: ((suspicion: CrowdSuspicion) => void) | undefined;
}

/** Origins and API tokens the owner excluded from the crowd signal. */
export interface Exclusions {
  /** Salted origin hashes (`hashIdentity(salt, "origin", guildId)`). */
  origins: ReadonlySet<string> | readonly string[];
  /** API token names. */
  tokens: ReadonlySet<string> | readonly string[];
}

/** Counts of accepted and rejected reports since start (kept in snapshots). */
export interface IngestCounters {
  accepted: number;
  /** Reports that amended the problem of an earlier one (not counted again); absent before the first. */
  amended?: number;
  rejected: Partial<Record<ReportRejection, number>>;
}

/** Size of the live state, for metrics and logs. */
export interface AggregatorStats {
  services: number;
  reporters: number;
  openIncidents: number;
  /** Latest time seen (report, tick or `now`), epoch ms; 0 before any. */
  clock: number;
  /** Time of the last tick, epoch ms; 0 before any. */
  lastTick: number;
  counters: IngestCounters;
}

/** A query for incidents: open at `at`, or recent (started at or before `at`, newest first). */
export interface IncidentQuery {
  serviceId?: string | undefined;
  state: "active" | "recent";
  at: number;
  limit?: number | undefined;
}

/**
 * The pure crowd-report aggregator: counts, baselines, levels and incidents. No I/O and no clock:
 * every time comes in as an argument.
 */
export interface Aggregator {
  /** Counts one report, or says why not. `now`, when given, rejects reports from the future. */
  ingest(report: CrowdReport, now?: number): IngestResult;
  /**
   * Evaluates every finished minute up to `now` for services with new reports or open incidents
   * and returns the incident events, oldest first. Call once a minute (or once after a batch).
   */
  tick(now: number): IncidentEvent[];
  /** The crowd verdict (level, counts, baseline, reason) for a service as of `at`. */
  verdict(serviceId: string, at: number): CrowdVerdict;
  /** Since when the service has been above operational as of `at`, or null. */
  since(serviceId: string, at: number): number | null;
  /** Reports per region over the `windowMinutes` minutes ending at `at`, largest first (known regions only). */
  regionCounts(serviceId: string, windowMinutes: number, at: number): { region: string; reports: number }[];
  /** All reports (with a region or not) over the `windowMinutes` minutes ending at `at`, rounded. */
  reportCount(serviceId: string, windowMinutes: number, at: number): number;
  /** Reports per problem over the window, largest first (problems with reports only). */
  problemCounts(serviceId: string, windowMinutes: number, at: number): { problem: Problem; reports: number }[];
  /** Reports per bucket over [from, to) against the usual, with the level at each bucket's end. */
  series(serviceId: string, from: number, to: number, stepMs: number): SeriesPoint[];
  /** The incident open at `at`, else the latest one resolved within the hour before `at`, else null. */
  incident(serviceId: string, at: number): Incident | null;
  incidents(query: IncidentQuery): Incident[];
  /** Ids of services that have received reports (and are still kept). */
  serviceIds(): string[];
  stats(): AggregatorStats;
  /**
   * Replaces the exclusion set. Reports from an excluded origin or API token are refused from now
   * on (reason `excluded`); what a newly excluded one added to the last two quarter hours (tokens:
   * this hour) is taken back out of the level at once, and it leaves the distinct-origin count.
   */
  setExclusions(exclusions: Exclusions): void;
  /**
   * JSON-serialisable state. With `onlyChanged`, `services` holds only services changed since the
   * previous snapshot call (merge them over the stored ones by `id`).
   */
  snapshot(options?: { onlyChanged?: boolean }): AggregatorSnapshot;
}
