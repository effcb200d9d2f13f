import { regionsChartAltText, statusChartAltText } from "./alt-text.js";
import { drawRegionsChart, regionBars, regionsChartHeight } from "./regions-chart.js";
import { renderChart } from "./result.js";
import { RegionsChartInputSchema, StatusChartInputSchema, } from "./schema.js";
import { cleanPoints, hasNoData } from "./series.js";
import { drawStatusChart, STATUS_CHART_SIZE } from "./status-chart.js";
export { formatDayTime } from "./format.js";
export { officialSpans } from "./official-spans.js";
export { buildRegionsChartSvg } from "./regions-chart.js";
export { chartFontsInUse, FONT_PACKAGE, prepareChartFonts, renderPng } from "./render-png.js";
export { OFFICIAL_STRIP_STATES } from "./schema.js";
export { usualBand } from "./series.js";
export { sparkline } from "./sparkline.js";
export { buildStatusChartSvg, STATUS_CHART_SIZE } from "./status-chart.js";
/** Renders the status chart (reports against the usual band) to PNG, or says why not. Never throws. */
export function statusChart(input, log) {
    return renderChart(StatusChartInputSchema, input, {
        empty: (data) => hasNoData(cleanPoints(data.points)),
        draw: (data) => ({
            svg: drawStatusChart(data),
            width: data.width ?? STATUS_CHART_SIZE.width,
            height: data.height ?? STATUS_CHART_SIZE.height,
        }),
        describe: statusChartAltText,
    }, log);
}
/** Renders the top-regions bar chart to PNG, or says why not. Never throws. */
export function regionsChart(input, log) {
    return renderChart(RegionsChartInputSchema, input, {
        empty: (data) => regionBars(data).length === 0,
        draw: (data) => ({
            svg: drawRegionsChart(data),
            width: data.width ?? 800,
            height: regionsChartHeight(regionBars(data).length),
        }),
        describe: regionsChartAltText,
    }, log);
}
/**
 * A safe attachment name: `<kind>-<id>.png` with only [a-z0-9-] in it, because Discord matches
 * `attachment://<name>` against the uploaded file name and drops other characters.
 */
export function chartFileName(kind, id) {
    const slug = id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60);
    return `${kind}-${slug || "chart"}.png`;
}
/** The embed `imageUrl` that shows an attached file inside the embed. */
export function attachmentUrl(name) {
    return `attachment://${name}`;
}
/** A PNG as a reply attachment, with alt text (cut to Discord's 1024 characters). */
export function chartFile(png, name, description) {
    const file = { name, contentType: "image/png", data: png };
    if (description)
        file.description = description.slice(0, 1024);
    return file;
}
/** The attachment for a chart result (null when there is no picture), named for `chartFileName`. */
export function chartAttachment(result, kind, id) {
    return result.ok ? chartFile(result.png, chartFileName(kind, id), result.description) : null;
}
//# sourceMappingURL=index.js.map