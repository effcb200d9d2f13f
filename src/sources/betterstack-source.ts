import type { ComponentStatus, Indicator, OfficialComponent, OfficialIncident } from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import {
  type BetterStackIndex,
  BetterStackIndexSchema,
  type BetterStackReport,
  type BetterStackState as State,
} from "./betterstack-schema.js";
import { betterStackEndpoint } from "./endpoints.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import type { SourceError } from "./source-error.js";

/** | Better Stack state | indicator / component status / impact | */
const INDICATOR: Record<State, Indicator> = {
  operational: "none",
  degraded: "minor",
  downtime: "major",
  maintenance: "maintenance",
};
const COMPONENT: Record<State, ComponentStatus> = {
  operational: "operational",
  degraded: "degraded_performance",
  downtime: "major_outage",
  maintenance: "under_maintenance",
};
const DESCRIPTION: Record<State, string> = {
  operational: "All services are online",
  degraded: "Some services are degraded",
  downtime: "Some services are down",
  maintenance: "Under maintenance",
};

/** The `/index.json` URL of a page (a URL already ending in .json is kept). */
/**
 * Maps a validated index.json: resources become components (grouped by section; "not monitored"
 * ones are left out, their state being unknown), open reports become incidents, and maintenance
 * reports count only between their start and end.
 */
export function mapBetterStackIndex(index: BetterStackIndex, pageUrl: string, now: number): OfficialSnapshot {
  const sections = new Map(index.sections.map((s) => [s.id, s.attributes.name ?? null]));
  const components: OfficialComponent[] = index.resources
    .filter((r) => r.attributes.status !== "not_monitored")
    .map((r) => {
      const section = r.attributes.status_page_section_id;
      return {
        name: r.attributes.public_name,
        status: COMPONENT[r.attributes.status as State],
        group: section == null ? null : (sections.get(String(section)) ?? null),
        region: null,
      };
    });
  const open = index.reports.filter(
    (r) => r.attributes.aggregate_state !== "operational" && r.attributes.aggregate_state !== "resolved",
  );
  const isMaintenance = (r: BetterStackReport) => r.attributes.report_type === "maintenance";
  const inWindow = (r: BetterStackReport) => {
    const start = Date.parse(r.attributes.starts_at ?? "");
    const end = Date.parse(r.attributes.ends_at ?? "");
    return !(start > now) && !(end <= now);
  };
  const toIncident = (r: BetterStackReport): OfficialIncident => {
    const latest = index.updates
      .filter((u) => String(u.attributes.status_report_id) === r.id)
      .sort((a, b) => (b.attributes.published_at ?? "").localeCompare(a.attributes.published_at ?? ""))[0];
    const state = r.attributes.aggregate_state;
    return {
      id: r.id,
      name: r.attributes.title,
      status: isMaintenance(r) ? "in_progress" : state,
      impact: isMaintenance(r) ? "maintenance" : state === "downtime" ? "major" : "minor",
      startedAt: r.attributes.starts_at ?? null,
      updatedAt: latest?.attributes.published_at ?? r.attributes.starts_at ?? null,
      latestUpdate: latest?.attributes.message ?? null,
      url: `${pageUrl.replace(/\/$/, "")}/incidents/${r.id}`,
    };
  };
  const state = index.data.attributes.aggregate_state;
  return {
    indicator: INDICATOR[state],
    description: index.data.attributes.announcement || DESCRIPTION[state],
    pageUrl,
    components,
    incidents: open.filter((r) => !isMaintenance(r)).map(toIncident),
    maintenance: open.filter((r) => isMaintenance(r) && inWindow(r)).map(toIncident),
  };
}

/** Validates and maps any JSON value; never throws. */
export function readBetterStackIndex(
  json: unknown,
  pageUrl: string,
  now: number,
): { ok: true; status: OfficialSnapshot } | { ok: false; error: SourceError } {
  const parsed = parseWith(BetterStackIndexSchema, json, "Better Stack index.json");
  return parsed.ok ? { ok: true, status: mapBetterStackIndex(parsed.value, pageUrl, now) } : parsed;
}

/** Creates the Better Stack status page source. */
export function createBetterStackSource(): StatusSource {
  return {
    kind: "betterstack",
    endpoint: betterStackEndpoint,
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const got = await getJson(betterStackEndpoint(page), ctx);
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const pageUrl = page.url.replace(/\/index\.json$/, "");
      const read = readBetterStackIndex(got.json, pageUrl, ctx.now());
      if (!read.ok) return read;
      return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}

export { betterStackEndpoint };
