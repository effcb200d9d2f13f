import type { Logger } from "pino";
import { createCommandCharts } from "../../commands/charts.js";
import type { CommandCharts, CommandContext } from "../../commands/context.js";
import { type CommandRunner, createCommandRunner } from "../../commands/runner.js";
import { type Aggregator, createAggregator } from "../aggregator/index.js";
import type { AggregatorOptions } from "../aggregator/types.js";
import type { AlertSender } from "../alerts/alert-sender.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import { ChartCache } from "../charts/chart-cache.js";
import type { Config } from "../config.js";
import type { ReportIntake, StatusBoard } from "../domain/board.js";
import type { IncidentEvent } from "../domain/incident.js";
import type { OfficialIncidentEvent } from "../domain/official.js";
import { createReportIntake } from "../intake/report-intake.js";
import { meteredIntake } from "../metrics/metered-intake.js";
import type { Metrics } from "../metrics/metrics.js";
import type { Poller, StatusPageMove } from "../sources/poller.js";
import type { ProbeResult } from "../sources/probe.js";
import { type Store, StoreError } from "../store/index.js";
import { createAggregatorSaver, loadAggregator } from "./aggregator-persistence.js";
import type { AlertRepos, RunningAlerts } from "./alert-wiring.js";
import { createChartWarmer } from "./chart-warmer.js";
import { crowdOptions, type RunningExclusions, syncExclusions } from "./crowd-signal.js";
import { openBaseParts } from "./open-base.js";
import { processMetrics } from "./process-metrics.js";
import { openReportJournal, type ReportJournal } from "./report-journal.js";
import { createStatusParts } from "./status-parts.js";
import { createStatusProbe } from "./status-poller.js";

/** Options of createApp. */
export interface AppOptions {
  logger: Logger;
  /** The clock (Date.now by default); tests and `ask --at` pass a fixed one. */
  now?: () => number;
  /** How often changed state is saved; `null` saves only on flush/close (one-shot CLI commands). */
  persistEveryMs?: number | null;
  /** Reads the store and never writes it: no ticks saved, no save on close, reports refused (`ask`). */
  readOnly?: boolean;
  /**
   * false: accepted reports are not journalled (`ingest`). An import is made durable by its own
   * save at the end; journalled, a crashed import's first part would be replayed and then counted
   * again when the file is imported anew (its digest is recorded only once it is saved).
   */
  journalReports?: boolean;
  /** The process metrics of a running role (src/app/run-role.ts); made on first use when absent. */
  metrics?: () => Metrics;
}

/** Everything wired from the config: what the transports (Discord, console, HTTP, CLI) run on. */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly catalog: Catalog;
  readonly regions: RegionDirectory;
  readonly store: Store;
  readonly aggregator: Aggregator;
  readonly intake: ReportIntake;
  readonly board: StatusBoard;
  /** Official status pages: restored from the store at creation; `start` runs its schedule. */
  readonly poller: Poller;
  readonly metrics: Metrics;
  /** Subscriptions and alert threads in the store. */
  readonly alertRepos: AlertRepos;
  /** Chart pictures for answers and alerts, drawn once per chart and data minute into `chartCache`. */
  readonly charts: CommandCharts;
  readonly chartCache: ChartCache;
  /** The context command handlers get. */
  context(): CommandContext;
  /**
   * The one command runner every transport of this process answers through (gateway, HTTP
   * interactions, console); with `alerts`, the subscription commands work (a process that delivers alerts).
   */
  runner(alerts: boolean): CommandRunner;
  /** Listens to incident events (opened, escalated, resolved, …) as the aggregator emits them. */
  onIncidentEvents(listener: (events: readonly IncidentEvent[]) => void): () => void;
  /** Listens to official status-page incident events (opened, updated, resolved) as the poller sees them. */
  onOfficialEvents(listener: (events: readonly OfficialIncidentEvent[]) => void): () => void;
  /** Listens to status pages found moved (another platform or address) and switched to by the poller. */
  onPageMoved(listener: (move: StatusPageMove) => void): () => void;
  /**
   * Starts alert delivery through `sender`, fed with this app's incident events and the poller's
   * official events (a process that delivers alerts: the Discord bot).
   */
  startAlerts(sender: AlertSender): RunningAlerts;
  /** Finds how to poll a status page URL (address rules apply); `outage-bot add-service` uses it. */
  probe(url: string): Promise<ProbeResult>;
  /** Evaluates the finished minutes, then saves the changed state and incidents. */
  flush(): Promise<void>;
  /** Saves everything and closes the store. */
  close(): Promise<void>;
}

/** The intake of a read-only app: every report refused, nothing counted. */
function readOnlyIntake(): ReportIntake {
  return {
    submit: async () => ({
      accepted: false,
      reason: "invalid",
      message: "this is a read-only view of the store: reports are not taken here",
    }),
  };
}

/** The aggregator from the store, or a new one; stored state that cannot be read stops start-up. */
async function restoreOrCreate(store: Store, options: AggregatorOptions): Promise<Aggregator> {
  try {
    return (await loadAggregator(store, options)) ?? createAggregator(options);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      "invalid_value",
      `${store.label} holds aggregator state this version cannot read (${detail}): move it away or point STORE_URL elsewhere`,
      { cause: error },
    );
  }
}

/**
 * Opens the store, restores the aggregator from it and wires intake, board and the persistence
 * loop that saves changed state every SAVE_INTERVAL_MS and on close.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const now = options.now ?? (() => Date.now());
  const { catalog, regions, store, salt } = await openBaseParts(config, logger);
  let aggregator: Aggregator;
  let journal: ReportJournal;
  try {
    aggregator = await restoreOrCreate(store, crowdOptions(config, logger));
    // Reports acknowledged after the last save (a kill, a crash) are counted again from the journal.
    const opened = await openReportJournal(store.reportJournal, { aggregator, now });
    journal = opened.journal;
    if (opened.replayed > 0) logger.info({ replayed: opened.replayed }, "accepted reports replayed from the journal");
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  // Made on first use: a read-only app (`outage-bot ask`) counts nothing and skips loading prom-client.
  const metricsOf = options.metrics ?? processMetrics();
  const saver = createAggregatorSaver(store, aggregator, { logger, journal });
  const listeners = new Set<(events: readonly IncidentEvent[]) => void>();
  const emit = (events: readonly IncidentEvent[]) => {
    if (events.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        logger.error({ err: error }, "incident event listener failed");
      }
    }
  };
  const intake = options.readOnly
    ? readOnlyIntake()
    : meteredIntake(
        createReportIntake({
          catalog,
          regions,
          aggregator,
          salt,
          now,
          ...(options.journalReports === false ? {} : { journal }),
        }),
        metricsOf(),
      );
  // One-shot commands read them once; a running process keeps them current.
  const oneShot = options.readOnly || options.persistEveryMs === null;
  let exclusions: RunningExclusions;
  try {
    // `outage-bot exclude` writes to the store; a running bot picks it up within seconds.
    exclusions = await syncExclusions({
      aggregator,
      store,
      salt,
      config,
      logger,
      ...(oneShot ? { refreshEveryMs: null } : {}),
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  // The poller, board and alerts are wired as a leading worker wires them (status-parts.ts).
  const status = createStatusParts({ base: { catalog, regions, store }, config, logger, now, metrics: metricsOf });
  const { poller, alertRepos } = status;
  await poller.load();
  const board = status.board(aggregator);

  const flush = async () => {
    if (options.readOnly) return;
    const events = aggregator.tick(now());
    emit(events);
    await saver.save(events);
  };
  const interval = options.readOnly
    ? null
    : options.persistEveryMs === undefined
      ? config.SAVE_INTERVAL_MS
      : options.persistEveryMs;
  const timer =
    interval === null
      ? null
      : setInterval(() => {
          flush().catch((error: unknown) => logger.warn({ err: error }, "saving aggregator state failed; will retry"));
        }, interval);
  timer?.unref();
  // One cache of drawn charts for every answer and alert of this process.
  const chartCache = new ChartCache(config.CHART_CACHE_MB * 1024 * 1024);
  const charts = createCommandCharts(board, chartCache, logger);
  const warmer = createChartWarmer({ board, charts, cache: chartCache, now, logger });
  // Only a running bot answers rushes; one-shot commands (ask, ingest) draw nothing ahead.
  if (interval !== null) warmer.start();
  const context = (): CommandContext => ({ catalog, regions, board, intake, now, charts, log: logger });
  const runners = new Map<boolean, CommandRunner>();
  const runner = (alerts: boolean): CommandRunner => {
    let made = runners.get(alerts);
    if (!made) {
      made = createCommandRunner({
        ctx: context(),
        metrics: metricsOf(),
        ...(alerts ? { subscriptions: alertRepos.subscriptions } : {}),
      });
      runners.set(alerts, made);
    }
    return made;
  };
  const onIncidentEvents = (listener: (events: readonly IncidentEvent[]) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  let closing: Promise<void> | null = null;

  logger.debug(
    { store: store.label, services: catalog.all().length, restored: aggregator.stats().services },
    "app ready",
  );
  return {
    config,
    logger,
    catalog,
    regions,
    store,
    aggregator,
    intake,
    board,
    poller,
    get metrics() {
      return metricsOf();
    },
    alertRepos,
    charts,
    chartCache,
    context,
    runner,
    onOfficialEvents: status.onOfficialEvents,
    onPageMoved: status.onPageMoved,
    probe: createStatusProbe({ config, regions, now }),
    onIncidentEvents,
    startAlerts: (sender) => status.startAlerts({ board, sender, onIncidentEvents }),
    flush,
    close: () => {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        exclusions.stop();
        warmer.stop();
        try {
          await poller.stop();
          await flush();
        } finally {
          await store.close();
        }
      })();
      return closing;
    },
  };
}
