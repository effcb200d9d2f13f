import { REST } from "discord.js";
import type { Logger } from "pino";
import { crowdAlertEvent } from "../alerts/crowd-alert-event.js";
import type { RunningAlerts } from "../app/alert-wiring.js";
import { crowdOptions, syncExclusions } from "../app/crowd-signal.js";
import { openScaledCommands } from "../app/scaled-commands.js";
import { createStatusParts } from "../app/status-parts.js";
import { type StopStep, stopExitCode, stopWithDeadline, untilAborted } from "../app/stop-with-deadline.js";
import type { Config } from "../config.js";
import { createChannelAlertSender } from "../discord/channel-alert-sender.js";
import { createMetrics } from "../metrics/metrics.js";
import { openScaleBase } from "./scale-context.js";
import { createWorker } from "./worker.js";

/** What `start --role worker` runs on. */
export interface WorkerRoleOptions {
  config: Config;
  logger: Logger;
  now: () => number;
  stop: AbortSignal;
}

/**
 * `outage-bot start --role worker`: contends for the leader lock; while leading, runs the
 * aggregator on the report stream, the status page poller and alert delivery, and publishes the
 * board gateways read. Other workers stand by and take over within LEADER_LOCK_TTL_MS.
 */
export async function runWorkerRole(options: WorkerRoleOptions): Promise<number> {
  const { config, logger, now } = options;
  const base = await openScaleBase(config, logger, "worker");
  const { catalog, regions, store, keys } = base;
  // Process metrics too: a worker is watched on /metrics like every role.
  const metrics = createMetrics({ defaultMetrics: true });
  // The poller, board and alerts are wired as the single process wires them (status-parts.ts).
  const status = createStatusParts({ base, config, logger, now, metrics: () => metrics });
  const { poller } = status;
  const rest = config.DISCORD_TOKEN
    ? new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN)
    : null;
  if (!rest) logger.warn("DISCORD_TOKEN is not set: this worker will not deliver alerts");

  const worker = createWorker({
    redisUrl: config.STORE_URL,
    keys,
    store,
    catalog,
    regions,
    logger,
    now,
    lockTtlMs: config.LEADER_LOCK_TTL_MS,
    // The same crowd rules as a single process: per-token caps, suspected raids logged.
    aggregatorOptions: crowdOptions(config, logger),
    makeBoard: (aggregator) => status.board(aggregator),
    duties: async ({ aggregator, board }) => {
      // Exclusions made with `outage-bot exclude` while another worker led apply from the start.
      const exclusions = await syncExclusions({ aggregator, store, salt: base.salt, config, logger });
      // The official records may have moved on while another worker led.
      await poller.load();
      if (config.POLL_STATUS_PAGES) poller.start();
      let alerts: RunningAlerts | null = null;
      // Crowd events are pushed below and awaited before each checkpoint.
      if (rest) alerts = status.startAlerts({ board, sender: createChannelAlertSender(rest) });
      return {
        onIncidentEvents: async (events) => {
          await alerts?.loop.push(events.map(crowdAlertEvent));
        },
        stop: async () => {
          exclusions.stop();
          await poller.stop();
          await alerts?.stop();
        },
      };
    },
  });
  worker.start();
  logger.info({ store: store.label }, "worker started; contending for the leader lock");
  // What the stop undoes, in order.
  const steps: StopStep[] = [
    { name: "worker (final checkpoint, lock release)", run: () => worker.stop() },
    { name: "store", run: () => store.close() },
  ];
  let failure: unknown = null;
  try {
    if (config.HTTP_PORT !== undefined) {
      // The HTTP API answers from the board the leader publishes, as a gateway's does, whichever worker leads.
      const commands = await openScaledCommands(
        {
          base,
          config,
          logger,
          now,
          metrics,
          ...(rest ? { subscriptions: status.alertRepos.subscriptions } : {}),
          stepName: "redis connection (http)",
        },
        steps,
      );
      await commands.serveHttp(steps);
    }
    await untilAborted(options.stop);
  } catch (error) {
    failure = error;
  }
  const outcome = await stopWithDeadline(steps, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
  if (failure !== null) throw failure;
  return stopExitCode(outcome);
}
