import { ChannelType, PermissionFlagsBits } from "discord.js";
/** What the bot needs in a channel to post alerts there, with the names Discord's settings show. */
export const ALERT_PERMISSIONS = [
    [PermissionFlagsBits.ViewChannel, "View Channel"],
    [PermissionFlagsBits.SendMessages, "Send Messages"],
    [PermissionFlagsBits.EmbedLinks, "Embed Links"],
    // Alerts carry the status chart as an uploaded PNG; without this Discord refuses the message.
    [PermissionFlagsBits.AttachFiles, "Attach Files"],
];
/** Channel types alerts can go to: text, announcement, and threads (forum posts are public threads). */
const THREAD_TYPES = [
    ChannelType.PublicThread,
    ChannelType.PrivateThread,
    ChannelType.AnnouncementThread,
];
/**
 * Can the bot post alerts in this channel of this guild? Read from discord.js's cache (GUILD_CREATE
 * and channel updates keep it current): the bot must be in the guild, the channel must exist there and
 * take messages, and the bot's member must have every permission of ALERT_PERMISSIONS there (roles
 * and overwrites applied; in a thread, Send Messages in Threads instead of Send Messages).
 */
export function checkChannel(client, guildId, channelId) {
    const guild = client.guilds.cache.get(guildId);
    if (!guild)
        return { ok: false, reason: "unknown_guild" };
    const channel = guild.channels.cache.get(channelId);
    if (!channel)
        return { ok: false, reason: "unknown_channel" };
    if (channel.type === ChannelType.GuildForum || channel.type === ChannelType.GuildMedia) {
        return { ok: false, reason: "forum" };
    }
    const thread = THREAD_TYPES.includes(channel.type);
    if (!thread && channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
        return { ok: false, reason: "not_text" };
    }
    const me = guild.members.me;
    const permissions = me ? channel.permissionsFor(me) : null;
    // A locked thread takes messages only from members who manage threads.
    if (channel.isThread() && channel.locked && !permissions?.has(PermissionFlagsBits.ManageThreads, true)) {
        return { ok: false, reason: "locked_thread" };
    }
    const needed = thread
        ? ALERT_PERMISSIONS.map(([bit, name]) => bit === PermissionFlagsBits.SendMessages
            ? [PermissionFlagsBits.SendMessagesInThreads, "Send Messages in Threads"]
            : [bit, name])
        : ALERT_PERMISSIONS;
    const missing = needed.filter(([bit]) => !permissions?.has(bit, true)).map(([, name]) => name);
    if (missing.length > 0)
        return { ok: false, reason: "missing_permissions", missing: [...missing] };
    return { ok: true, channelName: channel.name };
}
/** May alerts mention this role? Not @everyone (its id is the guild's), not a role an integration manages. */
export function checkRole(client, guildId, roleId) {
    if (roleId === guildId)
        return { ok: false, reason: "everyone" };
    const role = client.guilds.cache.get(guildId)?.roles.cache.get(roleId);
    // Every role of a guild arrives with GUILD_CREATE; one not cached yet is left to Discord to resolve.
    if (!role)
        return { ok: true };
    if (role.managed)
        return { ok: false, reason: "managed", roleName: role.name };
    return { ok: true };
}
//# sourceMappingURL=channel-check.js.map