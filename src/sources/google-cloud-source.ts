import { z } from "zod";
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  INDICATORS,
  type Indicator,
  type OfficialComponent,
  type OfficialIncident,
} from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import { googleCloudEndpoint } from "./endpoints.js";
import { type GoogleIncident, GoogleIncidentListSchema, GoogleIncidentSchema } from "./google-cloud-schema.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import type { SourceError } from "./source-error.js";

/** The file holds the whole incident history, so it gets a larger cap than a summary. */
const GOOGLE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Google's impact and severity in the common vocabulary:
 * | status_impact       | severity high | otherwise | component status                        |
 * | SERVICE_OUTAGE      | critical      | major     | major_outage                            |
 * | SERVICE_DISRUPTION  | major         | minor     | partial_outage (degraded when low)      |
 * | SERVICE_INFORMATION | none          | none      | (no component: an advisory, not an outage) |
 */
function impactOf(incident: GoogleIncident): OfficialIncident["impact"] {
  const high = incident.severity === "high";
  if (incident.status_impact === "SERVICE_OUTAGE") return high ? "critical" : "major";
  if (incident.status_impact === "SERVICE_DISRUPTION") return high ? "major" : "minor";
  return "none";
}

function componentStatusOf(incident: GoogleIncident): ComponentStatus | null {
  if (incident.status_impact === "SERVICE_OUTAGE") return "major_outage";
  if (incident.status_impact === "SERVICE_DISRUPTION") {
    return incident.severity === "low" ? "degraded_performance" : "partial_outage";
  }
  return null;
}

/** Maps open Google incidents to a snapshot: affected product × location pairs become components. */
export function mapGoogleIncidents(
  open: GoogleIncident[],
  pageUrl: string,
  regionOf: (name: string) => string | null,
): OfficialSnapshot {
  const base = pageUrl.endsWith("/") ? pageUrl : `${pageUrl}/`;
  const incidents: OfficialIncident[] = open.map((i) => ({
    id: i.id,
    name: i.external_desc,
    status: i.most_recent_update.status.toLowerCase(),
    impact: impactOf(i),
    startedAt: i.begin,
    updatedAt: i.modified,
    latestUpdate: i.most_recent_update.text,
    url: new URL(i.uri, base).toString(),
  }));
  const components = new Map<string, OfficialComponent>();
  for (const incident of open) {
    const status = componentStatusOf(incident);
    if (status === null) continue;
    const products =
      incident.affected_products.length > 0 ? incident.affected_products : [{ title: incident.service_name }];
    for (const product of products) {
      const places = incident.currently_affected_locations;
      const entries =
        places.length === 0
          ? [{ name: product.title, group: null, region: null }]
          : places.map((p) => ({ name: p.title, group: product.title, region: regionOf(p.id) ?? regionOf(p.title) }));
      for (const entry of entries) {
        const key = `${entry.group ?? ""}\u0000${entry.name}`;
        const known = components.get(key);
        if (!known || COMPONENT_STATUSES.indexOf(status) > COMPONENT_STATUSES.indexOf(known.status)) {
          components.set(key, { ...entry, status });
        }
      }
    }
  }
  const indicator = incidents.reduce<Indicator>(
    (worst, i) => (INDICATORS.indexOf(i.impact) > INDICATORS.indexOf(worst) ? i.impact : worst),
    "none",
  );
  const description = incidents.length === 0 ? "All services available" : `${incidents.length} open incident(s)`;
  return { indicator, description, pageUrl, components: [...components.values()], incidents, maintenance: [] };
}

/** Validates and maps any JSON value; never throws. */
export function readGoogleIncidents(
  json: unknown,
  pageUrl: string,
  regionOf: (name: string) => string | null,
): { ok: true; status: OfficialSnapshot } | { ok: false; error: SourceError } {
  const list = parseWith(GoogleIncidentListSchema, json, "Google incidents.json");
  if (!list.ok) return list;
  // Resolved history is not used, so only open incidents must match the full schema.
  const open = parseWith(
    z.array(GoogleIncidentSchema),
    list.value.filter((i) => !i.end),
    "Google incidents.json",
  );
  return open.ok ? { ok: true, status: mapGoogleIncidents(open.value, pageUrl, regionOf) } : open;
}

/** Creates the source for Google Cloud / Google Workspace incidents JSON. */
export function createGoogleCloudSource(options: { regionOf?: (name: string) => string | null } = {}): StatusSource {
  const regionOf = options.regionOf ?? (() => null);
  return {
    kind: "google-cloud",
    endpoint: googleCloudEndpoint,
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const got = await getJson(googleCloudEndpoint(page), ctx, { maxBytes: GOOGLE_MAX_BYTES });
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const read = readGoogleIncidents(got.json, page.url, regionOf);
      if (!read.ok) return read;
      return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}

export { googleCloudEndpoint };
