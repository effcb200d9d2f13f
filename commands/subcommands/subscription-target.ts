import type {
  APIApplicationCommandChannelOption,
  APIApplicationCommandStringOption,
  ApplicationCommandOptionAllowedChannelType,
} from "discord-api-types/v10";
import { z } from "zod";
import type { SubscriptionTarget } from "../../src/alerts/subscription.js";
import type { Catalog } from "../../src/catalog/types.js";
import type { Choice } from "../../src/domain/reply.js";
import { CATEGORIES, type Category } from "../../src/domain/service.js";
import { rankedServices, serviceChoice } from "../autocomplete.js";
import type { CommandContext, Invocation } from "../context.js";
import { ApplicationCommandOptionType, ChannelType } from "../discord-api.js";
import { UserError } from "../errors.js";
import { LIMITS } from "../limits.js";
import { serviceDef } from "../option-defs.js";
import { serviceOption } from "../options.js";
import { CATEGORY_LABELS } from "./services.js";

/** Where alerts can go: text and announcement channels, and threads (a forum's posts are threads). */
export const ALERT_CHANNEL_TYPES: ApplicationCommandOptionAllowedChannelType[] = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
];

/** The `service` option of the subscription commands (a service, a category or all), as Discord shows it. */
export function targetOptionDef(description: string, required: boolean): APIApplicationCommandStringOption {
  return serviceDef(required, description);
}

/** The `channel` option of the subscription commands: where alerts go (this channel when absent). */
export function alertChannelDef(description: string): APIApplicationCommandChannelOption {
  return {
    type: ApplicationCommandOptionType.Channel,
    name: "channel",
    description,
    required: false,
    channel_types: ALERT_CHANNEL_TYPES,
  };
}

const ALL_WORDS = new Set(["all", "*", "everything", "every service"]);

/** `service` of the subscription commands: a service, a category (`games`) or `all`. */
export function targetOption(catalog: Catalog) {
  const service = serviceOption(catalog);
  return z.string().transform((raw, issue): SubscriptionTarget => {
    const text = raw.trim().toLowerCase();
    if (ALL_WORDS.has(text)) return { kind: "all" };
    const category = text.replace(/^category:\s*/, "");
    if ((CATEGORIES as readonly string[]).includes(category))
      return { kind: "category", category: category as Category };
    const parsed = service.safeParse(raw);
    if (parsed.success) return { kind: "service", serviceId: parsed.data.id };
    for (const problem of parsed.error.issues) issue.addIssue({ ...problem, path: [] } as never);
    return z.NEVER;
  });
}

/** Words for a target: "GitHub", "every games service", "every service". */
export function targetText(target: SubscriptionTarget, catalog: Catalog): string {
  switch (target.kind) {
    case "all":
      return "every service";
    case "category":
      return `every ${CATEGORY_LABELS[target.category]} service`;
    case "service":
      return catalog.get(target.serviceId)?.name ?? target.serviceId;
  }
}

/** A category as people read it in a choice: "Internet and mobile (every service in it)". */
function categoryChoiceName(category: Category): string {
  return `${CATEGORY_LABELS[category]} (every service in it)`;
}

/**
 * Autocomplete for the target: `all` and the categories whose words start as typed (by their
 * readable label or id), then services ranked and flagged as in every service autocomplete.
 */
export async function targetChoices(inv: Invocation, ctx: CommandContext): Promise<Choice[]> {
  const query = String(inv.options.service ?? "")
    .trim()
    .toLowerCase();
  const fixed: Choice[] = [
    { name: "All services", value: "all" },
    ...CATEGORIES.map((c) => ({ name: categoryChoiceName(c), value: c })),
  ];
  const startsWord = (text: string) =>
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((w) => w.startsWith(query));
  const head = fixed.filter(
    (c) => query === "" || startsWord(c.name.replace(/\(.*\)$/, "")) || c.value.startsWith(query),
  );
  const { services, levels } = await rankedServices(query, ctx);
  return [...head, ...services.map((s) => serviceChoice(s, levels))].slice(0, LIMITS.choices);
}

/** Unsubscribe autocomplete: only what the channel (the `channel` option, or this one) is subscribed to. */
export async function subscribedChoices(inv: Invocation, ctx: CommandContext): Promise<Choice[]> {
  if (!ctx.alerts || inv.guildId === null) return [];
  const channelId = typeof inv.options.channel === "string" ? inv.options.channel : inv.channelId;
  const query = String(inv.options.service ?? "")
    .trim()
    .toLowerCase();
  const subs = (await ctx.alerts.subscriptions.listByGuild(inv.guildId)).filter((s) => s.channelId === channelId);
  return subs
    .map((s) => ({
      name: `${targetChoiceName(s.target, ctx.catalog)}${s.paused ? " (paused)" : ""}`,
      value: targetValue(s.target),
    }))
    .filter((c) => query === "" || c.name.toLowerCase().includes(query) || c.value.startsWith(query))
    .slice(0, LIMITS.choices);
}

/** What a target is called in a choice. */
function targetChoiceName(target: SubscriptionTarget, catalog: Catalog): string {
  if (target.kind === "category") return categoryChoiceName(target.category);
  return target.kind === "all" ? "All services" : (catalog.get(target.serviceId)?.name ?? target.serviceId);
}

/** The option value that targetOption reads back as this target. */
function targetValue(target: SubscriptionTarget): string {
  return target.kind === "all" ? "all" : target.kind === "category" ? target.category : target.serviceId;
}

const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

/** Subscriptions belong to a server's channels: the guild and channel asked from, or a UserError. */
export function requireGuild(inv: Invocation): { guildId: string; channelId: string } {
  if (inv.guildId === null || inv.channelId === null) {
    throw new UserError("Alert subscriptions belong to a Discord server channel: run this command in a server.");
  }
  return { guildId: inv.guildId, channelId: inv.channelId };
}

/**
 * Changing subscriptions is for people who manage the server's channels. Discord already hides
 * `/outage-alerts` from everyone else (default_member_permissions); this check stays for transports
 * without that gate and says what is missing.
 */
export function requireManager(inv: Invocation): { guildId: string; channelId: string } {
  const where = requireGuild(inv);
  const perms = inv.memberPermissions ?? 0n;
  if ((perms & (MANAGE_CHANNELS | MANAGE_GUILD | ADMINISTRATOR)) === 0n) {
    throw new UserError(
      "You need the **Manage Channels** (or **Manage Server**) permission to change alert subscriptions.",
    );
  }
  return where;
}

/** The alerts part of the context, or a clear answer that alerts are off here. */
export function requireAlerts(ctx: CommandContext) {
  if (!ctx.alerts) throw new UserError("Alerts are not available here: they need the bot running on Discord.");
  return ctx.alerts;
}
