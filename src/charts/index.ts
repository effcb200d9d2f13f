import type { ReplyFile } from "../domain/reply.js";
import { regionsChartAltText, statusChartAltText } from "./alt-text.js";
import { drawRegionsChart, regionBars, regionsChartHeight } from "./regions-chart.js";
import { createPngRenderer, type PngRenderer } from "./render-png.js";
import { type ChartLogger, type ChartResult, type ChartSteps, renderChart, renderChartAsync } from "./result.js";
import {
  type RegionsChartInput,
  RegionsChartInputSchema,
  type StatusChartInput,
  StatusChartInputSchema,
} from "./schema.js";
import { cleanPoints, hasNoData } from "./series.js";
import { drawStatusChart, STATUS_CHART_SIZE } from "./status-chart.js";

export { formatDayTime } from "./format.js";
export { officialSpans } from "./official-spans.js";
export { buildRegionsChartSvg } from "./regions-chart.js";
export { createPngRenderer, FONT_PACKAGE, type PngRenderer } from "./render-png.js";
export type { ChartFailure, ChartLogger, ChartResult } from "./result.js";
export { OFFICIAL_STRIP_STATES, type OfficialSpan, type RegionsChartInput, type StatusChartInput } from "./schema.js";
export { usualBand } from "./series.js";
export { type SparklineOptions, sparkline } from "./sparkline.js";
export { buildStatusChartSvg, STATUS_CHART_SIZE } from "./status-chart.js";

const STATUS_STEPS: ChartSteps<typeof StatusChartInputSchema> = {
  empty: (data) => hasNoData(cleanPoints(data.points)),
  draw: (data) => ({
    svg: drawStatusChart(data),
    width: data.width ?? STATUS_CHART_SIZE.width,
    height: data.height ?? STATUS_CHART_SIZE.height,
  }),
  describe: statusChartAltText,
};

const REGIONS_STEPS: ChartSteps<typeof RegionsChartInputSchema> = {
  empty: (data) => regionBars(data).length === 0,
  draw: (data) => ({
    svg: drawRegionsChart(data),
    width: data.width ?? 800,
    height: regionsChartHeight(regionBars(data).length),
  }),
  describe: regionsChartAltText,
};

/** Draws the charts to PNG with a font state of its own (see PngRenderer); the app owns one. */
export interface ChartRenderer extends PngRenderer {
  /** Renders the status chart (reports against the usual band) to PNG, or says why not. Never throws. */
  statusChart(input: StatusChartInput, log?: ChartLogger): ChartResult;
  /** `statusChart` drawn off the event loop (resvg on the thread pool). Never rejects. */
  statusChartAsync(input: StatusChartInput, log?: ChartLogger): Promise<ChartResult>;
  /** Renders the top-regions bar chart to PNG, or says why not. Never throws. */
  regionsChart(input: RegionsChartInput, log?: ChartLogger): ChartResult;
  /** `regionsChart` drawn off the event loop. Never rejects. */
  regionsChartAsync(input: RegionsChartInput, log?: ChartLogger): Promise<ChartResult>;
}

/** A chart renderer over a new PNG renderer (its own font state). */
export function createChartRenderer(png: PngRenderer = createPngRenderer()): ChartRenderer {
  return {
    ...png,
    statusChart: (input, log) => renderChart(StatusChartInputSchema, input, STATUS_STEPS, png, log),
    statusChartAsync: (input, log) => renderChartAsync(StatusChartInputSchema, input, STATUS_STEPS, png, log),
    regionsChart: (input, log) => renderChart(RegionsChartInputSchema, input, REGIONS_STEPS, png, log),
    regionsChartAsync: (input, log) => renderChartAsync(RegionsChartInputSchema, input, REGIONS_STEPS, png, log),
  };
}

/**
 * A safe attachment name: `<kind>-<id>.png` with only [a-z0-9-] in it, because Discord matches
 * `attachment://<name>` against the uploaded file name and drops other characters.
 */
export function chartFileName(kind: "status" | "regions", id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${kind}-${slug || "chart"}.png`;
}

/** The embed `imageUrl` that shows an attached file inside the embed. */
export function attachmentUrl(name: string): string {
  return `attachment://${name}`;
}

/** A PNG as a reply attachment, with alt text (cut to Discord's 1024 characters). */
export function chartFile(png: Uint8Array, name: string, description?: string): ReplyFile {
  const file: ReplyFile = { name, contentType: "image/png", data: png };
  if (description) file.description = description.slice(0, 1024);
  return file;
}

/** The attachment for a chart result (null when there is no picture), named for `chartFileName`. */
export function chartAttachment(result: ChartResult, kind: "status" | "regions", id: string): ReplyFile | null {
  return result.ok ? chartFile(result.png, chartFileName(kind, id), result.description) : null;
}
