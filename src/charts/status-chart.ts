import { formatCompact } from "../domain/format.js";
import { LEVEL_LABELS, LEVELS } from "../domain/levels.js";
import { formatDay, formatDayTime, formatSpan, formatStep } from "./format.js";
import { type LegendItem, legend } from "./legend.js";
import { linear, niceTicks, timeTicks } from "./scale.js";
import { type OfficialSpan, type StatusChartData, type StatusChartInput, StatusChartInputSchema } from "./schema.js";
import { type CleanPoint, cleanPoints, hasNoData, inferStep, usualBand } from "./series.js";
import { px, svgOpen, text, textWidth, truncate } from "./svg.js";
import { LEVEL_COLOURS, THEME } from "./theme.js";

/** Default picture size: fits Discord's embed image at full width without downscaling blur. */
export const STATUS_CHART_SIZE = { width: 800, height: 300 } as const;

const DAY = 86_400_000;
const STRIP_FILL: Record<OfficialSpan["state"], { fill: string; ink: string; label: string }> = {
  degraded: { fill: "url(#st-degraded)", ink: "#1c2029", label: "Degraded" },
  outage: { fill: "url(#st-outage)", ink: "#1c2029", label: "Outage" },
  maintenance: { fill: "url(#st-maintenance)", ink: "#ffffff", label: "Maintenance" },
};

/** Patterns so official states differ by texture and word, not only colour. */
const DEFS =
  "<defs>" +
  '<pattern id="st-degraded" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f0e442"/></pattern>' +
  '<pattern id="st-outage" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d55e00"/><rect width="2" height="6" fill="#1c2029" fill-opacity="0.55"/></pattern>' +
  '<pattern id="st-maintenance" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#0072b2"/><circle cx="3" cy="3" r="1.1" fill="#ffffff" fill-opacity="0.7"/></pattern>' +
  "</defs>";

/**
 * The status chart as an SVG string: crowd reports per bucket as bars coloured by level, the usual
 * range for each time of day as a band (usual ± 2√usual, see `usualBand`) with the usual level as a
 * dashed line, the incident's start, peak and end, and the official status as a patterned strip
 * along the time axis. Times are UTC. Pure; bad numbers are skipped, never thrown on.
 * Throws only on input that fails the schema (use `statusChart` for a result instead of a throw).
 */
export function buildStatusChartSvg(input: StatusChartInput): string {
  return drawStatusChart(StatusChartInputSchema.parse(input));
}

/** The plot rectangle inside the card, in px (the official strip takes room below it when drawn). */
export function plotArea(
  width: number,
  height: number,
  hasStrip: boolean,
): { left: number; right: number; top: number; bottom: number } {
  return { left: 56, right: width - 20, top: 70, bottom: height - (hasStrip ? 86 : 70) };
}

/** Draws already validated input. */
export function drawStatusChart(data: StatusChartData): string {
  const width = data.width ?? STATUS_CHART_SIZE.width;
  const height = data.height ?? STATUS_CHART_SIZE.height;
  const points = cleanPoints(data.points);
  const out: string[] = [svgOpen(width, height, THEME.card, THEME.cardBorder), DEFS];
  const title = `${truncate(data.serviceName, 48) || "Service"} — crowd reports`;
  out.push(text(16, 28, title, { size: 16, weight: 600, fill: THEME.text }));
  if (hasNoData(points)) {
    out.push(text(width / 2, height / 2, "No reports recorded yet", { size: 14, fill: THEME.muted, anchor: "middle" }));
    out.push(
      text(width / 2, height / 2 + 20, `as of ${formatDayTime(data.now)} UTC`, {
        size: 11,
        fill: THEME.muted,
        anchor: "middle",
      }),
    );
    return `${out.join("")}</svg>`;
  }
  const step = inferStep(points, data.stepMs);
  const start = points[0]!.at;
  const lastEnd = points[points.length - 1]!.at + step;
  const end = data.now > lastEnd && data.now <= lastEnd + (lastEnd - start) ? data.now : lastEnd;
  const subtitle = `Reports per ${formatStep(step)} over the last ${formatSpan(end - start)} · times in UTC · as of ${formatDayTime(data.now)} UTC`;
  out.push(text(16, 46, subtitle, { size: 11, fill: THEME.muted }));

  const hasStrip = data.official != null;
  const plot = plotArea(width, height, hasStrip);
  const sx = linear(start, end, plot.left, plot.right);
  const clampX = (t: number): number => Math.min(plot.right, Math.max(plot.left, sx(t)));
  let max = 0;
  for (const p of points) max = Math.max(max, p.reports ?? 0, usualBand(p.usual).high);
  // Headroom above the peak for its marker and label when an incident is drawn.
  const y = niceTicks(data.incident ? max * 1.25 : max);
  const sy = linear(0, y.top, plot.bottom, plot.top);

  for (const tick of y.ticks) {
    const ty = sy(tick);
    out.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${px(ty)}" y2="${px(ty)}" stroke="${THEME.grid}" stroke-opacity="${tick === 0 ? 0.35 : THEME.gridOpacity}"/>`,
    );
    out.push(text(plot.left - 8, ty + 4, formatCompact(tick), { size: 10, fill: THEME.muted, anchor: "end" }));
  }
  const incident = data.incident ?? null;
  const incidentEnd = incident ? Math.min(incident.resolvedAt ?? end, end) : end;
  if (incident && incidentEnd > start) {
    const x0 = clampX(incident.startedAt);
    out.push(
      `<rect x="${px(x0)}" y="${plot.top}" width="${px(Math.max(1, clampX(incidentEnd) - x0))}" height="${px(plot.bottom - plot.top)}" fill="${THEME.incident}" fill-opacity="0.1"/>`,
    );
  }
  // The band over the bars (it is translucent), so the usual range shows through an outage.
  out.push(drawBars(points, step, sx, sy, plot.bottom));
  out.push(drawBand(points, step, sx, sy));
  out.push(drawUsualLine(points, step, sx, sy));
  if (incident) out.push(drawIncident(incident, incidentEnd, points, step, { sx, sy, clampX, plot }));

  const axisY = plot.bottom + (hasStrip ? 34 : 18);
  if (hasStrip) out.push(drawStrip(data.official ?? [], start, end, clampX, plot));
  const timeAxis = timeTicks(start, end, Math.floor((plot.right - plot.left) / 80));
  for (const t of timeAxis.ticks) {
    const tx = sx(t);
    const label = timeAxis.step >= DAY ? formatDay(t) : formatDayTime(t);
    const half = textWidth(label, 10) / 2;
    if (tx - half < 8 || tx + half > width - 8) continue;
    out.push(
      `<line x1="${px(tx)}" x2="${px(tx)}" y1="${plot.bottom}" y2="${plot.bottom + 4}" stroke="${THEME.muted}"/>`,
    );
    out.push(text(tx, axisY, label, { size: 10, fill: THEME.muted, anchor: "middle" }));
  }
  out.push(
    legend(legendItems(points, incident !== null, data.official, data.littleHistory), 16, height - 14, width - 32),
  );
  return `${out.join("")}</svg>`;
}

type Scale = (v: number) => number;

/** Splits points into runs of consecutive buckets, so the band and line never bridge a gap. */
function runs(points: CleanPoint[], step: number): CleanPoint[][] {
  const result: CleanPoint[][] = [];
  let current: CleanPoint[] = [];
  for (const p of points) {
    const prev = current[current.length - 1];
    if (prev && p.at - prev.at > step * 1.5) {
      result.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) result.push(current);
  return result;
}

function drawBand(points: CleanPoint[], step: number, sx: Scale, sy: Scale): string {
  // Never thinner than 4 px, so the usual range stays visible under an outage's tall bars.
  const high = (p: CleanPoint) => px(Math.min(sy(usualBand(p.usual).high), sy(usualBand(p.usual).low) - 4));
  const paths = runs(points, step).map((run) => {
    const top = run.flatMap((p) => [`${px(sx(p.at))},${high(p)}`, `${px(sx(p.at + step))},${high(p)}`]);
    const bottom = [...run]
      .reverse()
      .flatMap((p) => [
        `${px(sx(p.at + step))},${px(sy(usualBand(p.usual).low))}`,
        `${px(sx(p.at))},${px(sy(usualBand(p.usual).low))}`,
      ]);
    return `M${[...top, ...bottom].join("L")}Z`;
  });
  return `<path d="${paths.join("")}" fill="${THEME.band}" fill-opacity="${THEME.bandOpacity}"/>`;
}

function drawUsualLine(points: CleanPoint[], step: number, sx: Scale, sy: Scale): string {
  const paths = runs(points, step).map(
    (run) =>
      `M${run.flatMap((p) => [`${px(sx(p.at))},${px(sy(p.usual))}`, `${px(sx(p.at + step))},${px(sy(p.usual))}`]).join("L")}`,
  );
  return `<path d="${paths.join("")}" fill="none" stroke="${THEME.usualLine}" stroke-width="1.5" stroke-dasharray="5 3" stroke-opacity="0.85"/>`;
}

function drawBars(points: CleanPoint[], step: number, sx: Scale, sy: Scale, bottom: number): string {
  const byLevel = new Map<string, string[]>();
  for (const p of points) {
    if (p.reports === null || p.reports <= 0) continue;
    const x0 = sx(p.at);
    const full = sx(p.at + step) - x0;
    const w = Math.max(1, full > 4 ? full - 1 : full);
    const top = Math.min(sy(p.reports), bottom - 1);
    const list = byLevel.get(p.level) ?? [];
    list.push(`M${px(x0)},${px(bottom)}h${px(w)}V${px(top)}h${px(-w)}Z`);
    byLevel.set(p.level, list);
  }
  return [...byLevel]
    .map(([level, d]) => `<path d="${d.join("")}" fill="${LEVEL_COLOURS[level as CleanPoint["level"]]}"/>`)
    .join("");
}

interface Frame {
  sx: Scale;
  sy: Scale;
  clampX: Scale;
  plot: { left: number; right: number; top: number; bottom: number };
}

function drawIncident(
  incident: NonNullable<StatusChartData["incident"]>,
  incidentEnd: number,
  points: CleanPoint[],
  step: number,
  { sy, clampX, plot }: Frame,
): string {
  const out: string[] = [];
  const x = clampX(incident.startedAt);
  out.push(
    `<line x1="${px(x)}" x2="${px(x)}" y1="${plot.top - 4}" y2="${plot.bottom}" stroke="${THEME.incident}" stroke-width="2" stroke-dasharray="4 3"/>`,
  );
  const startLabel = `Started ${formatDayTime(incident.startedAt)}`;
  const leftSide = x + textWidth(startLabel, 10) + 6 > plot.right;
  out.push(
    text(leftSide ? x - 5 : x + 5, plot.top + 6, startLabel, {
      size: 10,
      weight: 600,
      fill: THEME.incident,
      anchor: leftSide ? "end" : "start",
    }),
  );
  if (incident.resolvedAt != null && incident.resolvedAt < incidentEnd + 1) {
    const xe = clampX(incident.resolvedAt);
    out.push(
      `<line x1="${px(xe)}" x2="${px(xe)}" y1="${plot.top}" y2="${plot.bottom}" stroke="${THEME.incident}" stroke-width="1" stroke-dasharray="2 3"/>`,
    );
  }
  const inBucket =
    incident.peakAt != null
      ? points.find((p) => p.at <= incident.peakAt! && incident.peakAt! < p.at + step)
      : undefined;
  const candidates = points.filter(
    (p) => p.at + step > incident.startedAt && p.at <= incidentEnd && p.reports !== null,
  );
  const peak =
    inBucket ??
    candidates.reduce<CleanPoint | undefined>(
      (best, p) => ((p.reports ?? 0) > (best?.reports ?? -1) ? p : best),
      undefined,
    );
  if (peak && peak.reports !== null) {
    // At the minute it happened (never left of the start), on top of the bar that holds it.
    const peakAt = incident.peakAt != null && inBucket ? Math.max(incident.peakAt, incident.startedAt) : peak.at;
    const cx = clampX(inBucket ? peakAt + Math.min(step, 60_000) / 2 : peak.at + step / 2);
    const top = sy(peak.reports) - 3;
    out.push(
      `<path d="M${px(cx - 5)},${px(top - 8)}h10l-5,8Z" fill="${THEME.text}" stroke="${THEME.card}" stroke-width="1"/>`,
    );
    // Beside the marker, on the side with room: above it would collide with the start label.
    const label = `Peak ${formatCompact(peak.reports)} at ${formatDayTime(inBucket ? peakAt : peak.at)}`;
    const right = cx + 9 + textWidth(label, 10) <= plot.right;
    out.push(
      text(right ? cx + 9 : cx - 9, top - 1, label, {
        size: 10,
        weight: 600,
        fill: THEME.text,
        anchor: right ? "start" : "end",
      }),
    );
  }
  return out.join("");
}

function drawStrip(spans: OfficialSpan[], start: number, end: number, clampX: Scale, plot: Frame["plot"]): string {
  const y = plot.bottom + 6;
  const out = [
    `<rect x="${plot.left}" y="${y}" width="${px(plot.right - plot.left)}" height="12" fill="${THEME.stripTrack}"/>`,
    text(plot.left - 8, y + 9.5, "Official", { size: 9, fill: THEME.muted, anchor: "end" }),
  ];
  for (const span of spans) {
    if (!(span.to > start) || !(span.from < end)) continue;
    const x0 = clampX(span.from);
    const w = Math.max(2, clampX(span.to) - x0);
    const style = STRIP_FILL[span.state];
    out.push(`<rect x="${px(x0)}" y="${y}" width="${px(w)}" height="12" fill="${style.fill}"/>`);
    if (w > textWidth(style.label, 9) + 8) {
      out.push(
        `<rect x="${px(x0 + 2)}" y="${y + 1.5}" width="${px(textWidth(style.label, 9) + 4)}" height="9" fill="${style.ink === "#ffffff" ? "#0072b2" : "#f4f4f4"}" fill-opacity="0.85"/>`,
      );
      out.push(
        text(x0 + 4, y + 9.5, style.label, {
          size: 9,
          weight: 600,
          fill: style.ink === "#ffffff" ? "#ffffff" : "#1c2029",
        }),
      );
    }
  }
  return out.join("");
}

function legendItems(
  points: CleanPoint[],
  incident: boolean,
  official: StatusChartData["official"],
  littleHistory = false,
): LegendItem[] {
  // A key naming each level a bar is coloured in, least to most severe.
  const present = new Set(points.filter((p) => (p.reports ?? 0) > 0).map((p) => p.level));
  const levels = LEVELS.filter((l) => present.has(l));
  const items: LegendItem[] = (levels.length > 0 ? levels : (["operational"] as const)).map((level) => ({
    kind: "swatch" as const,
    fill: LEVEL_COLOURS[level],
    label: LEVEL_LABELS[level],
  }));
  // With little history the band is the floor or a few hours' median: a guess, named as one.
  items.push({ kind: "band", label: littleHistory ? "Rough guess of usual (little history)" : "Usual range" });
  if (incident)
    items.push({ kind: "dash", colour: THEME.incident, label: "Incident start" }, { kind: "peak", label: "Peak" });
  if (official != null) {
    const states = [...new Set(official.map((s) => s.state))];
    if (states.length === 0) items.push({ kind: "note", label: "Official: no incident reported" });
    for (const state of states)
      items.push({
        kind: "swatch",
        fill: STRIP_FILL[state].fill,
        label: `Official: ${STRIP_FILL[state].label.toLowerCase()}`,
      });
  }
  return items;
}
