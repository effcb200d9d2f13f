import { compareToUsual, formatCompact } from "../domain/format.js";
import { type RegionsChartData, type RegionsChartInput, RegionsChartInputSchema } from "./schema.js";
import { px, svgOpen, text, textWidth, truncate } from "./svg.js";
import { THEME } from "./theme.js";

const ROW = 28;
const TOP = 62;
const DEFAULT_LIMIT = 8;

/** A region bar after cleaning: finite, non-negative counts. */
interface Bar {
  label: string;
  reports: number;
  usual: number;
}

const finite = (v: number | undefined): number =>
  v !== undefined && Number.isFinite(v) && v > 0 ? Math.min(v, 1e15) : 0;

/** The bars to draw: the top `limit` regions by reports, the rest summed into "Other regions". */
export function regionBars(data: RegionsChartData): Bar[] {
  const rows = data.rows
    .map((r) => ({
      label: r.name && r.name !== r.region ? `${r.name} (${r.region})` : r.region || "Unknown",
      reports: finite(r.reports),
      usual: finite(r.usual),
    }))
    .filter((r) => r.reports > 0)
    .sort((a, b) => b.reports - a.reports);
  const limit = data.limit ?? DEFAULT_LIMIT;
  if (rows.length <= limit) return rows;
  const rest = rows.slice(limit - 1);
  const other = { label: `${rest.length} other regions`, reports: 0, usual: 0 };
  for (const r of rest) {
    other.reports += r.reports;
    other.usual += r.usual;
  }
  return [...rows.slice(0, limit - 1), other];
}

/** Height of the regions chart for a number of bars. */
export function regionsChartHeight(bars: number): number {
  return TOP + Math.max(bars, 1) * ROW + 34;
}

/**
 * Top regions as horizontal bars, each with its count and the change against the usual count for
 * the window ("+340%"); a thin tick on each bar marks the usual count. The change is written in
 * words and signs, its colour (orange up, blue down) only repeats it. Pure; throws only on input
 * that fails the schema (use `regionsChart` for a result instead).
 */
export function buildRegionsChartSvg(input: RegionsChartInput): string {
  return drawRegionsChart(RegionsChartInputSchema.parse(input));
}

/** Draws already validated input. */
export function drawRegionsChart(data: RegionsChartData): string {
  const width = data.width ?? 800;
  const bars = regionBars(data);
  const height = regionsChartHeight(bars.length);
  const out = [svgOpen(width, height, THEME.card, THEME.cardBorder)];
  out.push(
    text(16, 28, `${truncate(data.serviceName, 48) || "Service"} — reports by region`, {
      size: 16,
      weight: 600,
      fill: THEME.text,
    }),
  );
  const total = bars.reduce((s, b) => s + b.reports, 0);
  out.push(
    text(
      16,
      46,
      `Last ${data.window} · ${formatCompact(total)} reports · ${data.littleHistory ? "little history yet: no usual to compare with" : "change against the usual for this window"}`,
      {
        size: 11,
        fill: THEME.muted,
      },
    ),
  );
  if (bars.length === 0) {
    out.push(
      text(width / 2, TOP + ROW, "No reports with a region in this window", {
        size: 13,
        fill: THEME.muted,
        anchor: "middle",
      }),
    );
    return `${out.join("")}</svg>`;
  }
  const labelWidth = 190;
  const left = 16 + labelWidth;
  const changeCol = width - 16;
  const barMax = width - left - 170;
  const top = Math.max(...bars.map((b) => Math.max(b.reports, b.usual)));
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(2, (bar.reports / top) * barMax);
    out.push(text(left - 10, y + 15, truncate(bar.label, 30), { size: 12, fill: THEME.text, anchor: "end" }));
    out.push(`<rect x="${left}" y="${y + 4}" width="${barMax}" height="16" rx="2" fill="${THEME.barTrack}"/>`);
    out.push(`<rect x="${left}" y="${y + 4}" width="${px(w)}" height="16" rx="2" fill="${THEME.down}"/>`);
    const ux = left + (bar.usual / top) * barMax;
    if (bar.usual > 0) {
      out.push(
        `<line x1="${px(ux)}" x2="${px(ux)}" y1="${y + 1}" y2="${y + 23}" stroke="${THEME.text}" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    }
    // The count goes past the bar and past the usual tick when the tick sits just beyond the bar.
    const countX = bar.usual > 0 && ux > left + w - 2 && ux < left + w + 40 ? ux + 8 : left + w + 8;
    out.push(text(countX, y + 16, formatCompact(bar.reports), { size: 12, weight: 600, fill: THEME.text }));
    const change = data.littleHistory ? "—" : compareToUsual(bar.reports, bar.usual);
    const colour =
      change.startsWith("+") || change === "new" ? THEME.up : change.startsWith("−") ? THEME.down : THEME.muted;
    out.push(text(changeCol, y + 16, change, { size: 12, weight: 600, fill: colour, anchor: "end" }));
  });
  const ly = height - 14;
  out.push(`<rect x="16" y="${ly - 8}" width="14" height="10" rx="2" fill="${THEME.down}"/>`);
  out.push(text(36, ly, "Reports", { size: 10, fill: THEME.muted }));
  const lx = 36 + textWidth("Reports", 10) + 14;
  out.push(
    `<line x1="${lx + 3}" x2="${lx + 3}" y1="${ly - 10}" y2="${ly + 2}" stroke="${THEME.text}" stroke-width="2" stroke-dasharray="3 2"/>`,
  );
  out.push(text(lx + 12, ly, "Usual for this window", { size: 10, fill: THEME.muted }));
  return `${out.join("")}</svg>`;
}
