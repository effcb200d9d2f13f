import { crowdAlertEvent } from "../alerts/crowd-alert-event.js";
import { alertDelivery } from "../app/alert-delivery.js";
import type { RunningAlerts } from "../app/alert-wiring.js";
import { crowdOptions, syncExclusions } from "../app/crowd-signal.js";
import { type Role, type RoleFrame, runRole } from "../app/run-role.js";
import { openScaledCommands } from "../app/scaled-commands.js";
import { createStatusParts } from "../app/status-parts.js";
import { openScaleBase } from "./scale-context.js";
import { createWorker } from "./worker.js";

/**
 * `outage-bot start --role worker`: contends for the leader lock; while leading, runs the
 * aggregator on the report stream, the status page poller and alert delivery, and publishes the
 * board gateways read. Other workers stand by and take over within LEADER_LOCK_TTL_MS.
 */
export function runWorkerRole(frame: RoleFrame): Promise<number> {
  return runRole(frame, runWorker);
}

/** The worker's parts, each registering its stop; runs until the process is to stop. */
async function runWorker(role: Role): Promise<void> {
  const { config, logger, now } = role;
  const base = await openScaleBase(role, "worker");
  const { catalog, regions, store, keys } = base;
  // The poller, board and alerts are wired as the single process wires them (status-parts.ts).
  const status = createStatusParts({ base, config, logger, now, metrics: role.metrics });
  const { poller } = status;
  // Alerts leave through the same delivery as the single process's, over a REST client of its own.
  const sender = alertDelivery(config);
  if (!sender) logger.warn("DISCORD_TOKEN is not set: this worker will not deliver alerts");

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
      if (sender) alerts = status.startAlerts({ board, sender });
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
  role.stops.add("worker (final checkpoint, lock release)", () => worker.stop());
  logger.info({ store: store.label }, "worker started; contending for the leader lock");
  if (config.HTTP_PORT !== undefined) {
    // The HTTP API answers from the board the leader publishes, as a gateway's does, whichever worker leads.
    const commands = await openScaledCommands(
      {
        base,
        config,
        logger,
        now,
        // Process metrics too: a worker is watched on /metrics like every role.
        metrics: role.metrics(),
        ...(sender ? { subscriptions: status.alertRepos.subscriptions } : {}),
        stepName: "redis connection (http)",
      },
      role.stops,
    );
    await commands.serveHttp(role.stops);
  }
  await role.untilStopped();
}
