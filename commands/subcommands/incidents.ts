import { z } from "zod";
import { formatCount, formatShare } from "../../src/domain/format.js";
import { type Incident, incidentJson } from "../../src/domain/incident.js";
import { LEVEL_LABELS, type Level, worstLevel } from "../../src/domain/levels.js";
import { PROBLEM_LABELS } from "../../src/domain/problems.js";
import type { Reply, ReplyField } from "../../src/domain/reply.js";
import type { CommandContext } from "../context.js";
import { choicesDef, serviceDef, subcommandDef } from "../option-defs.js";
import { choiceOption, serviceOption } from "../options.js";
import { discordTime, duration, escapeMarkdown, LEVEL_COLORS, levelText } from "../render/format.js";
import { officialField } from "../render/status-embed.js";
import { defineSubcommand } from "../subcommand.js";

const STATES = ["active", "recent"] as const;
type State = (typeof STATES)[number];
const SHOWN = 10;
const TOP = 5;

function incidentField(incident: Incident, name: string, at: number): ReplyField {
  // As of `at`: asked about a past time (a replayed day), a later resolution has not happened yet.
  const resolved = incident.resolvedAt !== null && incident.resolvedAt <= at;
  const lines = [
    `Started ${discordTime(incident.startedAt, "f")} (${discordTime(incident.startedAt)})`,
    `Peak ${discordTime(incident.peakAt, "t")}: ${formatCount(incident.peakPerMinute)} reports a minute`,
    resolved
      ? `Lasted ${duration(incident.resolvedAt! - incident.startedAt)}, resolved ${discordTime(incident.resolvedAt!)}`
      : `Ongoing for ${duration(at - incident.startedAt)}, now ${LEVEL_LABELS[incident.currentLevel]}`,
  ];
  if (incident.regions.length > 0) {
    const regions = incident.regions.slice(0, TOP).map((r) => `${r.region} ${formatCount(r.reports)}`);
    lines.push(`Regions: ${regions.join(" · ")}${incident.regions.length > TOP ? " · …" : ""}`);
  }
  const problemTotal = incident.problems.reduce((sum, p) => sum + p.reports, 0);
  if (problemTotal > 0) {
    const problems = incident.problems
      .slice(0, TOP)
      .map((p) => `${PROBLEM_LABELS[p.problem]} ${formatShare(p.reports / problemTotal, p.reports)}`);
    lines.push(`Problems: ${problems.join(" · ")}`);
  }
  lines.push(`${formatCount(incident.totalReports)} reports in all`);
  return {
    name: `${name} · worst ${levelText(incident.level)} · ${resolved ? "resolved" : "ongoing"}`,
    value: lines.join("\n"),
  };
}

/** The vendor's own incidents for up to three of the services shown. */
async function officialFields(serviceIds: string[], ctx: CommandContext, at: number): Promise<ReplyField[]> {
  const fields: ReplyField[] = [];
  for (const serviceId of serviceIds.slice(0, 3)) {
    const report = await ctx.board.status(serviceId, at);
    const official = report.official;
    if (!official || official.incidents.length + official.maintenance.length === 0) continue;
    const field = officialField(official);
    if (field) fields.push({ ...field, name: `Official updates: ${report.service.name}` });
  }
  return fields;
}

/** `/outage incidents [service] [state]`. */
export const incidentsCommand = defineSubcommand({
  name: "incidents",
  definition: subcommandDef("incidents", "Outages detected: ongoing ones, or the most recent", [
    serviceDef(false, "Only this service"),
    choicesDef("state", "Ongoing or recent (default: ongoing, else recent)", [
      { name: "ongoing", value: "active" },
      { name: "recent", value: "recent" },
    ]),
  ]),
  schema: (ctx) =>
    z.object({
      service: serviceOption(ctx.catalog).optional(),
      state: choiceOption("state", STATES, { active: "ongoing" }).optional(),
    }),
  run: async ({ service, state }, _inv, ctx): Promise<Reply> => {
    const at = ctx.now();
    const query = (s: State) => ctx.board.incidents({ state: s, at, limit: SHOWN + 1, serviceId: service?.id });
    let shown: State = state ?? "active";
    let incidents = await query(shown);
    let note = "";
    if (!state && incidents.length === 0) {
      shown = "recent";
      incidents = await query(shown);
      note = "Nothing is ongoing now. ";
    }
    const scope = service ? ` for ${service.name}` : "";
    const title = `${shown === "active" ? "Ongoing" : "Recent"} incidents${scope}`;
    const nameOf = (id: string) => ctx.catalog.get(id)?.name ?? id;
    const fields = incidents.slice(0, SHOWN).map((i) => incidentField(i, nameOf(i.serviceId), at));
    const ids = service ? [service.id] : [...new Set(incidents.map((i) => i.serviceId))];
    fields.push(...(await officialFields(ids, ctx, at)));
    const more = incidents.length > SHOWN ? ` Showing the latest ${SHOWN}.` : "";
    const description =
      incidents.length === 0
        ? `${note}No ${shown === "active" ? "ongoing" : "recent"} incidents${escapeMarkdown(scope)}.`
        : `${note}${incidents.length > SHOWN ? `More than ${SHOWN}` : incidents.length} found.${more}`;
    // The colour of the worst incident listed, not of the newest one.
    const worst = incidents.slice(0, SHOWN).reduce<Level>((w, i) => worstLevel(w, i.level), "operational");
    return {
      embeds: [{ title, description, color: LEVEL_COLORS[worst], ...(fields.length ? { fields } : {}) }],
      data: incidents.slice(0, SHOWN).map(incidentJson),
    };
  },
});
