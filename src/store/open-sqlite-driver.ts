import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Keyv from "keyv";
import { BatchedSqliteAdapter } from "./batched-sqlite-adapter.js";
import type { KvDriver } from "./driver.js";
import { guard, toStoreError } from "./guard.js";
import { JSON_CODEC } from "./json-codec.js";
import { createKeyvDriver } from "./keyv-driver.js";
import type { EngineOptions } from "./open-driver.js";
import { startSqliteCheckpointer } from "./sqlite-checkpointer.js";
import { StoreError } from "./store-error.js";
import type { StoreLocation } from "./store-url.js";

/** Opens (creating it and its folder on first use) the SQLite file of a `sqlite://path` STORE_URL. */
export async function openSqliteDriver(
  location: Extract<StoreLocation, { backend: "sqlite" }>,
  { namespace, timeoutMs, onError }: EngineOptions,
): Promise<KvDriver> {
  const { path, label } = location;
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw new StoreError("unreadable", `${label} is a directory: point STORE_URL at a file`);
    }
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw toStoreError(error, label, "creating its folder");
  }
  const adapter = new BatchedSqliteAdapter({ uri: `sqlite://${path}`, busyTimeout: timeoutMs });
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true, ...JSON_CODEC });
  keyv.on("error", onError);
  try {
    // Opening runs CREATE TABLE, which is where a file of garbage is found out.
    await guard(label, "open", timeoutMs, () => adapter.query("PRAGMA journal_mode=WAL"));
    await guard(label, "open", timeoutMs, () => adapter.query("PRAGMA synchronous=NORMAL"));
    // Checkpoints run beside this connection (sqlite-checkpointer.ts), not inside one of its commits.
    await guard(label, "open", timeoutMs, () => adapter.query("PRAGMA wal_autocheckpoint=0"));
  } catch (error) {
    await adapter.disconnect().catch(() => undefined);
    throw error;
  }
  const checkpointer = startSqliteCheckpointer(path, { busyTimeoutMs: timeoutMs, onError });
  const close = async () => {
    await checkpointer.close();
    await keyv.disconnect();
  };
  return createKeyvDriver({ keyv, backend: "sqlite", label, timeoutMs, close });
}
