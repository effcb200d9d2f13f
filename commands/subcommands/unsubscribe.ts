import { z } from "zod";
import { subscriptionId } from "../../src/alerts/subscription.js";
import { ALERTS_COMMAND_NAME } from "../command-names.js";
import { subcommandDef } from "../option-defs.js";
import { defineSubcommand } from "../subcommand.js";
import {
  alertChannelDef,
  requireAlerts,
  requireManager,
  subscribedChoices,
  targetOption,
  targetOptionDef,
  targetText,
} from "./subscription-target.js";

/** `/outage-alerts unsubscribe [service] [channel]`: without a service, every subscription of the channel. */
export const unsubscribeCommand = defineSubcommand({
  name: "unsubscribe",
  ephemeral: true,
  command: ALERTS_COMMAND_NAME,
  definition: subcommandDef("unsubscribe", "Stop outage alerts in a channel", [
    targetOptionDef("The service, category or all you subscribed to (default: every subscription there)", false),
    alertChannelDef("The channel (default: this channel)"),
  ]),
  schema: (ctx) =>
    z.object({
      service: targetOption(ctx.catalog).optional(),
      channel: z
        .string()
        .regex(/^\d{15,21}$/)
        .optional(),
    }),
  async run(options, inv, ctx) {
    const where = requireManager(inv);
    const alerts = requireAlerts(ctx);
    const channelId = options.channel ?? where.channelId;
    const inGuild = await alerts.subscriptions.listByGuild(where.guildId);
    const ids = options.service
      ? [subscriptionId(channelId, options.service)]
      : inGuild.filter((s) => s.channelId === channelId).map((s) => s.id);
    const removed: string[] = [];
    for (const id of ids) {
      const sub = inGuild.find((s) => s.id === id);
      if (sub && (await alerts.subscriptions.remove(id))) removed.push(targetText(sub.target, ctx.catalog));
    }
    if (removed.length === 0) {
      const what = options.service ? `**${targetText(options.service, ctx.catalog)}**` : "anything";
      return {
        content: `<#${channelId}> was not subscribed to ${what}. \`/${ALERTS_COMMAND_NAME} list\` shows this server's subscriptions.`,
        ephemeral: true,
      };
    }
    return {
      content: `Stopped alerts in <#${channelId}> for ${removed.map((r) => `**${r}**`).join(", ")}.`,
      ephemeral: true,
      data: { removed },
    };
  },
  autocomplete: (inv, focused, ctx) => (focused === "service" ? subscribedChoices(inv, ctx) : []),
});
