import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import { BatchedSqliteAdapter } from "./batched-sqlite-adapter.js";
import { guard, toStoreError } from "./guard.js";
import { createKeyvDriver } from "./keyv-driver.js";
import { createRedisClient } from "./redis-client.js";
import { createRedisIndex } from "./redis-index.js";
import { StoreError } from "./store-error.js";
import { parseStoreUrl } from "./store-url.js";
/**
 * Plain JSON both ways: Keyv's default serializer walks values in JavaScript and parses with a
 * reviver, several times slower on the aggregator's large per-service values; ours are plain JSON.
 */
const JSON_CODEC = {
    serialize: (data) => JSON.stringify(data),
    deserialize: (data) => JSON.parse(data),
};
/** Opens the engine a STORE_URL names and checks it answers; fails with a StoreError that says why. */
export async function openDriver(url, options) {
    const location = parseStoreUrl(url);
    const { logger, namespace, timeoutMs } = options;
    const onError = (error) => logger.warn({ err: error, store: location.label }, "store reported an error");
    if (location.backend === "memory") {
        // No `store` key at all: `store: undefined` breaks Keyv's default memory map.
        const keyv = new Keyv({ namespace, throwOnErrors: true, ...JSON_CODEC });
        keyv.on("error", onError);
        return createKeyvDriver({ keyv, backend: "memory", label: location.label, timeoutMs, close: async () => { } });
    }
    if (location.backend === "sqlite") {
        const { path, label } = location;
        try {
            if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
                throw new StoreError("unreadable", `${label} is a directory: point STORE_URL at a file`);
            }
            mkdirSync(dirname(path), { recursive: true });
        }
        catch (error) {
            throw toStoreError(error, label, "creating its folder");
        }
        const adapter = new BatchedSqliteAdapter({ uri: `sqlite://${path}`, busyTimeout: timeoutMs });
        const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true, ...JSON_CODEC });
        keyv.on("error", onError);
        try {
            // Opening runs CREATE TABLE, which is where a file of garbage is found out.
            await guard(label, "open", timeoutMs, () => adapter.query("PRAGMA journal_mode=WAL"));
            await guard(label, "open", timeoutMs, () => adapter.query("PRAGMA synchronous=NORMAL"));
        }
        catch (error) {
            await adapter.disconnect().catch(() => undefined);
            throw error;
        }
        return createKeyvDriver({ keyv, backend: "sqlite", label, timeoutMs, close: () => keyv.disconnect() });
    }
    const { label } = location;
    let connected = false;
    const client = createRedisClient(location.url, timeoutMs, () => connected);
    client.on("error", onError);
    try {
        await guard(label, "connect", timeoutMs, () => client.connect());
        connected = true;
    }
    catch (error) {
        if (client.isOpen)
            client.destroy();
        const reason = error instanceof Error ? error.message : String(error);
        throw new StoreError("unreachable", `cannot reach ${label}: ${reason}`, { cause: error });
    }
    const adapter = new KeyvRedis(client, { namespace, throwOnErrors: true });
    // KeyvRedis prefixes keys itself (`namespace::key`); Keyv's own prefix would double it.
    const keyv = new Keyv({ store: adapter, namespace, useKeyPrefix: false, throwOnErrors: true, ...JSON_CODEC });
    keyv.on("error", onError);
    return createKeyvDriver({
        keyv,
        backend: "redis",
        label,
        timeoutMs,
        nativeIndex: (key) => createRedisIndex(client, `${namespace}::${key}`),
        close: async () => {
            if (client.isOpen)
                await client.close();
        },
        // Keyv's clear only scans string keys; indexes are sorted sets under the same prefix.
        clear: async () => {
            for await (const keys of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) {
                if (keys.length > 0)
                    await client.unlink(keys);
            }
        },
    });
}
//# sourceMappingURL=open-driver.js.map