import { createAggregatorStateRepo } from "./aggregator-state-repo.js";
import { createIncidentRepo } from "./incident-repo.js";
import { createKvScope } from "./kv-scope.js";
import { createMetaRepo, STORE_SCHEMA_VERSION } from "./meta-repo.js";
import { openDriver } from "./open-driver.js";
import { createReportJournalRepo } from "./report-journal-repo.js";
import { StoreError } from "./store-error.js";
/** A driver that refuses every call once the store is closed. */
function closable(driver) {
    let closed = false;
    const live = (call) => {
        return (...args) => closed ? Promise.reject(new StoreError("closed", `${driver.label} is closed`)) : call(...args);
    };
    return {
        driver: {
            ...driver,
            get: live(driver.get),
            getMany: live(driver.getMany),
            set: live(driver.set),
            setMany: live(driver.setMany),
            delete: live(driver.delete),
            deleteMany: live(driver.deleteMany),
            clear: live(driver.clear),
            index: (key) => {
                const index = driver.index(key);
                return {
                    add: live(index.add),
                    remove: live(index.remove),
                    members: live(index.members),
                    size: live(index.size),
                    trim: live(index.trim),
                };
            },
        },
        close: async () => {
            if (closed)
                return;
            closed = true;
            await driver.close();
        },
    };
}
/**
 * Opens the store a STORE_URL names (`sqlite://path`, `redis://host:port`, `memory://`), checks it
 * answers and was not written by a newer version. A damaged file or an unreachable Redis is a
 * StoreError saying what to do, never a silent fresh start.
 */
export async function openStore(url, options) {
    const raw = await openDriver(url, {
        logger: options.logger,
        namespace: options.namespace ?? "outage",
        timeoutMs: options.timeoutMs ?? 5_000,
    });
    const { driver, close } = closable(raw);
    const meta = createMetaRepo(createKvScope(driver, "meta"));
    try {
        const version = await meta.schemaVersion();
        if (version !== undefined && version > STORE_SCHEMA_VERSION) {
            throw new StoreError("newer_schema", `${driver.label} was written by a newer outage-bot (layout ${version}, this one reads ${STORE_SCHEMA_VERSION}): upgrade or point STORE_URL elsewhere`);
        }
        if (version === undefined)
            await meta.setSchemaVersion(STORE_SCHEMA_VERSION);
    }
    catch (error) {
        await close().catch(() => undefined);
        throw error;
    }
    options.logger.debug({ store: driver.label }, "store open");
    return {
        backend: driver.backend,
        label: driver.label,
        meta,
        aggregatorState: createAggregatorStateRepo(createKvScope(driver, "agg")),
        incidents: createIncidentRepo(createKvScope(driver, "incident")),
        reportJournal: createReportJournalRepo(createKvScope(driver, "journal")),
        scope: (prefix) => createKvScope(driver, prefix),
        ping: async () => {
            await meta.schemaVersion();
        },
        clear: () => driver.clear(),
        close,
    };
}
//# sourceMappingURL=store.js.map