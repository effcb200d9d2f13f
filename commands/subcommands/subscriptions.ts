import { z } from "zod";
import { LEVEL_LABELS } from "../../src/domain/levels.js";
import type { Reply } from "../../src/domain/reply.js";
import { ALERTS_COMMAND_NAME } from "../command-names.js";
import type { CommandContext, Invocation } from "../context.js";
import { fitLines } from "../limits.js";
import { subcommandDef } from "../option-defs.js";
import { defineSubcommand } from "../subcommand.js";
import { requireAlerts, requireGuild, targetText } from "./subscription-target.js";

/** This server's alert subscriptions, paused ones with why; reading them changes nothing. */
async function listSubscriptions(inv: Invocation, ctx: CommandContext): Promise<Reply> {
  const where = requireGuild(inv);
  const subs = await requireAlerts(ctx).subscriptions.listByGuild(where.guildId);
  if (subs.length === 0) {
    return {
      content: `This server has no alert subscriptions. People who manage channels start one with \`/${ALERTS_COMMAND_NAME} subscribe\`.`,
      ephemeral: true,
    };
  }
  const paused = subs.filter((s) => s.paused).length;
  const lines = subs.map((s) => {
    const regions = s.regions.length ? ` · ${s.regions.join(", ")}` : "";
    const role = s.roleId ? ` · <@&${s.roleId}>` : "";
    const state = s.paused ? ` · ⏸️ **paused**: ${s.paused.reason}` : "";
    return `<#${s.channelId}> · **${targetText(s.target, ctx.catalog)}** · ${LEVEL_LABELS[s.minLevel].toLowerCase()}+ · ${s.mode}${regions}${role}${state}`;
  });
  return {
    embeds: [
      {
        title: `Alert subscriptions (${subs.length}${paused ? `, ${paused} paused` : ""})`,
        description: fitLines(lines.join("\n"), 4000, "more subscriptions"),
        ...(paused
          ? { footer: `Paused ones resume when /${ALERTS_COMMAND_NAME} subscribe is run again for them` }
          : {}),
      },
    ],
    ephemeral: true,
    data: { subscriptions: subs },
  };
}

/** `/outage subscriptions`: the read-only list, for any member of the server. */
export const subscriptionsCommand = defineSubcommand({
  name: "subscriptions",
  ephemeral: true,
  definition: subcommandDef("subscriptions", "List this server's outage alert subscriptions", []),
  schema: () => z.object({}),
  run: (_options, inv, ctx) => listSubscriptions(inv, ctx),
});

/** `/outage-alerts list`: the same list where admins manage subscriptions. */
export const alertsListCommand = defineSubcommand({
  name: "list",
  ephemeral: true,
  command: ALERTS_COMMAND_NAME,
  definition: subcommandDef("list", "List this server's alert subscriptions, paused ones with why", []),
  schema: () => z.object({}),
  run: (_options, inv, ctx) => listSubscriptions(inv, ctx),
});
