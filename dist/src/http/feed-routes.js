import { incidentsAtom } from "./incidents-atom.js";
import { sendText } from "./respond.js";
import { resolveService } from "./status-routes.js";
/** Incidents a feed carries: the newest, as a reader only shows the top of a feed. */
const FEED_ENTRIES = 50;
/** `http(s)://host` the request was made to; a Host header that is not a host name falls back to localhost. */
function baseUrlOf(req) {
    const host = req.headers.host ?? "";
    const proto = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
    return `${proto}://${/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : "localhost"}`;
}
async function sendFeed(req, res, deps, serviceQuery) {
    const service = serviceQuery === null ? null : resolveService(deps, serviceQuery);
    const now = deps.ctx.now();
    const incidents = await deps.ctx.board.incidents({
        ...(service ? { serviceId: service.id } : {}),
        state: "recent",
        at: now,
        limit: FEED_ENTRIES,
    });
    const atom = incidentsAtom(incidents, {
        catalog: deps.ctx.catalog,
        baseUrl: baseUrlOf(req),
        selfPath: service ? `/feed/${encodeURIComponent(service.id)}.atom` : "/feed.atom",
        service: service ? { id: service.id, name: service.name } : null,
        now,
    });
    sendText(res, 200, atom, {
        "content-type": "application/atom+xml; charset=utf-8",
        "cache-control": `public, max-age=${deps.settings.HTTP_CACHE_MAX_AGE_S}`,
    });
}
/** `GET /feed.atom`: detected incidents of every service as an Atom feed, for readers that do not need Discord. */
export const getFeed = (req, res, deps) => sendFeed(req, res, deps, null);
/** `GET /feed/:service.atom`: one service's incidents (any id, name or alias; 404 with suggestions). */
export const getServiceFeed = (req, res, deps, params) => sendFeed(req, res, deps, params.service ?? "");
//# sourceMappingURL=feed-routes.js.map