import { z } from "zod";
import { INDICATORS } from "../domain/official.js";
import { getJson } from "./http-get-json.js";
import { parseWith } from "./parse-with.js";
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
/**
 * | Instatus impact                 | impact   |
 * | MAJOROUTAGE                     | critical |
 * | PARTIALOUTAGE                   | major    |
 * | MINOROUTAGE, DEGRADEDPERFORMANCE, not given | minor |
 * | UNDERMAINTENANCE                | maintenance |
 * | OPERATIONAL                     | none     |
 */
const IMPACTS = {
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
/** Builds the summary.json URL from the page's base URL (a URL already ending in .json is kept). */
export function instatusEndpoint(page) {
    if (page.url.endsWith(".json"))
        return page.url;
    return new URL("summary.json", page.url.endsWith("/") ? page.url : `${page.url}/`).toString();
}
/** Maps a validated summary to the common snapshot. */
export function mapInstatusSummary(summary) {
    const incidents = summary.activeIncidents.map((i, n) => ({
        id: i.id ?? i.url ?? `${i.name}#${n}`,
        name: i.name,
        status: i.status.toLowerCase(),
        impact: i.impact ? IMPACTS[i.impact] : "minor",
        startedAt: i.started,
        updatedAt: i.updatedAt ?? i.started,
        latestUpdate: null,
        url: i.url ?? null,
    }));
    const maintenance = summary.activeMaintenances
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
    const worst = incidents.reduce((w, i) => (INDICATORS.indexOf(i.impact) > INDICATORS.indexOf(w) && i.impact !== "maintenance" ? i.impact : w), "none");
    const status = summary.page.status;
    const indicator = status === "UNDERMAINTENANCE" ? "maintenance" : status === "HASISSUES" && worst === "none" ? "minor" : worst;
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
export function readInstatusSummary(json) {
    const parsed = parseWith(InstatusSummarySchema, json, "Instatus summary.json");
    return parsed.ok ? { ok: true, status: mapInstatusSummary(parsed.value) } : parsed;
}
/** Creates the Instatus source. */
export function createInstatusSource() {
    return {
        kind: "instatus",
        endpoint: instatusEndpoint,
        async fetch(page, ctx) {
            const got = await getJson(instatusEndpoint(page), ctx);
            if (!got.ok)
                return got;
            if (got.notModified)
                return { ...got, status: null };
            const read = readInstatusSummary(got.json);
            if (!read.ok)
                return read;
            return { ok: true, notModified: false, status: read.status, etag: got.etag, lastModified: got.lastModified };
        },
    };
}
//# sourceMappingURL=instatus-source.js.map