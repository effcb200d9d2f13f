import { createRedisClient } from "../store/redis-client.js";
/**
 * A connected Redis client built like the store's (fail fast while disconnected, back off when a
 * Redis that answered before goes away). The stream consumer gets its own connection: a blocking
 * XREADGROUP would otherwise hold up every other command on the socket.
 */
export async function connectRedis(options) {
    let connected = false;
    const client = createRedisClient(options.url, options.timeoutMs ?? 5_000, () => connected);
    client.on("error", (error) => options.logger.warn({ err: error }, "redis connection error"));
    try {
        await client.connect();
    }
    catch (error) {
        if (client.isOpen)
            client.destroy();
        throw error;
    }
    connected = true;
    return client;
}
/** Closes a client if it is open; never throws. */
export async function closeRedis(client) {
    try {
        if (client.isOpen)
            await client.close();
    }
    catch {
        client.destroy();
    }
}
//# sourceMappingURL=redis-connection.js.map