import { openSaltedStore } from "../app/open-salted-store.js";
import { catalogWithStoredServices } from "../app/stored-services.js";
import { loadCatalog } from "../catalog/load-catalog.js";
import { createRegionDirectory } from "../catalog/regions.js";
import { scaleKeys } from "./keys.js";
/** Thrown when a role is started without what it needs; the CLI prints it as a usage mistake. */
export class RoleSetupError extends Error {
    name = "RoleSetupError";
}
/** Catalog, regions and the Redis store for a gateway or worker; refuses a store other processes cannot share. */
export async function openScaleBase(config, logger, role) {
    if (!/^rediss?:\/\//.test(config.STORE_URL)) {
        throw new RoleSetupError(`--role ${role} needs STORE_URL=redis://…: gateways and workers share their state through Redis (use --role all for one process on SQLite)`);
    }
    const fileCatalog = await loadCatalog({ file: config.CATALOG_FILE });
    const { store, salt } = await openSaltedStore(config, logger);
    // Services added with `outage-bot add-service` and moved pages, as the one-process app sees them.
    const catalog = await catalogWithStoredServices(fileCatalog, store, logger);
    return { catalog, regions: createRegionDirectory(), store, keys: scaleKeys(config.STORE_NAMESPACE), salt };
}
/** Resolves when the signal aborts. */
export function untilAborted(signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener("abort", () => resolve(), { once: true });
    });
}
//# sourceMappingURL=scale-context.js.map