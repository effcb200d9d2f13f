import { PAGE_CSP, renderStatusPage } from "./page.js";
import { HttpError, sendText } from "./respond.js";
import { resolveService } from "./status-routes.js";
/** `GET /`: the server-rendered status page. */
export const getPage = async (_req, res, deps) => {
    const now = deps.ctx.now();
    const problems = await deps.ctx.board.problems(now);
    const charted = new Set(deps.chartSvg ? problems.map((p) => p.service.id) : []);
    const html = renderStatusPage({
        problems,
        watched: deps.ctx.catalog.all().length,
        now,
        charted,
        refreshS: deps.settings.HTTP_CACHE_MAX_AGE_S,
    });
    sendText(res, 200, html, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PAGE_CSP,
        "cache-control": `public, max-age=${deps.settings.HTTP_CACHE_MAX_AGE_S}`,
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
    });
};
/** CSP of a chart served on its own: styles inside the SVG, never scripts. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src 'none'";
/** `GET /charts/:service.svg`: the 24 h chart of one service as SVG. */
export const getChart = async (_req, res, deps, params) => {
    if (!deps.chartSvg)
        throw new HttpError(404, "no_charts", "charts are not available");
    const service = resolveService(deps, params.service ?? "");
    let svg = null;
    try {
        svg = await deps.chartSvg(service.id, deps.ctx.now());
    }
    catch (err) {
        // A chart that cannot be drawn leaves the page without a picture, never with an error.
        deps.logger.warn({ err, serviceId: service.id }, "status page chart failed");
    }
    if (!svg)
        throw new HttpError(404, "no_chart", `no chart for ${service.name} yet`);
    sendText(res, 200, svg, {
        "content-type": "image/svg+xml; charset=utf-8",
        "content-security-policy": SVG_CSP,
        "cache-control": `public, max-age=${deps.settings.HTTP_CACHE_MAX_AGE_S}`,
    });
};
/** `GET /favicon.ico`: browsers ask on every page; an empty answer keeps logs and consoles free of 404s. */
export const noFavicon = async (_req, res) => {
    res.writeHead(204, { "cache-control": "public, max-age=86400" });
    res.end();
};
//# sourceMappingURL=page-routes.js.map