import { fileURLToPath } from "node:url";
import { createAlertRepos } from "../app/alert-repos.js";
import { startDiscordGateway } from "../app/discord-gateway.js";
import { type Role, type RoleFrame, runRole } from "../app/run-role.js";
import { openScaledCommands } from "../app/scaled-commands.js";
import { openScaleBase, RoleSetupError } from "./scale-context.js";
import { startShardManager } from "./shard-manager.js";

/** The executable each shard process runs: the one this process was started with (compiled or from source). */
const BIN = process.argv[1] ?? fileURLToPath(new URL("../bin/outage-bot.js", import.meta.url));

/** What `start --role gateway` runs on. */
export interface GatewayRoleOptions extends RoleFrame {
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
  const { config, env } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new RoleSetupError("--role gateway needs DISCORD_TOKEN: a gateway is a Discord connection");
  const isShard = env.SHARDING_MANAGER === "true";
  if (!isShard && config.DISCORD_SHARDS !== undefined) return runRole(options, (role) => runShardManager(role, token));
  // One process registers the slash commands and serves HTTP_PORT: shard 0, or the only gateway.
  const first = !isShard || env.SHARDS === "0";
  return runRole(options, async (role) => {
    const { logger } = role;
    const base = await openScaleBase(role, "gateway");
    // The workers deliver alerts: the subscription commands work on every transport of a gateway.
    const subscriptions = createAlertRepos(base.store).subscriptions;
    const { runner, serveHttp } = await openScaledCommands(
      { base, config, logger, now: role.now, metrics: role.metrics(), subscriptions, stepName: "redis connection" },
      role.stops,
    );
    if (first) await serveHttp(role.stops);
    await startDiscordGateway(
      { config, logger, runner, ...(first ? { commandHashes: base.store.meta } : {}), subscriptions },
      role.stops,
    );
    logger.info({ shard: isShard ? env.SHARDS : null }, "gateway running");
    await role.untilStopped();
  });
}

/** The gateway processes of DISCORD_SHARDS, run by discord.js's ShardingManager. */
async function runShardManager(role: Role, token: string): Promise<void> {
  const { config } = role;
  const shards = await startShardManager({
    file: BIN,
    args: ["start", "--role", "gateway"],
    token,
    shards: config.DISCORD_SHARDS === "auto" ? "auto" : Number(config.DISCORD_SHARDS),
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    logger: role.logger,
  });
  role.stops.add("shard processes", () => shards.stop());
  await role.untilStopped();
}
