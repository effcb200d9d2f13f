import type { OfficialComponent, OfficialIncident } from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import { type AtlassianIncident, type AtlassianSummary, AtlassianSummarySchema } from "./atlassian-schema.js";
import { atlassianEndpoint } from "./endpoints.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import type { SourceError } from "./source-error.js";

/** Incident states that mean it is over (Statuspage keeps them out of summary.json, but be safe). */
const CLOSED = new Set(["resolved", "postmortem", "completed"]);

/** Maps a validated summary to the common snapshot: group components become containers. */
export function mapAtlassianSummary(
  summary: AtlassianSummary,
  regionOf: (name: string) => string | null,
): OfficialSnapshot {
  const groupNames = new Map<string, string>();
  for (const c of summary.components) if (c.group === true) groupNames.set(c.id, c.name);
  const components: OfficialComponent[] = summary.components
    .filter((c) => c.group !== true)
    .map((c) => {
      const group = c.group_id ? (groupNames.get(c.group_id) ?? null) : null;
      return { name: c.name, status: c.status, group, region: regionOf(c.name) ?? (group ? regionOf(group) : null) };
    });
  const pageUrl = summary.page.url;
  const incidents = summary.incidents.filter((i) => !CLOSED.has(i.status)).map((i) => mapIncident(i, pageUrl));
  // Only maintenance happening now: "scheduled" ones are in the future.
  const maintenance = summary.scheduled_maintenances
    .filter((m) => m.status === "in_progress" || m.status === "verifying")
    .map((m) => mapIncident({ ...m, started_at: m.started_at ?? m.scheduled_for ?? null }, pageUrl));
  return {
    indicator: summary.status.indicator,
    description: summary.status.description,
    pageUrl,
    components,
    incidents,
    maintenance,
  };
}

/** Validates and maps any JSON value; never throws. */
export function readAtlassianSummary(
  json: unknown,
  regionOf: (name: string) => string | null,
): { ok: true; status: OfficialSnapshot } | { ok: false; error: SourceError } {
  const parsed = parseWith(AtlassianSummarySchema, json, "Statuspage summary.json");
  return parsed.ok ? { ok: true, status: mapAtlassianSummary(parsed.value, regionOf) } : parsed;
}

function mapIncident(incident: AtlassianIncident, pageUrl: string): OfficialIncident {
  // Updates are newest first in the published format; sort anyway rather than trust the order.
  const latest = [...incident.incident_updates].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    startedAt: incident.started_at ?? incident.created_at,
    updatedAt: incident.updated_at ?? latest?.created_at ?? incident.created_at,
    latestUpdate: latest?.body ?? null,
    url: incident.shortlink ?? `${pageUrl.replace(/\/$/, "")}/incidents/${incident.id}`,
  };
}

/** Creates the Atlassian Statuspage v2 source (also used for incident.io's compatible JSON). */
export function createAtlassianSource(
  options: { kind?: "atlassian" | "incidentio"; regionOf?: (name: string) => string | null } = {},
): StatusSource {
  const regionOf = options.regionOf ?? (() => null);
  return {
    kind: options.kind ?? "atlassian",
    endpoint: atlassianEndpoint,
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const got = await getJson(atlassianEndpoint(page), ctx);
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const read = readAtlassianSummary(got.json, regionOf);
      if (!read.ok) return read;
      return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}

export { atlassianEndpoint };
