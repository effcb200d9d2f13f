import type { Logger } from "pino";
import { openSaltedStore } from "../app/open-salted-store.js";
import { catalogWithStoredServices } from "../app/stored-services.js";
import { loadCatalog } from "../catalog/load-catalog.js";
import { createRegionDirectory } from "../catalog/regions.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { Config } from "../config.js";
import type { Store } from "../store/index.js";
import { type ScaleKeys, scaleKeys } from "./keys.js";

/** What every role opens first. */
export interface ScaleBase {
  catalog: Catalog;
  regions: RegionDirectory;
  store: Store;
  keys: ScaleKeys;
  /** The reporter salt every process must share (REPORTER_SALT, or the one kept in the store). */
  salt: string;
}

/** Thrown when a role is started without what it needs; the CLI prints it as a usage mistake. */
export class RoleSetupError extends Error {
  override readonly name = "RoleSetupError";
}

/** Catalog, regions and the Redis store for a gateway or worker; refuses a store other processes cannot share. */
export async function openScaleBase(config: Config, logger: Logger, role: string): Promise<ScaleBase> {
  if (!/^rediss?:\/\//.test(config.STORE_URL)) {
    throw new RoleSetupError(
      `--role ${role} needs STORE_URL=redis://…: gateways and workers share their state through Redis (use --role all for one process on SQLite)`,
    );
  }
  const fileCatalog = await loadCatalog({ file: config.CATALOG_FILE });
  const { store, salt } = await openSaltedStore(config, logger);
  // Services added with `outage-bot add-service` and moved pages, as the one-process app sees them.
  const catalog = await catalogWithStoredServices(fileCatalog, store, logger);
  return { catalog, regions: createRegionDirectory(), store, keys: scaleKeys(config.STORE_NAMESPACE), salt };
}

/** Resolves when the signal aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
