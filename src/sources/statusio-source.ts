import type { ComponentStatus, Indicator, OfficialComponent, OfficialIncident } from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import { STATUSIO_API_BASE, type StatusioTarget, statusioEndpoint, statusioTarget } from "./endpoints.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import { type SourceError, sourceError } from "./source-error.js";
import {
  type StatusioCode,
  type StatusioIncident,
  type StatusioMaintenance,
  type StatusioMessage,
  type StatusioStatus,
  StatusioStatusSchema,
} from "./statusio-schema.js";

/**
 * | status.io code              | component status     | indicator / impact |
 * | 100 Operational             | operational          | none               |
 * | 200 Planned Maintenance     | under_maintenance    | maintenance        |
 * | 300 Degraded Performance    | degraded_performance | minor              |
 * | 400 Partial Service Disruption | partial_outage    | major              |
 * | 500 Service Disruption      | major_outage         | critical           |
 * | 600 Security Event          | major_outage         | critical (status.io ranks it above 500) |
 */
const COMPONENT_STATUS: Record<StatusioCode, ComponentStatus> = {
  100: "operational",
  200: "under_maintenance",
  300: "degraded_performance",
  400: "partial_outage",
  500: "major_outage",
  600: "major_outage",
};
const INDICATOR: Record<StatusioCode, Indicator> = {
  100: "none",
  200: "maintenance",
  300: "minor",
  400: "major",
  500: "critical",
  600: "critical",
};

/** Incident states of status.io messages. */
const STATES: Record<number, string> = { 100: "investigating", 200: "identified", 300: "monitoring" };

/** Maps a validated answer to the common snapshot: each component × container pair is a component. */
export function mapStatusioStatus(
  status: StatusioStatus,
  target: Pick<StatusioTarget, "pageId" | "pageUrl" | "site">,
  regionOf: (name: string) => string | null,
): OfficialSnapshot {
  const { result } = status;
  const components = result.status.flatMap((c): OfficialComponent[] => {
    if (c.containers.length === 0) {
      // The schema requires a code on a component without containers; 100 only satisfies the types.
      const code = c.status_code ?? 100;
      return [{ name: c.name, status: COMPONENT_STATUS[code], group: null, region: regionOf(c.name) }];
    }
    // Containers are where a component runs (a cloud, a data centre, a region), so they name places more often.
    return c.containers.map((k) => ({
      name: c.name,
      status: COMPONENT_STATUS[k.status_code],
      group: k.name,
      region: regionOf(k.name) ?? regionOf(c.name),
    }));
  });
  const link = (kind: "incident" | "maintenance", id: string) =>
    `${target.site}/pages/${kind}/${target.pageId}/${encodeURIComponent(id)}`;
  // The public API lists open incidents only; a closing time is honoured in case a page keeps one.
  const incidents = result.incidents
    .filter((i) => !i.datetime_close)
    .map((i) => mapIncident(i, link("incident", i._id)));
  const maintenance = result.maintenance.active.map((m) => mapMaintenance(m, link("maintenance", m._id)));
  return {
    indicator: INDICATOR[result.status_overall.status_code],
    description: result.status_overall.status,
    pageUrl: target.pageUrl,
    components,
    incidents,
    maintenance,
  };
}

/** Validates and maps any JSON value; never throws. */
export function readStatusioStatus(
  json: unknown,
  target: Pick<StatusioTarget, "pageId" | "pageUrl" | "site">,
  regionOf: (name: string) => string | null,
): { ok: true; status: OfficialSnapshot } | { ok: false; error: SourceError } {
  const parsed = parseWith(StatusioStatusSchema, json, "status.io status");
  return parsed.ok ? { ok: true, status: mapStatusioStatus(parsed.value, target, regionOf) } : parsed;
}

function latestOf(messages: StatusioMessage[]): StatusioMessage | undefined {
  // Messages come newest first on the pages seen; sort anyway rather than trust the order.
  return [...messages].sort((a, b) => b.datetime.localeCompare(a.datetime))[0];
}

function mapIncident(incident: StatusioIncident, url: string): OfficialIncident {
  const latest = latestOf(incident.messages);
  const code = latest?.status ?? incident.status_code ?? null;
  return {
    id: incident._id,
    name: incident.name,
    status: (latest?.state != null ? STATES[latest.state] : undefined) ?? "open",
    // An open incident without any code still says something is wrong.
    impact: code === null ? "minor" : INDICATOR[code],
    startedAt: incident.datetime_open,
    updatedAt: latest?.datetime ?? incident.datetime_open,
    latestUpdate: latest?.details ?? null,
    url,
  };
}

function mapMaintenance(maintenance: StatusioMaintenance, url: string): OfficialIncident {
  const latest = latestOf(maintenance.messages);
  return {
    id: maintenance._id,
    name: maintenance.name,
    status: "in_progress",
    impact: "maintenance",
    startedAt: maintenance.datetime_planned_start ?? maintenance.datetime_open,
    updatedAt: latest?.datetime ?? maintenance.datetime_open,
    latestUpdate: latest?.details ?? null,
    url,
  };
}

/**
 * Creates the status.io source. `apiBase` moves the API (tests serve it on 127.0.0.1); the
 * catalog's own URLs never change it.
 */
export function createStatusioSource(
  options: { apiBase?: string; regionOf?: (name: string) => string | null } = {},
): StatusSource {
  const regionOf = options.regionOf ?? (() => null);
  const apiBase = options.apiBase ?? STATUSIO_API_BASE;
  return {
    kind: "statusio",
    endpoint: (page) => statusioEndpoint(page, apiBase),
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const target = statusioTarget(page, apiBase);
      if (!target) {
        const reason = `no status.io page id for ${page.url}: set statusPage.pageId (24 hex digits) in the catalog`;
        return { ok: false, error: sourceError("parse", reason) };
      }
      const got = await getJson(target.endpoint, ctx);
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const read = readStatusioStatus(got.json, target, regionOf);
      if (!read.ok) return read;
      return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}

export { STATUSIO_API_BASE, type StatusioTarget, statusioEndpoint, statusioTarget };
