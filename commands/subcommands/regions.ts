import { z } from "zod";
import { REGION_WINDOWS, type RegionBreakdown, type RegionRow } from "../../src/domain/board.js";
import { compareToUsual, formatCount, formatShare } from "../../src/domain/format.js";
import type { ReplyField } from "../../src/domain/reply.js";
import type { Service } from "../../src/domain/service.js";
import { WINDOWS } from "../../src/domain/windows.js";
import { LIMITS } from "../limits.js";
import { choicesDef, serviceDef, subcommandDef } from "../option-defs.js";
import { choiceOption, serviceOption } from "../options.js";
import { withChart } from "../render/chart.js";
import { column, escapeMarkdown } from "../render/format.js";
import { defineSubcommand } from "../subcommand.js";

const COMPONENT_WORDS: Record<string, string> = {
  operational: "operational",
  degraded_performance: "degraded",
  partial_outage: "partial outage",
  major_outage: "major outage",
  under_maintenance: "maintenance",
};
/** Room the table may take in the description, leaving space for the lines around it. */
const TABLE_BUDGET = LIMITS.description - 300;

function tableLine(cells: [string, string, string, string]): string {
  return `${column(cells[0], 24)} ${column(cells[1], 8, "right")} ${column(cells[2], 6, "right")} ${column(cells[3], 8, "right")}`;
}

function rowLine(row: RegionRow, littleHistory: boolean): string {
  return tableLine([
    `${row.region} ${row.name}`,
    formatCount(row.reports),
    formatShare(row.share, row.reports),
    // Little history: no usual to compare with, so no comparison at all.
    littleHistory ? "—" : compareToUsual(row.reports, row.usual),
  ]);
}

/** A monospace table of as many rows as fit, then "and N more regions (M reports)". */
export function regionTable(rows: readonly RegionRow[], budget = TABLE_BUDGET, littleHistory = false): string {
  const head = ["```", tableLine(["Region", "Reports", "Share", "vs usual"])];
  let length = head.join("\n").length + 4;
  const lines: string[] = [];
  for (const row of rows) {
    const line = rowLine(row, littleHistory);
    if (length + line.length + 1 + 60 > budget) break;
    lines.push(line);
    length += line.length + 1;
  }
  const table = [...head, ...lines, "```"].join("\n");
  const rest = rows.slice(lines.length);
  if (rest.length === 0) return table;
  const reports = rest.reduce((sum, r) => sum + r.reports, 0);
  return `${table}\n… and ${rest.length} more regions (${formatCount(reports)} reports)`;
}

function componentsField(breakdown: RegionBreakdown): ReplyField | null {
  if (breakdown.officialComponents.length === 0) return null;
  const lines = breakdown.officialComponents.map(
    (c) => `${c.region} · ${escapeMarkdown(c.name)}: ${COMPONENT_WORDS[c.status] ?? c.status}`,
  );
  return { name: "Official components by place", value: lines.join("\n") };
}

function describe(breakdown: RegionBreakdown, service: Service): string {
  if (breakdown.total === 0 || breakdown.rows.length === 0) {
    return `No reports for ${escapeMarkdown(service.name)} in the last ${WINDOWS[breakdown.window].long}.`;
  }
  const intro = `${formatCount(breakdown.total)} reports in the last ${WINDOWS[breakdown.window].long}, by region:`;
  return `${intro}\n${regionTable(breakdown.rows, TABLE_BUDGET, breakdown.littleHistory === true)}`;
}

/** `/outage regions <service> [window]`. */
export const regionsCommand = defineSubcommand({
  name: "regions",
  definition: subcommandDef("regions", "Where is it down? Reports by region", [
    serviceDef(true),
    choicesDef(
      "window",
      "How far back to count (default 1h)",
      REGION_WINDOWS.map((w) => ({ name: `last ${WINDOWS[w].long}`, value: w })),
    ),
  ]),
  schema: (ctx) =>
    z.object({
      service: serviceOption(ctx.catalog),
      window: choiceOption("window", REGION_WINDOWS).default("1h"),
    }),
  run: async ({ service, window }, _inv, ctx) => {
    const at = ctx.now();
    const breakdown = await ctx.board.regions(service.id, window, at);
    const components = componentsField(breakdown);
    const reply = {
      embeds: [
        {
          title: `${service.name}: reports by region`,
          description: describe(breakdown, service),
          color: 0x5865f2,
          ...(components ? { fields: [components] } : {}),
          footer: breakdown.littleHistory
            ? "Little history yet: no usual to compare with"
            : '"vs usual" compares with the same window on a normal day',
          timestamp: new Date(at).toISOString(),
        },
      ],
      data: breakdown,
    };
    return withChart(reply, ctx, (charts) => charts.regions?.(breakdown, service.name, at), { serviceId: service.id });
  },
});
