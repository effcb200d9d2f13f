import { createCommandCharts } from "../../commands/charts.js";
import { createAlertEngine } from "../alerts/alert-engine.js";
import { startAlertLoop } from "../alerts/alert-loop.js";
import { crowdAlertEvent } from "../alerts/crowd-alert-event.js";
import { officialAlertEvent } from "../alerts/official-alert-event.js";
import { createAlertThreadRepo } from "../store/alert-thread-repo.js";
import { createSubscriptionRepo } from "../store/subscription-repo.js";
/** Subscriptions and alert threads in the store's `sub` and `alert` key spaces. */
export function createAlertRepos(store) {
    return {
        subscriptions: createSubscriptionRepo(store.scope("sub")),
        threads: createAlertThreadRepo(store.scope("alert")),
    };
}
/** Metric label of a delivered thread: what its latest message announced. */
function sentKind(thread) {
    if (thread.resolvedAt !== null)
        return "resolved";
    return thread.sentVersion <= 1 ? "opened" : "updated";
}
/**
 * Starts the alert engine and its loop over the store's repositories, fed with the aggregator's
 * incident events (crowd) and the poller's status-page incident events (official). Its first pass
 * repeats any send a previous run left pending (same nonce: Discord answers with the same message).
 */
export function startAlerts(options) {
    const { app, repos, sender, now } = options;
    const { metrics, logger } = app;
    const engine = createAlertEngine({
        subscriptions: repos.subscriptions,
        threads: repos.threads,
        catalog: app.catalog,
        board: app.board,
        sender,
        now,
        logger,
        ...(options.rules ? { rules: options.rules } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.charts === false ? {} : { chart: createCommandCharts(app.board, logger).status }),
        onSent: (thread) => metrics.alertsSent.inc({ kind: sentKind(thread) }),
        onFailed: (_thread, kind) => metrics.alertsFailed.inc({ reason: kind }),
    });
    const loop = startAlertLoop({ engine, now, logger });
    const push = (events) => {
        if (events.length > 0)
            void loop.push(events);
    };
    const offCrowd = app.onIncidentEvents((events) => push(events.map(crowdAlertEvent)));
    const offOfficial = app.onOfficialEvents((events) => push(events.map(officialAlertEvent).filter((e) => e !== null)));
    let stopping = null;
    return {
        engine,
        loop,
        stop: () => {
            stopping ??= (async () => {
                offCrowd();
                offOfficial();
                await loop.stop();
            })();
            return stopping;
        },
    };
}
//# sourceMappingURL=alerts.js.map