import { z } from "zod";
import type { ReportOffer } from "../../src/domain/board.js";
import { PROBLEM_LABELS, PROBLEMS, type Problem } from "../../src/domain/problems.js";
import type { Reply } from "../../src/domain/reply.js";
import type { IngestResult } from "../../src/domain/report.js";
import type { Service } from "../../src/domain/service.js";
import type { CommandContext, Invocation } from "../context.js";
import { UserError } from "../errors.js";
import { choicesDef, regionDef, serviceDef, subcommandDef } from "../option-defs.js";
import { problemOption, regionOption, serviceOption } from "../options.js";
import { discordTime, escapeMarkdown } from "../render/format.js";
import { statusEmbed } from "../render/status-embed.js";
import { snowflakeTime } from "../snowflake.js";
import { defineSubcommand } from "../subcommand.js";

/** What one report says, before it is offered to the intake. */
export interface ReportRequest {
  service: Service;
  problem: Problem;
  /** ISO code the reporter gave; the locale's region is used when absent. */
  region?: string | undefined;
}

function receipt(
  result: IngestResult,
  request: ReportRequest,
  region: string | null,
  inferred: boolean,
  ctx: CommandContext,
): string {
  const name = escapeMarkdown(request.service.name);
  if (result.accepted && result.amended) {
    const before = PROBLEM_LABELS[result.amended.from];
    return `✏️ Amended: your report about **${name}** from ${discordTime(result.amended.countedAt)} now says **${PROBLEM_LABELS[request.problem]}** instead of **${before}**. It still counts once.`;
  }
  if (result.accepted) {
    const where = region ? ` in ${ctx.regions.name(region)}` : "";
    const guess = inferred ? " (region guessed from your Discord language; add `region:` to set it)" : "";
    // A gateway of a scaled-out deployment has the shared guard's word that it counts; the worker
    // adds it to the published status a moment later.
    const later = result.queued ? " The status below takes it in within a few seconds." : "";
    return `✅ Thanks: your report of **${PROBLEM_LABELS[request.problem]}** problems with **${name}**${where} counted.${later}${guess}`;
  }
  switch (result.reason) {
    case "duplicate":
      return `You already reported **${name}** in the last 15 minutes with this problem, so this one did not count again (one report per person per 15 minutes; another problem amends it). Here is where things stand:`;
    case "rate_limited":
      return "You have sent many reports in a short time, so this one did not count. Try again in a few minutes.";
    default:
      return `Your report did not count: ${result.message}`;
  }
}

/** Files one crowd report from Discord and answers privately with the receipt and current status. */
export async function fileReport(request: ReportRequest, inv: Invocation, ctx: CommandContext): Promise<Reply> {
  const at = ctx.now();
  const inferredRegion = request.region ? null : ctx.regions.fromLocale(inv.user.locale);
  const region = request.region ?? inferredRegion;
  const offer: ReportOffer = {
    service: request.service.id,
    region: region ?? undefined,
    regionInferred: inferredRegion !== null,
    problem: request.problem,
    reporter: inv.user.id,
    origin: inv.guildId ?? undefined,
    source: "discord",
    accountCreatedAt: snowflakeTime(inv.user.id),
    at,
  };
  const result = await ctx.intake.submit(offer);
  if (!result.accepted && (result.reason === "unknown_service" || result.reason === "invalid")) {
    throw new UserError(`${result.message} Check the service and try \`/outage report\` again.`);
  }
  const status = await ctx.board.status(request.service.id, at);
  return {
    content: receipt(result, request, region, inferredRegion !== null, ctx),
    embeds: [statusEmbed(status, request.service)],
    ephemeral: true,
    data: { result, status },
  };
}

/** `/outage report <service> [problem] [region]`. */
export const reportCommand = defineSubcommand({
  name: "report",
  ephemeral: true,
  definition: subcommandDef("report", "Report a problem you are having with a service", [
    serviceDef(true),
    choicesDef(
      "problem",
      "What is broken (default: other)",
      PROBLEMS.map((p) => ({ name: PROBLEM_LABELS[p], value: p })),
    ),
    regionDef("Where you are (default: from your Discord language)"),
  ]),
  schema: (ctx) =>
    z.object({
      service: serviceOption(ctx.catalog),
      problem: problemOption.default("other"),
      region: regionOption(ctx.regions).optional(),
    }),
  run: (options, inv, ctx) => fileReport(options, inv, ctx),
  buttons: {
    // "Report a problem" under a status reply: a private menu of problem types; nothing counts yet.
    report: async (serviceId, _inv, ctx) => {
      const service = ctx.catalog.get(serviceId);
      if (!service) throw new UserError("I no longer know that service. Use `/outage report` instead.");
      return problemMenu(service);
    },
    // The pick from that menu: counted as that problem.
    "report-problem": async (serviceId, inv, ctx) => {
      const service = ctx.catalog.get(serviceId);
      if (!service) throw new UserError("I no longer know that service. Use `/outage report` instead.");
      const problem = PROBLEMS.find((p) => p === inv.values?.[0]);
      if (!problem) throw new UserError("Pick one of the problems in the menu, or use `/outage report`.");
      return fileReport({ service, problem }, inv, ctx);
    },
  },
});

/** The private menu of problem types for reporting `service`. */
export function problemMenu(service: Service): Reply {
  return {
    content: `What is wrong with **${escapeMarkdown(service.name)}** for you? Pick one: it counts once you choose.`,
    select: {
      customId: `outage:report-problem:${service.id}`,
      placeholder: "What is not working?",
      options: PROBLEMS.map((p) => ({ label: PROBLEM_LABELS[p], value: p })),
    },
    ephemeral: true,
  };
}
