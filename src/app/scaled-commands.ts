import type { Logger } from "pino";
import type { CommandContext } from "../../commands/context.js";
import { type CommandRunner, createCommandRunner } from "../../commands/runner.js";
import type { SubscriptionRepo } from "../alerts/alert-repos.js";
import { ChartCache } from "../charts/chart-cache.js";
import type { Config } from "../config.js";
import type { Metrics } from "../metrics/metrics.js";
import { createGatewayContext } from "../scale/gateway-context.js";
import { closeRedis, connectRedis } from "../scale/redis-connection.js";
import type { ScaleBase } from "../scale/scale-context.js";
import type { StopSteps } from "./run-role.js";
import { serveHttp } from "./serve-http.js";

/** What openScaledCommands needs. */
export interface ScaledCommandsOptions {
  base: ScaleBase;
  config: Config;
  logger: Logger;
  now: () => number;
  metrics: Metrics;
  /** Given where the subscription commands work (where alerts go out, or a gateway whose workers send them). */
  subscriptions?: SubscriptionRepo;
  /** The name of the Redis connection's stop step (logged when the stop runs out of time). */
  stepName: string;
}

/** The commands of a scaled role: context over the Redis board, the one runner, and its HTTP server. */
export interface ScaledCommands {
  ctx: CommandContext;
  runner: CommandRunner;
  /** Serves HTTP_PORT over this context and runner (nothing without HTTP_PORT), its close registered in `stops`. */
  serveHttp(stops: StopSteps): Promise<void>;
}

/**
 * Opens the command side of a gateway or worker the same way in both: a Redis connection (its
 * close registered in `stops`), the command context over the board the leading worker publishes and
 * the shared report stream, and the one command runner every transport of the process answers through.
 */
export async function openScaledCommands(options: ScaledCommandsOptions, stops: StopSteps): Promise<ScaledCommands> {
  const { base, config, logger, now, metrics } = options;
  const client = await connectRedis({ url: config.STORE_URL, logger, timeoutMs: config.STORE_TIMEOUT_MS });
  stops.add(options.stepName, () => closeRedis(client));
  const ctx = createGatewayContext({
    base,
    client,
    logger,
    now,
    cacheMs: config.BOARD_CACHE_MS,
    chartCache: new ChartCache(config.CHART_CACHE_MB * 1024 * 1024),
    streamMaxLen: config.REPORT_STREAM_MAX_LEN,
  });
  const runner = createCommandRunner({
    ctx,
    metrics,
    ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
  });
  return {
    ctx,
    runner,
    serveHttp: (into) =>
      serveHttp(
        { config, ctx, runner, metrics, logger, health: [{ name: "store", run: () => base.store.ping() }] },
        into,
      ),
  };
}
