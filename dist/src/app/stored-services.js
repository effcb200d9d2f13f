import { withStoredServices } from "../catalog/stored-services.js";
import { createServiceRepo } from "../store/service-repo.js";
/** The catalog with the services `outage-bot add-service` added and the status pages that moved, from the store. */
export async function catalogWithStoredServices(catalog, store, logger) {
    const repo = createServiceRepo(store.scope("services"));
    const merged = withStoredServices(catalog, await repo.added(), await repo.moves());
    for (const { id, reason } of merged.skipped) {
        logger.warn({ serviceId: id, reason }, "an added service is left out: its name is already taken");
    }
    return merged.catalog;
}
//# sourceMappingURL=stored-services.js.map