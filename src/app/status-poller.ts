import type { Logger } from "pino";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { Config } from "../config.js";
import type { OfficialIncidentEvent } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";
import { observeOfficialStatus } from "../metrics/observe.js";
import { parsePrivateAllowance } from "../sources/address-rules.js";
import { createComponentRegionMapper } from "../sources/component-regions.js";
import { createPoller, type Poller, type StatusPageMove } from "../sources/poller.js";
import type { ProbeResult } from "../sources/probe.js";
import { createPublicFetch } from "../sources/public-fetch.js";
import { createSourceRegistry } from "../sources/registry.js";
import type { SourceFetchContext } from "../sources/source.js";
import { userAgent } from "../sources/user-agent.js";
import type { Store } from "../store/index.js";
import { createOfficialStatusRepo } from "../store/official-status-repo.js";
import { createServiceRepo } from "../store/service-repo.js";

/** What the status page poller of a process needs. */
export interface StatusPollerDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  store: Store;
  config: Pick<Config, "STATUS_POLL_CONTACT" | "STATUS_PAGES_ALLOW_PRIVATE">;
  logger: Logger;
  now: () => number;
  onEvents: (events: readonly OfficialIncidentEvent[]) => void;
  /** Called when a page moved (platform or address); the move is already logged and kept in the store. */
  onPageMoved?: (move: StatusPageMove) => void;
  /** Poll results and staleness go to these metrics. */
  metrics: Metrics;
}

/** Fetching status pages as a process does it: only public addresses unless allowed, the operator's contact in the User-Agent. */
function statusPageAccess(deps: Pick<StatusPollerDeps, "config" | "regions" | "now">) {
  const fetch = createPublicFetch({ allowance: parsePrivateAllowance(deps.config.STATUS_PAGES_ALLOW_PRIVATE) });
  const limits = { userAgent: userAgent(deps.config.STATUS_POLL_CONTACT) };
  const sources = createSourceRegistry(createComponentRegionMapper(deps.regions));
  const context = (): SourceFetchContext => ({ fetch, now: deps.now, limits });
  return { fetch, limits, sources, context };
}

/** Probes a status page URL (`outage-bot add-service`) with the same fetching rules as the poller. */
export function createStatusProbe(
  deps: Pick<StatusPollerDeps, "config" | "regions" | "now">,
): (url: string) => Promise<ProbeResult> {
  let access: ReturnType<typeof statusPageAccess> | undefined;
  // Built and loaded on the first probe: an app that never probes (`ask`) makes neither.
  return async (url) => {
    access ??= statusPageAccess(deps);
    const { probeStatusPage } = await import("../sources/probe.js");
    return probeStatusPage(url, access.context(), access.sources);
  };
}

/**
 * The official status page poller as every process that polls builds it (the single-process app,
 * a leading worker): state kept in the store, components mapped to regions, the operator's contact
 * in the User-Agent, only public addresses fetched unless STATUS_PAGES_ALLOW_PRIVATE says otherwise.
 * A page that stops reading is probed again; a move found is kept in the store (merged into the
 * catalog at the next start) and logged.
 */
export function createStatusPoller(deps: StatusPollerDeps): Poller {
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
      // A feed's URL is a document, not a page: when it no longer reads, its site's home page may say where it went.
      const urls = page.kind === "feed" ? [page.url, new URL("/", page.url).toString()] : [page.url];
      const { probeStatusPage } = await import("../sources/probe.js");
      for (const url of urls) {
        const found = await probeStatusPage(url, access.context(), access.sources);
        if (found.ok) return found.page;
      }
      return null;
    },
    onPageMoved: async (move) => {
      await services.saveMove(move.serviceId, move.to, move.at);
      deps.onPageMoved?.(move);
    },
  });
}
