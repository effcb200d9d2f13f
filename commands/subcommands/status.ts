import { z } from "zod";
import { formatCount } from "../../src/domain/format.js";
import { LEVEL_LABELS, levelRank } from "../../src/domain/levels.js";
import type { Reply } from "../../src/domain/reply.js";
import type { Service } from "../../src/domain/service.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { serviceDef, subcommandDef } from "../option-defs.js";
import { serviceOption } from "../options.js";
import { withChart } from "../render/chart.js";
import { discordTime, LEVEL_COLORS, LEVEL_MARKS } from "../render/format.js";
import { rateText, statusButtons, statusEmbed, statusPageUrl } from "../render/status-embed.js";
import { defineSubcommand } from "../subcommand.js";

/** The status reply of one service: embed, buttons, chart when available, the report as data. */
export async function serviceStatusReply(service: Service, ctx: CommandContext): Promise<Reply> {
  const at = ctx.now();
  const report = await ctx.board.status(service.id, at);
  const reply: Reply = {
    embeds: [statusEmbed(report, service)],
    buttons: statusButtons(service, statusPageUrl(report, service)),
    data: report,
  };
  return withChart(reply, ctx, (charts) => charts.status(report, at), { serviceId: service.id });
}

function problemLine(report: StatusReport): string {
  const { crowd } = report;
  const since = report.since ? ` · since ${discordTime(report.since)}` : "";
  return (
    `${LEVEL_MARKS[report.level]} **${report.service.name}**: ${LEVEL_LABELS[report.level]} · ` +
    `${formatCount(crowd.lastHour)} reports in the last hour (${crowd.littleHistory ? "little history yet" : `${rateText(crowd)} usual`})${since}`
  );
}

/** Every service with problems now, worst first, or "all clear". */
export async function overviewReply(ctx: CommandContext): Promise<Reply> {
  const reports = [...(await ctx.board.problems(ctx.now()))].sort(
    (a, b) => levelRank(b.level) - levelRank(a.level) || b.crowd.lastHour - a.crowd.lastHour,
  );
  if (reports.length === 0) {
    return {
      embeds: [
        {
          title: `${LEVEL_MARKS.operational} All clear`,
          description: "No service has more problem reports than usual right now.",
          color: LEVEL_COLORS.operational,
          footer: "Ask about one service with /outage status <service>",
        },
      ],
      data: [],
    };
  }
  return {
    embeds: [
      {
        title: `Services with problems now (${reports.length})`,
        description: reports.map(problemLine).join("\n"),
        color: LEVEL_COLORS[reports[0]!.level],
        footer: "Details: /outage status <service>",
      },
    ],
    data: reports,
  };
}

/** `/outage status [service]`. */
export const statusCommand = defineSubcommand({
  name: "status",
  definition: subcommandDef("status", "Is it down? One service, or every service with problems now", [
    serviceDef(false, "Service to check; leave empty for every service with problems now"),
  ]),
  schema: (ctx) => z.object({ service: serviceOption(ctx.catalog).optional() }),
  run: async ({ service }, _inv, ctx) => (service ? serviceStatusReply(service, ctx) : overviewReply(ctx)),
  buttons: {
    refresh: async (serviceId, _inv, ctx) => {
      const service = ctx.catalog.get(serviceId);
      if (!service) throw new UserError("I no longer know that service. Run `/outage status` again.");
      return serviceStatusReply(service, ctx);
    },
  },
});
