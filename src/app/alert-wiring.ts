import type { Logger } from "pino";
import { createCommandCharts } from "../../commands/charts.js";
import type { CommandCharts } from "../../commands/context.js";
import { type AlertEngine, createAlertEngine } from "../alerts/alert-engine.js";
import type { AlertEvent } from "../alerts/alert-event.js";
import { type AlertLoop, startAlertLoop } from "../alerts/alert-loop.js";
import type { AlertRules } from "../alerts/alert-rules.js";
import type { AlertSender } from "../alerts/alert-sender.js";
import type { AlertThread } from "../alerts/alert-thread.js";
import { crowdAlertEvent } from "../alerts/crowd-alert-event.js";
import { officialAlertEvent } from "../alerts/official-alert-event.js";
import type { Catalog } from "../catalog/types.js";
import { ChartCache } from "../charts/chart-cache.js";
import type { StatusBoard } from "../domain/board.js";
import type { IncidentEvent } from "../domain/incident.js";
import type { OfficialIncidentEvent } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";

import type { AlertRepos } from "./alert-repos.js";

export { type AlertRepos, createAlertRepos } from "./alert-repos.js";

/** What the running alerts need from the app (App fits). */
export interface AlertSources {
  catalog: Catalog;
  board: StatusBoard;
  /** The process's charts (and their cache), so an alert attaches the picture its answers show. */
  charts?: CommandCharts;
  metrics: Metrics;
  logger: Logger;
  /** Absent: the caller pushes crowd events to the loop itself and awaits them (a leading worker, before each checkpoint). */
  onIncidentEvents?(listener: (events: readonly IncidentEvent[]) => void): () => void;
  onOfficialEvents(listener: (events: readonly OfficialIncidentEvent[]) => void): () => void;
}

/** Options of startAlerts. */
export interface StartAlertsOptions {
  app: AlertSources;
  repos: AlertRepos;
  /** Delivers to Discord: `createChannelAlertSender(bot.client.rest)`. */
  sender: AlertSender;
  now: () => number;
  rules?: AlertRules;
  concurrency?: number;
  /** Attach the status chart to each alert (default true). */
  charts?: boolean;
}

/** Running alerts: stop before the store closes. */
export interface RunningAlerts {
  engine: AlertEngine;
  loop: AlertLoop;
  /** Stops listening and sending; sends in flight finish and are recorded. */
  stop(): Promise<void>;
}

/** Bytes of drawn charts kept for alerts that come without the process's charts: a few per incident. */
const OWN_CHART_CACHE_BYTES = 16 * 1024 * 1024;

function ownCharts(app: AlertSources, logger: Logger): CommandCharts {
  return createCommandCharts(app.board, new ChartCache(OWN_CHART_CACHE_BYTES), logger);
}

/** Metric label of a delivered thread: what its latest message announced. */
function sentKind(thread: AlertThread): string {
  if (thread.resolvedAt !== null) return "resolved";
  return thread.sentVersion <= 1 ? "opened" : "updated";
}

/**
 * Starts the alert engine and its loop over the store's repositories, fed with the aggregator's
 * incident events (crowd) and the poller's status-page incident events (official). Its first pass
 * repeats any send a previous run left pending (same nonce: Discord answers with the same message).
 */
export function startAlerts(options: StartAlertsOptions): RunningAlerts {
  const { app, repos, sender, now } = options;
  const { metrics, logger } = app;
  const engine = createAlertEngine({
    subscriptions: repos.subscriptions,
    threads: repos.threads,
    catalog: app.catalog,
    board: app.board,
    sender,
    now,
    logger,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.charts === false ? {} : { chart: (app.charts ?? ownCharts(app, logger)).status }),
    onSent: (thread) => metrics.alertsSent.inc({ kind: sentKind(thread) }),
    onFailed: (_thread, kind) => metrics.alertsFailed.inc({ reason: kind }),
  });
  const loop = startAlertLoop({ engine, now, logger });
  const push = (events: AlertEvent[]) => {
    if (events.length > 0) void loop.push(events);
  };
  const offCrowd = app.onIncidentEvents?.((events) => push(events.map(crowdAlertEvent))) ?? (() => undefined);
  const offOfficial = app.onOfficialEvents((events) =>
    push(events.map(officialAlertEvent).filter((e): e is AlertEvent => e !== null)),
  );
  let stopping: Promise<void> | null = null;
  return {
    engine,
    loop,
    stop: () => {
      stopping ??= (async () => {
        offCrowd();
        offOfficial();
        await loop.stop();
      })();
      return stopping;
    },
  };
}
