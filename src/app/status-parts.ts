import type { Logger } from "pino";
import { type Aggregator, createStatusBoard } from "../aggregator/index.js";
import type { AlertSender } from "../alerts/alert-sender.js";
import type { Config } from "../config.js";
import type { StatusBoard } from "../domain/board.js";
import type { IncidentEvent } from "../domain/incident.js";
import type { OfficialIncidentEvent } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";
import type { Poller, StatusPageMove } from "../sources/poller.js";
import { type AlertRepos, createAlertRepos, type RunningAlerts, startAlerts } from "./alert-wiring.js";
import type { BaseParts } from "./open-base.js";
import { createStatusPoller } from "./status-poller.js";

/** What the status parts are built from. */
export interface StatusPartsDeps {
  base: Pick<BaseParts, "catalog" | "regions" | "store">;
  config: Pick<Config, "STATUS_POLL_CONTACT" | "STATUS_PAGES_ALLOW_PRIVATE">;
  logger: Logger;
  now: () => number;
  /** Read on first use: a process that never polls or alerts never makes the metrics. */
  metrics: () => Metrics;
}

/** Options of StatusParts.startAlerts. */
export interface StatusAlertsOptions {
  /** The board the alerts render from (the one over the aggregator that emits the crowd events). */
  board: StatusBoard;
  /** Delivers to Discord: `createChannelAlertSender(rest)`. */
  sender: AlertSender;
  /**
   * Where crowd incident events come from. Absent: the caller pushes them to the returned loop
   * itself and awaits them (a leading worker, before each checkpoint).
   */
  onIncidentEvents?: (listener: (events: readonly IncidentEvent[]) => void) => () => void;
}

/**
 * The official status, board and alert parts of every process that runs an aggregator (the single
 * process, a leading worker), wired once: the status page poller with its event fan-out, the board
 * over an aggregator and the poller's records, and the alerts fed by both.
 */
export interface StatusParts {
  readonly poller: Poller;
  readonly alertRepos: AlertRepos;
  /** The StatusBoard over `aggregator`, with the poller's official records merged at read time. */
  board(aggregator: Aggregator): StatusBoard;
  onOfficialEvents(listener: (events: readonly OfficialIncidentEvent[]) => void): () => void;
  onPageMoved(listener: (move: StatusPageMove) => void): () => void;
  /** Starts alert delivery over the store's repositories, fed with the poller's official events. */
  startAlerts(options: StatusAlertsOptions): RunningAlerts;
}

/** Builds the status parts (see StatusParts); the poller's state is not loaded yet (`poller.load()`). */
export function createStatusParts(deps: StatusPartsDeps): StatusParts {
  const { base, config, logger, now } = deps;
  const { catalog, regions, store } = base;
  const officialListeners = new Set<(events: readonly OfficialIncidentEvent[]) => void>();
  const moveListeners = new Set<(move: StatusPageMove) => void>();
  const poller = createStatusPoller({
    catalog,
    regions,
    store,
    config,
    logger,
    now,
    // Read when a poll is recorded, so a process that never polls never makes the metrics.
    get metrics() {
      return deps.metrics();
    },
    onEvents: (events) => {
      for (const listener of officialListeners) listener(events);
    },
    onPageMoved: (move) => {
      for (const listener of moveListeners) listener(move);
    },
  });
  const alertRepos = createAlertRepos(store);
  const onOfficialEvents = (listener: (events: readonly OfficialIncidentEvent[]) => void) => {
    officialListeners.add(listener);
    return () => officialListeners.delete(listener);
  };
  return {
    poller,
    alertRepos,
    board: (aggregator) =>
      createStatusBoard({ catalog, regions, aggregator, official: (id, at) => poller.official(id, at) }),
    onOfficialEvents,
    onPageMoved: (listener) => {
      moveListeners.add(listener);
      return () => moveListeners.delete(listener);
    },
    startAlerts: (options) =>
      startAlerts({
        app: {
          catalog,
          board: options.board,
          metrics: deps.metrics(),
          logger,
          onOfficialEvents,
          ...(options.onIncidentEvents ? { onIncidentEvents: options.onIncidentEvents } : {}),
        },
        repos: alertRepos,
        sender: options.sender,
        now,
      }),
  };
}
