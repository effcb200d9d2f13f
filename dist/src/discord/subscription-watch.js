import { Events } from "discord.js";
import { checkChannel } from "./channel-check.js";
/** The admins' notice for subscriptions paused in one channel. */
export function pauseNotice(channelId, count, reason) {
    return `outage-bot paused ${count} alert subscription(s) for <#${channelId}>: ${reason}. Fix it, then run /outage-alerts subscribe again; /outage-alerts list shows what is paused.`;
}
/**
 * Pauses subscriptions as soon as the gateway says their channel cannot take alerts any more: the
 * channel (or thread) was deleted, the bot lost a permission there (channel overwrites, a role, the
 * bot's own roles), or the bot left the server. Admins are told once per channel (pauseChannel
 * returns only subscriptions it newly paused); a server that removed the bot cannot be told.
 * Returns a function that stops watching.
 */
export function watchSubscriptionChannels(opts) {
    const { client, subscriptions, logger } = opts;
    let queue = Promise.resolve();
    // One change at a time: a burst of updates re-checks in order and never pauses twice.
    const serial = (task) => {
        queue = queue.then(task).catch((error) => logger.error({ err: error }, "subscription watch failed"));
    };
    async function pause(guildId, channelId, reason, tell) {
        const paused = await subscriptions.pauseChannel(channelId, reason, opts.now());
        if (paused.length === 0)
            return;
        logger.info({ count: paused.length, reason }, "paused alert subscriptions");
        if (!tell)
            return;
        await opts.notifyAdmins(guildId, pauseNotice(channelId, paused.length, reason)).catch((error) => {
            logger.warn({ err: error }, "could not tell the admins about a paused subscription");
        });
    }
    /** Re-checks every active subscription of a guild against the bot's permissions now. */
    async function recheckGuild(guildId) {
        const channels = new Set((await subscriptions.listByGuild(guildId)).filter((s) => !s.paused).map((s) => s.channelId));
        for (const channelId of channels) {
            const check = checkChannel(client, guildId, channelId);
            if (check.ok)
                continue;
            const reason = check.reason === "missing_permissions"
                ? `I lost ${check.missing.map((m) => `**${m}**`).join(", ")} there`
                : check.reason === "unknown_channel"
                    ? "the channel is gone"
                    : "I can no longer post there";
            await pause(guildId, channelId, reason, true);
        }
    }
    const onChannelGone = (channel) => {
        if (channel.isDMBased() || !channel.guildId)
            return;
        const guildId = channel.guildId;
        serial(() => pause(guildId, channel.id, "the channel was deleted", true));
    };
    // discord.js emits GuildDelete only when the bot left or was removed; an outage of Discord's own
    // (GUILD_DELETE with unavailable) is GuildUnavailable and pauses nothing.
    const onGuildGone = (guild) => {
        serial(async () => {
            const channels = new Set((await subscriptions.listByGuild(guild.id)).map((s) => s.channelId));
            for (const channelId of channels)
                await pause(guild.id, channelId, "the bot was removed from the server", false);
        });
    };
    const onGuildChange = (guildId) => {
        if (guildId)
            serial(() => recheckGuild(guildId));
    };
    const onChannelUpdate = (_old, channel) => channel.isDMBased() ? undefined : onGuildChange(channel.guildId);
    const onRoleUpdate = (_old, role) => onGuildChange(role.guild.id);
    const onRoleDelete = (role) => onGuildChange(role.guild.id);
    const onMemberUpdate = (_old, member) => {
        if (member.id === client.user?.id)
            onGuildChange(member.guild.id);
    };
    const listeners = [
        [Events.ChannelDelete, onChannelGone],
        [Events.ThreadDelete, onChannelGone],
        [Events.GuildDelete, onGuildGone],
        [Events.ChannelUpdate, onChannelUpdate],
        [Events.ThreadUpdate, onChannelUpdate],
        [Events.GuildRoleUpdate, onRoleUpdate],
        [Events.GuildRoleDelete, onRoleDelete],
        [Events.GuildMemberUpdate, onMemberUpdate],
    ];
    // discord.js types each event's arguments apart; as one table they meet as a plain emitter's.
    const emitter = client;
    for (const [event, listener] of listeners)
        emitter.on(event, listener);
    return () => {
        for (const [event, listener] of listeners)
            emitter.off(event, listener);
    };
}
//# sourceMappingURL=subscription-watch.js.map