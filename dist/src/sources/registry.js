import { createAtlassianSource } from "./atlassian-source.js";
import { createBetterStackSource } from "./betterstack-source.js";
import { createFeedSource } from "./feed-source.js";
import { createGoogleCloudSource } from "./google-cloud-source.js";
import { createInstatusSource } from "./instatus-source.js";
import { createStatusioSource } from "./statusio-source.js";
/**
 * The built-in adapters: Statuspage v2 (also incident.io's compatible JSON), Google's incidents
 * JSON, Instatus, status.io (its public API keyed by the catalog's `pageId`), Better Stack's
 * index.json, and any RSS/Atom feed.
 */
export function createSourceRegistry(regionOf) {
    const options = regionOf ? { regionOf } : {};
    return {
        atlassian: createAtlassianSource({ ...options, kind: "atlassian" }),
        incidentio: createAtlassianSource({ ...options, kind: "incidentio" }),
        "google-cloud": createGoogleCloudSource(options),
        instatus: createInstatusSource(),
        statusio: createStatusioSource(options),
        betterstack: createBetterStackSource(),
        feed: createFeedSource(),
    };
}
//# sourceMappingURL=registry.js.map