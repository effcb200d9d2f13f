import { createHash } from "node:crypto";
import { LEVEL_LABELS } from "../domain/levels.js";
import { escapeHtml } from "./html.js";
const STYLE = `
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header,main,footer{max-width:880px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.5rem 0}
.service{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px;margin:0 0 16px}
.service h2{font-size:1.2rem;margin:0 0 .25rem;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.badge{font-size:.8rem;font-weight:600;padding:2px 8px;border-radius:999px;border:1px solid}
.level-degraded{background:#fdf8c7;border-color:#b5a800;color:#4d4700}
.level-partial_outage{background:#fde9c8;border-color:#c77f00;color:#5c3b00}
.level-major_outage{background:#f9d9c7;border-color:#b34700;color:#5e2400}
.level-operational{background:#d9f2ea;border-color:#007a59;color:#00402f}
.meta{color:#4b5565;margin:.25rem 0}
.chart{width:100%;height:auto;margin-top:8px;border-radius:6px}
.ok{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:24px;text-align:center}
`.trim();
/** The CSP hash of the page's only style block, so no inline style or script is otherwise allowed. */
const STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;
/** The page's Content-Security-Policy: nothing but its own style block and same-origin chart images. */
export const PAGE_CSP = [
    "default-src 'none'",
    `style-src '${STYLE_HASH}'`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
].join("; ");
/** Renders the status page: services with problems now, worst first, with level badges and charts. */
export function renderStatusPage(input) {
    const asOf = new Date(input.now).toISOString();
    const body = input.problems.length
        ? input.problems.map((report) => serviceCard(report, input.charted.has(report.service.id))).join("\n")
        : `<p class="ok" id="all-clear">All ${input.watched} watched services look operational.</p>`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="${Math.max(30, input.refreshS)}">
<title>outage-bot status</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Is it down?</h1><p class="meta">Services with problems now, worst first. As of <time datetime="${asOf}">${escapeHtml(asOf.replace("T", " ").slice(0, 16))} UTC</time>.</p></header>
<main id="problems">
${body}
</main>
<footer><p class="meta">outage-bot · crowd reports and official status pages · <a href="/api/status">JSON</a></p></footer>
</body>
</html>
`;
}
function serviceCard(report, charted) {
    const id = escapeHtml(report.service.id);
    const name = escapeHtml(report.service.name);
    const label = escapeHtml(LEVEL_LABELS[report.level]);
    const since = report.since
        ? ` since <time datetime="${escapeHtml(report.since)}">${escapeHtml(report.since.slice(11, 16))} UTC</time>`
        : "";
    const crowd = `${report.crowd.last15m} reports in 15 min, ${report.crowd.lastHour} in the last hour (usual ${Math.round(report.crowd.baselineHour)})`;
    const official = report.official?.description
        ? `<p class="meta">Official status: ${escapeHtml(report.official.description)}</p>`
        : "";
    const chart = charted
        ? `<img class="chart" src="/charts/${encodeURIComponent(report.service.id)}.svg" width="800" height="300" alt="${name}: reports over the last 24 hours against the usual level">`
        : "";
    return `<section class="service" data-service="${id}" data-level="${escapeHtml(report.level)}">
<h2>${name} <span class="badge level-${escapeHtml(report.level)}">${label}</span></h2>
<p class="meta">${escapeHtml(report.reason)}${since}</p>
<p class="meta">${escapeHtml(crowd)}</p>
${official}${chart}
</section>`;
}
//# sourceMappingURL=page.js.map