import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import type { KvDriver } from "./driver.js";
import { guard } from "./guard.js";
import { JSON_CODEC } from "./json-codec.js";
import { createKeyvDriver } from "./keyv-driver.js";
import type { EngineOptions } from "./open-driver.js";
import { createRedisClient } from "./redis-client.js";
import { createRedisIndex } from "./redis-index.js";
import { StoreError } from "./store-error.js";
import type { StoreLocation } from "./store-url.js";

/** Connects to the Redis of a `redis://` STORE_URL; one that cannot be reached fails at once with the cause. */
export async function openRedisDriver(
  location: Extract<StoreLocation, { backend: "redis" }>,
  { namespace, timeoutMs, onError }: EngineOptions,
): Promise<KvDriver> {
  const { label } = location;
  let connected = false;
  const client = createRedisClient(location.url, timeoutMs, () => connected);
  client.on("error", onError);
  try {
    await guard(label, "connect", timeoutMs, () => client.connect());
    connected = true;
  } catch (error) {
    if (client.isOpen) client.destroy();
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
      if (client.isOpen) await client.close();
    },
    // Keyv's clear only scans string keys; indexes are sorted sets under the same prefix.
    clear: async () => {
      for await (const keys of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) {
        if (keys.length > 0) await client.unlink(keys);
      }
    },
  });
}
