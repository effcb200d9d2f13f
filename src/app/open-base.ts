import type { Logger } from "pino";
import { loadCatalog } from "../catalog/load-catalog.js";
import { createRegionDirectory } from "../catalog/regions.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { Config } from "../config.js";
import type { Store } from "../store/index.js";
import { openSaltedStore } from "./open-salted-store.js";
import { catalogWithStoredServices } from "./stored-services.js";

/** What every way of running starts from. */
export interface BaseParts {
  /** Built-in services, CATALOG_FILE's, and those `outage-bot add-service` kept in the store. */
  catalog: Catalog;
  regions: RegionDirectory;
  store: Store;
  /** The reporter salt every process of a deployment shares (REPORTER_SALT, or the one kept in the store). */
  salt: string;
}

/**
 * Opens the parts the single process and every scaled role share, once and the same way: the
 * catalog (with the services kept in the store), the region directory, and the store with its
 * salt. A failure after the store opened closes it again.
 */
export async function openBaseParts(
  config: Pick<Config, "CATALOG_FILE" | "STORE_URL" | "STORE_NAMESPACE" | "STORE_TIMEOUT_MS" | "REPORTER_SALT">,
  logger: Logger,
): Promise<BaseParts> {
  const fileCatalog = await loadCatalog({ file: config.CATALOG_FILE });
  const regions = createRegionDirectory();
  const { store, salt } = await openSaltedStore(config, logger);
  try {
    return { catalog: await catalogWithStoredServices(fileCatalog, store, logger), regions, store, salt };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
