import { REST, Routes, ShardingManager } from "discord.js";
/** Discord's recommended shard count, asked from the configured API. */
export async function recommendedShards(token, apiUrl) {
    const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
    const answer = (await rest.get(Routes.gatewayBot()));
    const shards = Number(answer.shards);
    return Number.isInteger(shards) && shards > 0 ? shards : 1;
}
/**
 * Runs the gateway as discord.js shards: one child process per shard, each its own gateway
 * connection (IDENTIFY with shard [i, n]) answering from the shared board in Redis. Crashed
 * shards are restarted by the manager.
 */
export async function startShardManager(options) {
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
            for (const shard of manager.shards.values())
                shard.kill();
        },
    };
}
//# sourceMappingURL=shard-manager.js.map