import type { Incident } from "./incident.js";
import type { Level } from "./levels.js";
import type { Problem } from "./problems.js";
import type { IngestResult, ReportSource } from "./report.js";
import type { StatusReport } from "./status-report.js";
import { WINDOW_IDS, type WindowId } from "./windows.js";

/** Region breakdown windows offered by `/outage regions`. */
export const REGION_WINDOWS = WINDOW_IDS;
export type RegionWindow = WindowId;

/** One row of a region breakdown. */
export interface RegionRow {
  region: string;
  name: string;
  reports: number;
  share: number;
  /** Reports the same window usually sees for this region (0 when unknown). */
  usual: number;
}

/** Crowd counts per region over a window, plus status page components that name a place. */
export interface RegionBreakdown {
  serviceId: string;
  window: RegionWindow;
  total: number;
  rows: RegionRow[];
  /** The usual rate rests on little history yet: rows carry no usual (0) and nothing compares with one. */
  littleHistory?: boolean;
  officialComponents: { name: string; status: string; region: string }[];
}

/** One point of a chart series: reports in the bucket starting at `at`, and the usual count. */
export interface SeriesPoint {
  at: number;
  reports: number;
  usual: number;
  level: Level;
}

/** A report as a person or system offers it, before catalog resolution. */
export interface ReportOffer {
  service: string;
  region?: string | undefined;
  /** True when the region was guessed (from a Discord locale) rather than given. */
  regionInferred?: boolean;
  problem: Problem;
  /** Raw reporter id (Discord user id, API reporter id); hashed with the salt before it is kept. */
  reporter: string;
  /** Raw origin id (Discord guild id, API origin); hashed. The reporter when absent. */
  origin?: string | undefined;
  source: ReportSource;
  sourceName?: string | undefined;
  accountCreatedAt?: number | null;
  at: number;
}

/**
 * The read side every face uses: commands, HTTP API, alerts and charts. Async because a gateway
 * process of a scaled-out deployment reads it from Redis.
 */
export interface StatusBoard {
  /** Full status of one service (by catalog id) as of `at`. */
  status(serviceId: string, at: number): Promise<StatusReport>;
  /** Services not operational as of `at`, worst first. */
  problems(at: number): Promise<StatusReport[]>;
  regions(serviceId: string, window: RegionWindow, at: number): Promise<RegionBreakdown>;
  incidents(query: { serviceId?: string; state: "active" | "recent"; at: number; limit?: number }): Promise<Incident[]>;
  /** Reports per bucket over [from, to) against the usual level. */
  series(serviceId: string, from: number, to: number, stepMs: number): Promise<SeriesPoint[]>;
}

/** The write side for crowd reports: resolves names, hashes identities, counts or says why not. */
export interface ReportIntake {
  submit(offer: ReportOffer): Promise<IngestResult>;
  /**
   * The same for many offers, counted in order, resolved once all are durable: what a batch (an
   * import) uses where the intake has it, instead of a promise per report.
   */
  submitAll?(offers: readonly ReportOffer[]): Promise<IngestResult[]>;
}
