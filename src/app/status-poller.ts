import type { Logger } from "pino";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { Config } from "../config.js";
import type { OfficialIncidentEvent } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";
import { observeOfficialStatus } from "../metrics/observe.js";
import { parsePrivateAllowance } from "../sources/address-rules.js";
import { createComponentRegionMapper } from "../sources/component-regions.js";
import { createPoller, type Poller } from "../sources/poller.js";
import { createPublicFetch } from "../sources/public-fetch.js";
import { userAgent } from "../sources/user-agent.js";
import type { Store } from "../store/index.js";
import { createOfficialStatusRepo } from "../store/official-status-repo.js";

/** What the status page poller of a process needs. */
export interface StatusPollerDeps {
  catalog: Catalog;
  regions: RegionDirectory;
  store: Store;
  config: Pick<Config, "STATUS_POLL_CONTACT" | "STATUS_PAGES_ALLOW_PRIVATE">;
  logger: Logger;
  now: () => number;
  onEvents: (events: readonly OfficialIncidentEvent[]) => void;
  /** Poll results and staleness go to these metrics. */
  metrics: Metrics;
}

/**
 * The official status page poller as every process that polls builds it (the single-process app,
 * a leading worker): state kept in the store, components mapped to regions, the operator's contact
 * in the User-Agent, only public addresses fetched unless STATUS_PAGES_ALLOW_PRIVATE says otherwise.
 */
export function createStatusPoller(deps: StatusPollerDeps): Poller {
  return createPoller({
    catalog: deps.catalog,
    fetch: createPublicFetch({ allowance: parsePrivateAllowance(deps.config.STATUS_PAGES_ALLOW_PRIVATE) }),
    now: deps.now,
    logger: deps.logger,
    repo: createOfficialStatusRepo(deps.store.scope("official")),
    onEvents: deps.onEvents,
    onStatus: (serviceId, official) => observeOfficialStatus(deps.metrics, serviceId, official),
    regionOf: createComponentRegionMapper(deps.regions),
    limits: { userAgent: userAgent(deps.config.STATUS_POLL_CONTACT) },
  });
}
