import Keyv from "keyv";
import type { Logger } from "pino";
import type { KvDriver } from "./driver.js";
import { JSON_CODEC } from "./json-codec.js";
import { createKeyvDriver } from "./keyv-driver.js";
import { parseStoreUrl } from "./store-url.js";

/** How to reach the engine. */
export interface DriverOptions {
  logger: Logger;
  namespace: string;
  timeoutMs: number;
}

/** What an engine's opener gets: the key prefix, the deadline of a call, where its errors go. */
export interface EngineOptions {
  namespace: string;
  timeoutMs: number;
  onError: (error: unknown) => void;
}

/**
 * Opens the engine a STORE_URL names and checks it answers; fails with a StoreError that says why.
 * Each engine's client is imported only when it is the one named: the Redis client alone takes
 * longer to load than a whole `outage-bot ask` on SQLite is allowed to (issue 15).
 */
export async function openDriver(url: string, options: DriverOptions): Promise<KvDriver> {
  const location = parseStoreUrl(url);
  const { logger, namespace, timeoutMs } = options;
  const onError = (error: unknown) => logger.warn({ err: error, store: location.label }, "store reported an error");

  if (location.backend === "memory") {
    // No `store` key at all: `store: undefined` breaks Keyv's default memory map.
    const keyv = new Keyv({ namespace, throwOnErrors: true, ...JSON_CODEC });
    keyv.on("error", onError);
    return createKeyvDriver({ keyv, backend: "memory", label: location.label, timeoutMs, close: async () => {} });
  }
  if (location.backend === "sqlite") {
    const { openSqliteDriver } = await import("./open-sqlite-driver.js");
    return openSqliteDriver(location, { namespace, timeoutMs, onError });
  }
  const { openRedisDriver } = await import("./open-redis-driver.js");
  return openRedisDriver(location, { namespace, timeoutMs, onError });
}
