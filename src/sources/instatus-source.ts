import { z } from "zod";
import { INDICATORS, type Indicator, type OfficialIncident } from "../domain/official.js";
import type { StatusPage } from "../domain/service.js";
import { instatusEndpoint } from "./endpoints.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
import type { OfficialSnapshot, SourceFetchContext, SourceResult, StatusSource } from "./source.js";
import type { SourceError } from "./source-error.js";

/**
 * Instatus public `summary.json` (https://<page>/summary.json): the page's overall state and its
 * active incidents and maintenances. Components live in a second document, so this source
 * reports none (one request per poll).
 */
const ImpactSchema = z.enum([
  "OPERATIONAL",
  "DEGRADEDPERFORMANCE",
  "MINOROUTAGE",
  "PARTIALOUTAGE",
  "MAJOROUTAGE",
  "UNDERMAINTENANCE",
]);

const EntrySchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  status: z.string(),
  url: z.string().nullish(),
  updatedAt: z.string().nullish(),
});

export const InstatusSummarySchema = z.object({
  page: z.object({ name: z.string(), url: z.string(), status: z.enum(["UP", "HASISSUES", "UNDERMAINTENANCE"]) }),
  activeIncidents: z.array(EntrySchema.extend({ started: z.string(), impact: ImpactSchema.nullish() })).default([]),
  activeMaintenances: z.array(EntrySchema.extend({ start: z.string() })).default([]),
});
export type InstatusSummary = z.infer<typeof InstatusSummarySchema>;

/**
 * | Instatus impact                 | impact   |
 * | MAJOROUTAGE                     | critical |
 * | PARTIALOUTAGE                   | major    |
 * | MINOROUTAGE, DEGRADEDPERFORMANCE, not given | minor |
 * | UNDERMAINTENANCE                | maintenance |
 * | OPERATIONAL                     | none     |
 */
const IMPACTS: Record<z.infer<typeof ImpactSchema>, OfficialIncident["impact"]> = {
  OPERATIONAL: "none",
  DEGRADEDPERFORMANCE: "minor",
  MINOROUTAGE: "minor",
  PARTIALOUTAGE: "major",
  MAJOROUTAGE: "critical",
  UNDERMAINTENANCE: "maintenance",
};

const DESCRIPTIONS = {
  UP: "All systems operational",
  HASISSUES: "Some systems have issues",
  UNDERMAINTENANCE: "Under maintenance",
};

/** Maps a validated summary to the common snapshot. */
export function mapInstatusSummary(summary: InstatusSummary): OfficialSnapshot {
  const incidents: OfficialIncident[] = summary.activeIncidents.map((i, n) => ({
    id: i.id ?? i.url ?? `${i.name}#${n}`,
    name: i.name,
    status: i.status.toLowerCase(),
    impact: i.impact ? IMPACTS[i.impact] : "minor",
    startedAt: i.started,
    updatedAt: i.updatedAt ?? i.started,
    latestUpdate: null,
    url: i.url ?? null,
  }));
  const maintenance: OfficialIncident[] = summary.activeMaintenances
    .filter((m) => m.status === "INPROGRESS")
    .map((m, n) => ({
      id: m.id ?? m.url ?? `${m.name}#${n}`,
      name: m.name,
      status: "in_progress",
      impact: "maintenance",
      startedAt: m.start,
      updatedAt: m.updatedAt ?? m.start,
      latestUpdate: null,
      url: m.url ?? null,
    }));
  const worst = incidents.reduce<Indicator>(
    (w, i) => (INDICATORS.indexOf(i.impact) > INDICATORS.indexOf(w) && i.impact !== "maintenance" ? i.impact : w),
    "none",
  );
  const status = summary.page.status;
  const indicator: Indicator =
    status === "UNDERMAINTENANCE" ? "maintenance" : status === "HASISSUES" && worst === "none" ? "minor" : worst;
  return {
    indicator,
    description: DESCRIPTIONS[status],
    pageUrl: summary.page.url,
    components: [],
    incidents,
    maintenance,
  };
}

/** Validates and maps any JSON value; never throws. */
export function readInstatusSummary(
  json: unknown,
): { ok: true; status: OfficialSnapshot } | { ok: false; error: SourceError } {
  const parsed = parseWith(InstatusSummarySchema, json, "Instatus summary.json");
  return parsed.ok ? { ok: true, status: mapInstatusSummary(parsed.value) } : parsed;
}

/** Creates the Instatus source. */
export function createInstatusSource(): StatusSource {
  return {
    kind: "instatus",
    endpoint: instatusEndpoint,
    async fetch(page: StatusPage, ctx: SourceFetchContext): Promise<SourceResult> {
      const got = await getJson(instatusEndpoint(page), ctx);
      if (!got.ok) return got;
      if (got.notModified) return { ...got, status: null };
      const read = readInstatusSummary(got.json);
      if (!read.ok) return read;
      return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
    },
  };
}

export { instatusEndpoint };
