import type { StatusPage, StatusPageKind } from "../domain/service.js";
import type { RegionOf } from "./component-regions.js";
import {
  atlassianEndpoint,
  betterStackEndpoint,
  googleCloudEndpoint,
  instatusEndpoint,
  statusioEndpoint,
} from "./endpoints.js";
import type { StatusSource } from "./source.js";

/** Adapters by status page kind; a kind without one is reported as a source error, never polled blind. */
export type SourceRegistry = Partial<Record<StatusPageKind, StatusSource>>;

/**
 * An adapter whose module is imported by its first fetch. Each one brings its zod schemas (and the
 * feed one two XML parsers): a process that reads the stored official status but never polls
 * (`outage-bot ask`) loads none of them. The endpoint is known without them.
 */
function onFirstFetch(
  kind: StatusPageKind,
  endpoint: (page: StatusPage) => string,
  load: () => Promise<StatusSource>,
): StatusSource {
  let source: Promise<StatusSource> | undefined;
  return {
    kind,
    endpoint,
    async fetch(page, ctx) {
      source ??= load();
      return (await source).fetch(page, ctx);
    },
  };
}

/**
 * The built-in adapters: Statuspage v2 (also incident.io's compatible JSON), Google's incidents
 * JSON, Instatus, status.io (its public API keyed by the catalog's `pageId`), Better Stack's
 * index.json, and any RSS/Atom feed.
 */
export function createSourceRegistry(regionOf?: RegionOf): SourceRegistry {
  const options = regionOf ? { regionOf } : {};
  const atlassian = () => import("./atlassian-source.js");
  return {
    atlassian: onFirstFetch("atlassian", atlassianEndpoint, async () =>
      (await atlassian()).createAtlassianSource({ ...options, kind: "atlassian" }),
    ),
    incidentio: onFirstFetch("incidentio", atlassianEndpoint, async () =>
      (await atlassian()).createAtlassianSource({ ...options, kind: "incidentio" }),
    ),
    "google-cloud": onFirstFetch("google-cloud", googleCloudEndpoint, async () =>
      (await import("./google-cloud-source.js")).createGoogleCloudSource(options),
    ),
    instatus: onFirstFetch("instatus", instatusEndpoint, async () =>
      (await import("./instatus-source.js")).createInstatusSource(),
    ),
    statusio: onFirstFetch(
      "statusio",
      (page) => statusioEndpoint(page),
      async () => (await import("./statusio-source.js")).createStatusioSource(options),
    ),
    betterstack: onFirstFetch("betterstack", betterStackEndpoint, async () =>
      (await import("./betterstack-source.js")).createBetterStackSource(),
    ),
    feed: onFirstFetch(
      "feed",
      (page) => page.url,
      async () => (await import("./feed-source.js")).createFeedSource(),
    ),
  };
}
