import { Routes, ShardingManager } from "discord.js";
import type { Logger } from "pino";
import { createRest } from "../discord/deploy-commands.js";

/** Options of startShardManager. */
export interface ShardManagerOptions {
  /** The script each shard process runs (the outage-bot executable). */
  file: string;
  /** Its arguments (`start --role gateway`). */
  args: string[];
  token: string;
  /** `auto` asks the configured REST API (`GET /gateway/bot`) for Discord's recommended count. */
  shards: "auto" | number;
  /** REST base for `auto` (DISCORD_API_URL); Discord's own when absent. */
  apiUrl?: string;
  logger: Logger;
  /** Wait between shard starts (default 5500 ms: Discord allows one IDENTIFY per 5 s per bucket). */
  spawnDelayMs?: number;
  /** How long a shard may take to become ready (default 30 s). */
  readyTimeoutMs?: number;
}

/** A running set of shard processes. */
export interface RunningShards {
  readonly manager: ShardingManager;
  readonly count: number;
  stop(): Promise<void>;
}

/** Discord's recommended shard count, asked from the configured API. */
export async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const answer = (await createRest(token, apiUrl).get(Routes.gatewayBot())) as { shards?: unknown };
  const shards = Number(answer.shards);
  return Number.isInteger(shards) && shards > 0 ? shards : 1;
}

/**
 * Runs the gateway as discord.js shards: one child process per shard, each its own gateway
 * connection (IDENTIFY with shard [i, n]) answering from the shared board in Redis. Crashed
 * shards are restarted by the manager.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningShards> {
  const { logger } = options;
  const count = options.shards === "auto" ? await recommendedShards(options.token, options.apiUrl) : options.shards;
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: count,
    shardArgs: options.args,
    mode: "process",
    respawn: true,
  });
  manager.on("shardCreate", (shard) => {
    logger.info({ shard: shard.id, of: count }, "shard process started");
    shard.on("death", () => logger.warn({ shard: shard.id }, "shard process exited"));
  });
  await manager.spawn({
    amount: count,
    delay: options.spawnDelayMs ?? 5_500,
    timeout: options.readyTimeoutMs ?? 30_000,
  });
  logger.info({ shards: count }, "all shards ready");
  return {
    manager,
    count,
    async stop() {
      manager.respawn = false;
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
