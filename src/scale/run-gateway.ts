import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { createAlertRepos } from "../app/alert-wiring.js";
import { openScaledCommands } from "../app/scaled-commands.js";
import { type StopStep, stopExitCode, stopWithDeadline, untilAborted } from "../app/stop-with-deadline.js";
import type { Config } from "../config.js";
import { createDiscordBot } from "../discord/index.js";
import { createMetrics } from "../metrics/metrics.js";
import { openScaleBase, RoleSetupError } from "./scale-context.js";
import { startShardManager } from "./shard-manager.js";

/** The executable each shard process runs: the one this process was started with (compiled or from source). */
const BIN = process.argv[1] ?? fileURLToPath(new URL("../bin/outage-bot.js", import.meta.url));

/** What `start --role gateway` runs on. */
export interface GatewayRoleOptions {
  config: Config;
  logger: Logger;
  now: () => number;
  stop: AbortSignal;
  /** The process environment (discord.js's ShardingManager marks its children in it). */
  env: NodeJS.ProcessEnv;
}

/**
 * `outage-bot start --role gateway`: with DISCORD_SHARDS, a ShardingManager that runs one
 * gateway process per shard; otherwise (or inside a shard) one discord.js client answering
 * commands from the board the worker publishes and queuing reports on the shared stream. The
 * HTTP API (HTTP_PORT) runs on the same context in the only gateway, or in shard 0.
 */
export async function runGatewayRole(options: GatewayRoleOptions): Promise<number> {
  const { config, logger, env } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new RoleSetupError("--role gateway needs DISCORD_TOKEN: a gateway is a Discord connection");
  const isShard = env.SHARDING_MANAGER === "true";
  if (!isShard && config.DISCORD_SHARDS !== undefined) {
    const shards = await startShardManager({
      file: BIN,
      args: ["start", "--role", "gateway"],
      token,
      shards: config.DISCORD_SHARDS === "auto" ? "auto" : Number(config.DISCORD_SHARDS),
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      logger,
    });
    await untilAborted(options.stop);
    return stopExitCode(
      await stopWithDeadline([{ name: "shard processes", run: () => shards.stop() }], {
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        logger,
      }),
    );
  }

  const base = await openScaleBase(config, logger, "gateway");
  // What the stop undoes, in order.
  const steps: StopStep[] = [{ name: "store", run: () => base.store.close() }];
  let failure: unknown = null;
  try {
    // One process registers the slash commands and serves HTTP_PORT: shard 0, or the only gateway.
    const first = !isShard || env.SHARDS === "0";
    // The workers deliver alerts: the subscription commands work on every transport of a gateway.
    const subscriptions = createAlertRepos(base.store).subscriptions;
    const { runner, serveHttp } = await openScaledCommands(
      {
        base,
        config,
        logger,
        now: options.now,
        metrics: createMetrics({ defaultMetrics: true }),
        subscriptions,
        stepName: "redis connection",
      },
      steps,
    );
    if (first) await serveHttp(steps);
    const bot = createDiscordBot({
      token,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      ...(config.DISCORD_APP_ID ? { appId: config.DISCORD_APP_ID } : {}),
      runner,
      logger,
      ...(first ? { store: { meta: base.store.meta } } : {}),
      subscriptions,
    });
    steps.unshift({ name: "discord gateway", run: () => bot.stop() });
    await bot.start();
    logger.info({ shard: isShard ? env.SHARDS : null }, "gateway running");
    await untilAborted(options.stop);
  } catch (error) {
    failure = error;
  }
  const outcome = await stopWithDeadline(steps, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
  if (failure !== null) throw failure;
  return stopExitCode(outcome);
}
