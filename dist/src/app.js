import { createCommandCharts } from "../commands/charts.js";
import { createAggregator, createReportIntake, createStatusBoard } from "./aggregator/index.js";
import { createAggregatorSaver, loadAggregator } from "./app/aggregator-persistence.js";
import { createExclusionSync, crowdOptions } from "./app/crowd-signal.js";
import { openSaltedStore } from "./app/open-salted-store.js";
import { openReportJournal } from "./app/report-journal.js";
import { createStatusPoller, createStatusProbe } from "./app/status-poller.js";
import { catalogWithStoredServices } from "./app/stored-services.js";
import { loadCatalog } from "./catalog/load-catalog.js";
import { createRegionDirectory } from "./catalog/regions.js";
import { configList } from "./config.js";
import { meteredIntake } from "./metrics/metered-intake.js";
import { createMetrics } from "./metrics/metrics.js";
import { createExclusionRepo } from "./store/exclusion-repo.js";
import { StoreError } from "./store/index.js";
/** The intake of a read-only app: every report refused, nothing counted. */
function readOnlyIntake() {
    return {
        submit: async () => ({
            accepted: false,
            reason: "invalid",
            message: "this is a read-only view of the store: reports are not taken here",
        }),
    };
}
/** The aggregator from the store, or a new one; stored state that cannot be read stops start-up. */
async function restoreOrCreate(store, options) {
    try {
        return (await loadAggregator(store, options)) ?? createAggregator(options);
    }
    catch (error) {
        if (error instanceof StoreError)
            throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new StoreError("invalid_value", `${store.label} holds aggregator state this version cannot read (${detail}): move it away or point STORE_URL elsewhere`, { cause: error });
    }
}
/**
 * Opens the store, restores the aggregator from it and wires intake, board and the persistence
 * loop that saves changed state every SAVE_INTERVAL_MS and on close.
 */
export async function createApp(config, options) {
    const { logger } = options;
    const now = options.now ?? (() => Date.now());
    const fileCatalog = await loadCatalog({ file: config.CATALOG_FILE });
    const regions = createRegionDirectory();
    const { store, salt } = await openSaltedStore(config, logger);
    let aggregator;
    let catalog;
    let journal;
    try {
        catalog = await catalogWithStoredServices(fileCatalog, store, logger);
        aggregator = await restoreOrCreate(store, crowdOptions(config, logger));
        // Reports acknowledged after the last save (a kill, a crash) are counted again from the journal.
        const opened = await openReportJournal(store.reportJournal, { aggregator, now });
        journal = opened.journal;
        if (opened.replayed > 0)
            logger.info({ replayed: opened.replayed }, "accepted reports replayed from the journal");
    }
    catch (error) {
        await store.close().catch(() => undefined);
        throw error;
    }
    // Process metrics (CPU, memory, event loop lag, GC) belong on a running bot's /metrics too.
    const metrics = createMetrics({ defaultMetrics: true });
    const saver = createAggregatorSaver(store, aggregator, logger, journal);
    const listeners = new Set();
    const officialListeners = new Set();
    const moveListeners = new Set();
    const emit = (events) => {
        if (events.length === 0)
            return;
        for (const listener of listeners) {
            try {
                listener(events);
            }
            catch (error) {
                logger.error({ err: error }, "incident event listener failed");
            }
        }
    };
    const intake = options.readOnly
        ? readOnlyIntake()
        : meteredIntake(createReportIntake({ catalog, regions, aggregator, salt, now, journal }), metrics);
    const exclusions = createExclusionSync({
        aggregator,
        repo: createExclusionRepo(store.scope("exclude")),
        salt,
        configGuilds: configList(config.EXCLUDED_GUILDS),
        configTokens: configList(config.EXCLUDED_TOKENS),
        logger,
    });
    try {
        await exclusions.refresh();
    }
    catch (error) {
        await store.close().catch(() => undefined);
        throw error;
    }
    const poller = createStatusPoller({
        catalog,
        regions,
        store,
        config,
        logger,
        now,
        metrics,
        onEvents: (events) => {
            for (const listener of officialListeners)
                listener(events);
        },
        onPageMoved: (move) => {
            for (const listener of moveListeners)
                listener(move);
        },
    });
    await poller.load();
    const board = createStatusBoard({ catalog, regions, aggregator, official: (id, at) => poller.official(id, at) });
    const flush = async () => {
        if (options.readOnly)
            return;
        const events = aggregator.tick(now());
        emit(events);
        await saver.save(events);
    };
    const interval = options.readOnly
        ? null
        : options.persistEveryMs === undefined
            ? config.SAVE_INTERVAL_MS
            : options.persistEveryMs;
    const timer = interval === null
        ? null
        : setInterval(() => {
            flush().catch((error) => logger.warn({ err: error }, "saving aggregator state failed; will retry"));
        }, interval);
    timer?.unref();
    // `outage-bot exclude` writes to the store; a running bot picks it up within seconds.
    const exclusionTimer = interval === null
        ? null
        : setInterval(() => {
            exclusions.refresh().catch((error) => logger.warn({ err: error }, "reading exclusions failed"));
        }, config.EXCLUSIONS_REFRESH_MS ?? 5_000);
    exclusionTimer?.unref();
    const charts = createCommandCharts(board, logger);
    let closing = null;
    logger.debug({ store: store.label, services: catalog.all().length, restored: aggregator.stats().services }, "app ready");
    return {
        config,
        logger,
        catalog,
        regions,
        store,
        aggregator,
        intake,
        board,
        poller,
        metrics,
        context: () => ({ catalog, regions, board, intake, now, charts, log: logger }),
        onOfficialEvents: (listener) => {
            officialListeners.add(listener);
            return () => officialListeners.delete(listener);
        },
        onPageMoved: (listener) => {
            moveListeners.add(listener);
            return () => moveListeners.delete(listener);
        },
        probe: createStatusProbe({ config, regions, now }),
        onIncidentEvents: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        flush,
        close: () => {
            closing ??= (async () => {
                if (timer)
                    clearInterval(timer);
                if (exclusionTimer)
                    clearInterval(exclusionTimer);
                try {
                    await poller.stop();
                    await flush();
                }
                finally {
                    await store.close();
                }
            })();
            return closing;
        },
    };
}
//# sourceMappingURL=app.js.map