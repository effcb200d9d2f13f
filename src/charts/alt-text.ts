import { compareToUsual, formatCompact } from "../domain/format.js";
import { formatDayTime, formatSpan } from "./format.js";
import { regionBars } from "./regions-chart.js";
import type { RegionsChartData, StatusChartData } from "./schema.js";
import { cleanPoints, inferStep } from "./series.js";
import { truncate } from "./svg.js";

/** Discord caps attachment descriptions (alt text) at 1024 characters. */
const MAX_ALT = 1024;

/** Screen-reader text for the status chart: span, latest count against usual, the peak, the incident. */
export function statusChartAltText(data: StatusChartData): string {
  const points = cleanPoints(data.points).filter((p) => p.reports !== null);
  const name = truncate(data.serviceName, 80) || "Service";
  if (points.length === 0) return `${name}: no crowd reports recorded yet.`;
  const step = inferStep(points, data.stepMs);
  const span = formatSpan(points[points.length - 1]!.at + step - points[0]!.at);
  const last = points[points.length - 1]!;
  const peak = points.reduce((best, p) => ((p.reports ?? 0) > (best.reports ?? 0) ? p : best));
  const parts = [
    `Chart of crowd reports for ${name} over the last ${span}, times in UTC.`,
    data.littleHistory
      ? `Latest: ${formatCompact(last.reports ?? 0)} reports at ${formatDayTime(last.at)}; little history yet, so no usual level to compare with.`
      : `Latest: ${formatCompact(last.reports ?? 0)} reports at ${formatDayTime(last.at)} against a usual ${formatCompact(last.usual)}.`,
    `Highest: ${formatCompact(peak.reports ?? 0)} at ${formatDayTime(peak.at)}.`,
  ];
  if (data.incident)
    parts.push(
      `Incident started ${formatDayTime(data.incident.startedAt)}${data.incident.resolvedAt != null ? `, resolved ${formatDayTime(data.incident.resolvedAt)}` : ", ongoing"}.`,
    );
  const official = data.official ?? [];
  if (official.length > 0)
    parts.push(
      `Official status page: ${official.map((s) => `${s.state} from ${formatDayTime(s.from)} to ${formatDayTime(s.to)}`).join("; ")}.`,
    );
  return truncate(parts.join(" "), MAX_ALT);
}

/** Screen-reader text for the regions chart: each region's count and change. */
export function regionsChartAltText(data: RegionsChartData): string {
  const bars = regionBars(data);
  const name = truncate(data.serviceName, 80) || "Service";
  if (bars.length === 0) return `${name}: no reports with a region in the last ${data.window}.`;
  const list = bars
    .map((b) =>
      data.littleHistory
        ? `${b.label} ${formatCompact(b.reports)}`
        : `${b.label} ${formatCompact(b.reports)} (${compareToUsual(b.reports, b.usual)})`,
    )
    .join(", ");
  return truncate(`Reports for ${name} by region over the last ${data.window}: ${list}.`, MAX_ALT);
}
