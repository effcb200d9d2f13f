import { ChannelType, type Client, PermissionFlagsBits } from "discord.js";
import type { ChannelCheck } from "../../commands/alerts-context.js";

/** What the bot needs in a channel to post alerts there, with the names Discord's settings show. */
export const ALERT_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
  // Alerts carry the status chart as an uploaded PNG; without this Discord refuses the message.
  [PermissionFlagsBits.AttachFiles, "Attach Files"],
] as const;

/**
 * Can the bot post alerts in this channel of this guild? Read from discord.js's cache (GUILD_CREATE
 * and channel updates keep it current): the channel must exist in that guild, take messages, and the
 * bot's member must have every permission of ALERT_PERMISSIONS there (roles and overwrites applied).
 */
export function checkChannel(client: Client, guildId: string, channelId: string): ChannelCheck {
  const guild = client.guilds.cache.get(guildId);
  const channel = guild?.channels.cache.get(channelId);
  if (!guild || !channel) return { ok: false, reason: "unknown_channel" };
  // Alerts go to text and announcement channels (what the command's channel option offers), not
  // to voice text chats, forums or threads.
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return { ok: false, reason: "not_text" };
  }
  const me = guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  const missing = ALERT_PERMISSIONS.filter(([bit]) => !permissions?.has(bit, true)).map(([, name]) => name);
  if (missing.length > 0) return { ok: false, reason: "missing_permissions", missing: [...missing] };
  return { ok: true, channelName: channel.name };
}
