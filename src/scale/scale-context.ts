import { openBaseParts } from "../app/open-base.js";
import type { Role } from "../app/run-role.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
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

/**
 * Catalog, regions and the Redis store for a gateway or worker, the store's close registered in the
 * role's stops; refuses a store other processes cannot share.
 */
export async function openScaleBase(role: Pick<Role, "config" | "logger" | "stops">, name: string): Promise<ScaleBase> {
  const { config, logger } = role;
  if (!/^rediss?:\/\//.test(config.STORE_URL)) {
    throw new RoleSetupError(
      `--role ${name} needs STORE_URL=redis://…: gateways and workers share their state through Redis (use --role all for one process on SQLite)`,
    );
  }
  // The same parts as the single process (services added with `outage-bot add-service` included).
  const parts = await openBaseParts(config, logger);
  role.stops.add("store", () => parts.store.close());
  return { ...parts, keys: scaleKeys(config.STORE_NAMESPACE) };
}
