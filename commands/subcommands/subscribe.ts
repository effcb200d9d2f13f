import { z } from "zod";
import { ALERT_MIN_LEVELS, ALERT_MODES, type Subscription, subscriptionId } from "../../src/alerts/subscription.js";
import { LEVEL_LABELS } from "../../src/domain/levels.js";
import type { ChannelCheck, CommandAlerts, RoleCheck } from "../alerts-context.js";
import { regionListChoices } from "../autocomplete.js";
import { ALERTS_COMMAND_NAME } from "../command-names.js";
import { ApplicationCommandOptionType } from "../discord-api.js";
import { UserError } from "../errors.js";
import { choicesDef, subcommandDef } from "../option-defs.js";
import { choiceOption } from "../options.js";
import { echo, quoted } from "../render/echo.js";
import { defineSubcommand } from "../subcommand.js";
import {
  alertChannelDef,
  requireAlerts,
  requireManager,
  targetChoices,
  targetOption,
  targetOptionDef,
  targetText,
} from "./subscription-target.js";

const SNOWFLAKE = z.string().regex(/^\d{15,21}$/, "must be a Discord id");

/** "GB, us, Deutschland" → ["GB", "US", "DE"]; an unknown name is a UserError naming it. */
function regionList(raw: string | undefined, resolve: (q: string) => { code: string } | undefined): string[] {
  if (!raw) return [];
  const codes = new Set<string>();
  for (const part of raw
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const region = resolve(part);
    if (!region)
      throw new UserError(
        `I don't know a region called ${quoted(part)}. Use country names or two-letter codes, separated by commas (\`GB, US\`).`,
      );
    codes.add(region.code);
  }
  return [...codes];
}

/** Why alerts cannot go to a channel, and what to do about it. */
function channelRefusal(check: Exclude<ChannelCheck, { ok: true }>, channelId: string): string {
  switch (check.reason) {
    case "missing_permissions":
      return `I am missing ${check.missing.map((m) => `**${m}**`).join(", ")} in <#${channelId}>. Give me those permissions there, then subscribe again.`;
    case "unknown_guild":
      return "I am not a member of this server, so I cannot post alerts here (I was added for commands only, or I am still starting). Invite me with the **bot** scope, then subscribe again.";
    case "forum":
      return `<#${channelId}> is a forum: alerts go into one post. Pick a post (thread) of the forum as the channel.`;
    case "locked_thread":
      return `<#${channelId}> is a locked thread: unlock it, or give me **Manage Threads** there.`;
    case "not_text":
      return `<#${channelId}> is not a text channel, announcement channel or thread I can post alerts in.`;
    case "unknown_channel":
      return "I cannot find that channel in this server: it may have been deleted, or I cannot see it.";
    case "not_here":
      return `I can only check my permissions in the channel the command is run in: run it in <#${channelId}> to subscribe that channel.`;
  }
}

/** Alerts mention a role only when that pings the people who asked for it: not @everyone, not a managed role. */
async function requireMentionableRole(alerts: CommandAlerts, guildId: string, roleId: string): Promise<void> {
  // @everyone's role id is the guild's id: refused even where roles cannot be looked up.
  const check: RoleCheck =
    roleId === guildId
      ? { ok: false, reason: "everyone" }
      : ((await alerts.checkRole?.(guildId, roleId)) ?? { ok: true });
  if (check.ok) return;
  if (check.reason === "everyone") {
    throw new UserError(
      "Alerts do not ping **@everyone**: pick a role people can join to hear about outages (for example an `outage-alerts` role).",
    );
  }
  throw new UserError(
    `**${echo(check.roleName ?? "That role", 40)}** is managed by an integration (a bot's or the booster role), so members cannot choose it. Pick a role people can join.`,
  );
}

/** `/outage-alerts subscribe <service|category|all> [channel] [min-level] [region] [role] [mode] [resolution]`. */
export const subscribeCommand = defineSubcommand({
  name: "subscribe",
  ephemeral: true,
  command: ALERTS_COMMAND_NAME,
  definition: subcommandDef("subscribe", "Post outage alerts in a channel", [
    targetOptionDef("A service, a category (games, cloud…) or all", true),
    alertChannelDef("Where to post (default: this channel)"),
    choicesDef(
      "min-level",
      "Alert from this level up (default: partial outage)",
      ALERT_MIN_LEVELS.map((l) => ({ name: LEVEL_LABELS[l], value: l })),
    ),
    {
      type: ApplicationCommandOptionType.String,
      name: "region",
      description: "Only when these regions are affected (comma-separated, e.g. GB, US)",
      required: false,
      autocomplete: true,
      max_length: 200,
    },
    {
      type: ApplicationCommandOptionType.Role,
      name: "role",
      description: "Role to mention when an alert is posted",
      required: false,
    },
    choicesDef("mode", "One message edited as it grows (default) or a new message per update", [
      { name: "Edit one message", value: "edit" },
      { name: "New message per update", value: "post" },
    ]),
    {
      type: ApplicationCommandOptionType.Boolean,
      name: "resolution",
      description: "Also say when it is over (default: yes)",
      required: false,
    },
  ]),
  schema: (ctx) =>
    z.object({
      service: targetOption(ctx.catalog),
      channel: SNOWFLAKE.optional(),
      "min-level": choiceOption("min-level", ALERT_MIN_LEVELS, LEVEL_LABELS).default("partial_outage"),
      region: z.string().max(200).optional(),
      role: SNOWFLAKE.optional(),
      mode: choiceOption("mode", ALERT_MODES).default("edit"),
      resolution: z.boolean().default(true),
    }),
  async run(options, inv, ctx) {
    const where = requireManager(inv);
    const alerts = requireAlerts(ctx);
    const channelId = options.channel ?? where.channelId;
    const regions = regionList(options.region, (q) => ctx.regions.resolve(q));
    const check = await alerts.checkChannel(where.guildId, channelId);
    if (!check.ok) throw new UserError(channelRefusal(check, channelId));
    if (options.role) await requireMentionableRole(alerts, where.guildId, options.role);
    const sub: Subscription = {
      id: subscriptionId(channelId, options.service),
      guildId: where.guildId,
      channelId,
      target: options.service,
      minLevel: options["min-level"],
      regions,
      mode: options.mode,
      roleId: options.role ?? null,
      sendResolution: options.resolution,
      paused: null,
      createdAt: ctx.now(),
    };
    const existed = await alerts.subscriptions.get(sub.id);
    await alerts.subscriptions.upsert(existed ? { ...sub, createdAt: existed.createdAt } : sub);
    const parts = [
      `${existed ? "Updated" : "Subscribed"}: <#${channelId}> gets alerts for **${targetText(sub.target, ctx.catalog)}**`,
      `from **${LEVEL_LABELS[sub.minLevel].toLowerCase()}** up`,
      regions.length
        ? `when ${regions.map((r) => ctx.regions.name(r)).join(", ")} ${regions.length === 1 ? "is" : "are"} affected`
        : "in any region",
    ];
    const extras = [
      sub.roleId ? `mentioning <@&${sub.roleId}>` : null,
      sub.mode === "edit" ? "one message per outage, edited as it grows" : "a new message per update",
      sub.sendResolution ? "and a note when it is over" : "without a resolution note",
    ].filter(Boolean);
    return { content: `✅ ${parts.join(" ")}, ${extras.join(", ")}.`, ephemeral: true, data: { subscription: sub } };
  },
  autocomplete: async (inv, focused, ctx) => {
    if (focused === "service") return targetChoices(inv, ctx);
    if (focused === "region") return regionListChoices(String(inv.options.region ?? ""), ctx, inv.user.locale);
    return [];
  },
});
