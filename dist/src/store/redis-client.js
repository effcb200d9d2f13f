import { createClient } from "@keyv/redis";
/** A Redis client for the store: fails fast while disconnected, and never connected means give up. */
export function createRedisClient(url, timeoutMs, wasConnected) {
    return createClient({
        url,
        // Commands fail at once while disconnected instead of queueing behind a Redis that is down.
        disableOfflineQueue: true,
        socket: {
            connectTimeout: timeoutMs,
            // Never connected: give up at once with the cause. Connected before: keep trying, backing off.
            reconnectStrategy: (retries, cause) => (wasConnected() ? Math.min(100 * 2 ** retries, 5_000) : cause),
        },
    });
}
//# sourceMappingURL=redis-client.js.map