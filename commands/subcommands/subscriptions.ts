import { z } from "zod";
import { LEVEL_LABELS } from "../../src/domain/levels.js";
import { fitLines } from "../limits.js";
import { subcommandDef } from "../option-defs.js";
import { defineSubcommand } from "../subcommand.js";
import { requireAlerts, requireManager, targetText } from "./subscription-target.js";

/** `/outage subscriptions`: this server's alert subscriptions, with paused ones and why. */
export const subscriptionsCommand = defineSubcommand({
  name: "subscriptions",
  definition: subcommandDef(
    "subscriptions",
    "List this server's outage alert subscriptions (needs Manage Channels)",
    [],
  ),
  schema: () => z.object({}),
  async run(_options, inv, ctx) {
    const where = requireManager(inv);
    const subs = await requireAlerts(ctx).subscriptions.listByGuild(where.guildId);
    if (subs.length === 0) {
      return {
        content: "This server has no alert subscriptions. Start one with `/outage subscribe`.",
        ephemeral: true,
      };
    }
    const lines = subs.map((s) => {
      const regions = s.regions.length ? ` · ${s.regions.join(", ")}` : "";
      const role = s.roleId ? ` · <@&${s.roleId}>` : "";
      const state = s.paused ? ` · ⏸️ paused: ${s.paused.reason}` : "";
      return `<#${s.channelId}> · **${targetText(s.target, ctx.catalog)}** · ${LEVEL_LABELS[s.minLevel].toLowerCase()}+ · ${s.mode}${regions}${role}${state}`;
    });
    return {
      embeds: [
        {
          title: `Alert subscriptions (${subs.length})`,
          description: fitLines(lines.join("\n"), 4000, "more subscriptions"),
        },
      ],
      ephemeral: true,
      data: { subscriptions: subs },
    };
  },
});
