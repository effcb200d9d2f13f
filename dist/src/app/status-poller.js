import { observeOfficialStatus } from "../metrics/observe.js";
import { parsePrivateAllowance } from "../sources/address-rules.js";
import { createComponentRegionMapper } from "../sources/component-regions.js";
import { createPoller } from "../sources/poller.js";
import { probeStatusPage } from "../sources/probe.js";
import { createPublicFetch } from "../sources/public-fetch.js";
import { createSourceRegistry } from "../sources/registry.js";
import { userAgent } from "../sources/user-agent.js";
import { createOfficialStatusRepo } from "../store/official-status-repo.js";
import { createServiceRepo } from "../store/service-repo.js";
/** Fetching status pages as a process does it: only public addresses unless allowed, the operator's contact in the User-Agent. */
function statusPageAccess(deps) {
    const fetch = createPublicFetch({ allowance: parsePrivateAllowance(deps.config.STATUS_PAGES_ALLOW_PRIVATE) });
    const limits = { userAgent: userAgent(deps.config.STATUS_POLL_CONTACT) };
    const sources = createSourceRegistry(createComponentRegionMapper(deps.regions));
    const context = () => ({ fetch, now: deps.now, limits });
    return { fetch, limits, sources, context };
}
/** Probes a status page URL (`outage-bot add-service`) with the same fetching rules as the poller. */
export function createStatusProbe(deps) {
    const access = statusPageAccess(deps);
    return (url) => probeStatusPage(url, access.context(), access.sources);
}
/**
 * The official status page poller as every process that polls builds it (the single-process app,
 * a leading worker): state kept in the store, components mapped to regions, the operator's contact
 * in the User-Agent, only public addresses fetched unless STATUS_PAGES_ALLOW_PRIVATE says otherwise.
 * A page that stops reading is probed again; a move found is kept in the store (merged into the
 * catalog at the next start) and logged.
 */
export function createStatusPoller(deps) {
    const access = statusPageAccess(deps);
    const services = createServiceRepo(deps.store.scope("services"));
    return createPoller({
        catalog: deps.catalog,
        fetch: access.fetch,
        now: deps.now,
        logger: deps.logger,
        repo: createOfficialStatusRepo(deps.store.scope("official")),
        onEvents: deps.onEvents,
        onStatus: (serviceId, official) => observeOfficialStatus(deps.metrics, serviceId, official),
        sources: access.sources,
        limits: access.limits,
        reprobe: async (_service, page) => {
            const found = await probeStatusPage(page.url, access.context(), access.sources);
            return found.ok ? found.page : null;
        },
        onPageMoved: async (move) => {
            await services.saveMove(move.serviceId, move.to, move.at);
            deps.onPageMoved?.(move);
        },
    });
}
//# sourceMappingURL=status-poller.js.map