import { createHash } from "node:crypto";
import { z } from "zod";
import { incidentJson } from "../domain/incident.js";
import { HttpError, sendJson } from "./respond.js";
/** Keys left out of the ETag: they move with the clock, not with the status. */
const VOLATILE_KEYS = new Set(["asOf", "ageSeconds"]);
/**
 * Sends JSON with `Cache-Control` and an ETag over the body's substance (without the clock-driven
 * `asOf`/`ageSeconds`), answering 304 when the client already holds it.
 */
export function sendCached(req, res, body, maxAgeS) {
    const stable = JSON.stringify(body, (key, value) => (VOLATILE_KEYS.has(key) ? undefined : value));
    const etag = `W/"${createHash("sha1").update(stable).digest("base64url")}"`;
    const headers = { "cache-control": `public, max-age=${maxAgeS}`, etag };
    const match = req.headers["if-none-match"];
    if (match?.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) {
        res.writeHead(304, headers);
        res.end();
        return;
    }
    sendJson(res, 200, body, headers);
}
/** Resolves a service by id, name or alias, or fails with 404 and did-you-mean suggestions. */
export function resolveService(deps, query) {
    const service = deps.ctx.catalog.resolve(query);
    if (service)
        return service;
    const suggestions = deps.ctx.catalog.suggest(query, 5).map((s) => ({ id: s.id, name: s.name }));
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => s.name).join(", ")}?` : "";
    throw new HttpError(404, "unknown_service", `no service called "${query.slice(0, 100)}"${hint}`, {}, { suggestions });
}
/** `GET /api/status/:service`: the status report of one service. */
export const getServiceStatus = async (req, res, deps, params) => {
    const service = resolveService(deps, params.service ?? "");
    const report = await deps.ctx.board.status(service.id, deps.ctx.now());
    sendCached(req, res, report, deps.settings.HTTP_CACHE_MAX_AGE_S);
};
/** `GET /api/status`: every service with a problem now, worst first. */
export const getProblems = async (req, res, deps) => {
    const now = deps.ctx.now();
    const services = await deps.ctx.board.problems(now);
    sendCached(req, res, { asOf: new Date(now).toISOString(), services }, deps.settings.HTTP_CACHE_MAX_AGE_S);
};
const IncidentQuerySchema = z.object({
    service: z.string().min(1).max(100).optional(),
    state: z.enum(["active", "recent"]).default("recent"),
    limit: z.coerce.number().int().min(1).max(100).default(25),
});
/** `GET /api/incidents?service=&state=active|recent&limit=`: detected incidents, newest first. */
export const getIncidents = async (req, res, deps, _params, url) => {
    const query = IncidentQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
        const issue = query.error.issues[0];
        throw new HttpError(400, "invalid_query", `${issue.path.join(".")}: ${issue.message}`);
    }
    const serviceId = query.data.service ? resolveService(deps, query.data.service).id : undefined;
    const now = deps.ctx.now();
    const incidents = await deps.ctx.board.incidents({
        ...(serviceId ? { serviceId } : {}),
        state: query.data.state,
        at: now,
        limit: query.data.limit,
    });
    sendCached(req, res, { asOf: new Date(now).toISOString(), incidents: incidents.map(incidentJson) }, deps.settings.HTTP_CACHE_MAX_AGE_S);
};
//# sourceMappingURL=status-routes.js.map