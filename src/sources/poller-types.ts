import type { Catalog } from "../catalog/types.js";
import type { OfficialIncidentEvent, OfficialStatus } from "../domain/official.js";
import type { Service, StatusPage } from "../domain/service.js";
import type { RegionOf } from "./component-regions.js";
import type { PollRecord } from "./poll-record.js";
import type { PollTiming } from "./poll-state.js";
import type { SourceRegistry } from "./registry.js";
import type { FetchFn, HttpLimits } from "./source.js";
import type { SourceError } from "./source-error.js";

/** Where poll records are kept between runs (src/store/official-status-repo.ts fits). */
export interface PollRecordStore {
  getMany(serviceIds: readonly string[]): Promise<(PollRecord | undefined)[]>;
  save(record: PollRecord): Promise<void>;
}

/** Timers, injectable so tests can drive the loop. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The logging the poller does (a pino logger fits). */
export interface PollerLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A service's status page found elsewhere (or on another platform) after its old one stopped reading. */
export interface StatusPageMove {
  serviceId: string;
  from: StatusPage;
  to: StatusPage;
  /** Epoch ms the move was seen. */
  at: number;
}

/** Options of createPoller. */
export interface PollerOptions {
  catalog: Pick<Catalog, "all" | "get">;
  /** node-fetch, passed in. */
  fetch: FetchFn;
  now: () => number;
  logger: PollerLogger;
  repo?: PollRecordStore | undefined;
  /** Called after every poll of a page with what the status report should now show. */
  onStatus?: ((serviceId: string, official: OfficialStatus) => void | Promise<void>) | undefined;
  /** Called with official incident events (opened/updated/resolved) as they are seen. */
  onEvents?: ((events: OfficialIncidentEvent[]) => void | Promise<void>) | undefined;
  /**
   * Finds a service's page again (src/sources/probe.ts) when it stopped reading: called after
   * `reprobeAfterFailures` unreadable answers in a row (parse errors, 404, 410), then after 2×, 4×, …
   * as many. A different page returned replaces the old one for every service sharing it.
   */
  reprobe?: ((service: Service, page: StatusPage) => Promise<StatusPage | null>) | undefined;
  /** Unreadable answers in a row before the first probe (default 2, so one bad answer is not a move). */
  reprobeAfterFailures?: number;
  /** Called once per service when its page moved (after the move is logged). */
  onPageMoved?: ((move: StatusPageMove) => void | Promise<void>) | undefined;
  /** Pages fetched at once (default 8). */
  concurrency?: number;
  /** Poll interval when the catalog gives none (default 60 s). */
  defaultIntervalSeconds?: number;
  /** Snapshots older than this many intervals are stale (default 3). */
  staleAfterIntervals?: number;
  limits?: Partial<HttpLimits>;
  timing?: Omit<PollTiming, "intervalMs">;
  sources?: SourceRegistry;
  regionOf?: RegionOf;
  random?: () => number;
  scheduler?: Scheduler;
}

/** What one poll of one page did, for `outage-bot poll` to print. */
export interface PollOutcome {
  serviceId: string;
  result: "updated" | "unchanged" | "not_modified" | "error";
  official: OfficialStatus;
  /** Readable lines: indicator, component and incident changes. Empty when nothing changed. */
  changes: string[];
  events: OfficialIncidentEvent[];
  error: SourceError | null;
  nextPollAt: number;
}

/** The official status page poller: one per process. */
export interface Poller {
  /** Polls the given services (default: every service with a status page) now, and says what changed. Ids without a status page are skipped. */
  pollOnce(serviceIds?: readonly string[]): Promise<PollOutcome[]>;
  /** The official status of a service at `at` for the status board; null when it has no (pollable) status page. */
  official(serviceId: string, at: number): OfficialStatus | null;
  /** Restores records from the repo (call before start). */
  load(): Promise<void>;
  /** Starts polling each page on its own schedule. */
  start(): void;
  /** Stops the timers, cancels fetches in flight and waits for them. */
  stop(): Promise<void>;
}
