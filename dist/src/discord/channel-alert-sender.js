import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, } from "discord.js";
import { toApiEmbed } from "./api-message.js";
import { createPacer } from "./global-pacer.js";
const GONE = new Set([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);
const FORBIDDEN = new Set([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions]);
/** Map whatever discord.js's REST client threw to the engine's failure kinds. */
export function classifySendError(error) {
    if (error instanceof DiscordAPIError) {
        const detail = `${error.status} ${error.code}: ${error.message}`;
        const kind = GONE.has(error.code)
            ? "gone"
            : FORBIDDEN.has(error.code)
                ? "forbidden"
                : error.code === RESTJSONErrorCodes.UnknownMessage
                    ? "message_gone"
                    : error.status === 429 || error.status >= 500
                        ? "retry"
                        : "rejected";
        return { ok: false, kind, detail };
    }
    if (error instanceof RateLimitError) {
        return { ok: false, kind: "retry", detail: `rate limited on ${error.route}`, retryAfterMs: error.retryAfter };
    }
    if (error instanceof HTTPError)
        return { ok: false, kind: "retry", detail: `${error.status} ${error.message}` };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: "retry", detail: message };
}
function body(message) {
    return {
        content: message.content,
        embeds: message.embeds.map(toApiEmbed),
        // Only the subscription's role may ping; @everyone, users and other roles never do.
        allowed_mentions: { parse: [], roles: message.mentionRoleIds },
        // On an edit, the listed files replace the old attachments instead of piling up.
        attachments: message.files.map((f, id) => ({ id, filename: f.name, description: f.description })),
    };
}
/** The chart as @discordjs/rest sends files: multipart, `files[n]` beside `payload_json`. */
function files(message) {
    return message.files.map((f) => ({ name: f.name, data: Buffer.from(f.data), contentType: f.contentType }));
}
/**
 * Delivers alerts with discord.js's REST client, which paces per route from Discord's rate-limit
 * headers, keeps a global 50 requests/s and waits out 429 `retry_after`; alert requests also go
 * through a pacer that spreads them evenly and counts the global window the way Discord does, on
 * arrival, so a fan-out to thousands of channels neither bursts nor hits the global limit.
 */
export function createChannelAlertSender(rest) {
    const pacer = createPacer(rest.options.globalRequestsPerSecond);
    return {
        async post(channelId, message, nonce) {
            try {
                const created = (await pacer.run(() => rest.post(Routes.channelMessages(channelId), {
                    body: { ...body(message), nonce, enforce_nonce: true },
                    files: files(message),
                })));
                return { ok: true, messageId: created.id };
            }
            catch (error) {
                return classifySendError(error);
            }
        },
        async edit(channelId, messageId, message) {
            try {
                const edited = (await pacer.run(() => rest.patch(Routes.channelMessage(channelId, messageId), { body: body(message), files: files(message) })));
                return { ok: true, messageId: edited.id };
            }
            catch (error) {
                return classifySendError(error);
            }
        },
        async notifyAdmins(guildId, text) {
            // The guild's system channel is where Discord itself talks to admins; the owner's DMs otherwise.
            const guild = (await pacer.run(() => rest.get(Routes.guild(guildId))));
            const payload = { body: { content: text.slice(0, 2000), allowed_mentions: { parse: [] } } };
            const systemChannelId = guild.system_channel_id;
            if (systemChannelId) {
                try {
                    await pacer.run(() => rest.post(Routes.channelMessages(systemChannelId), payload));
                    return;
                }
                catch {
                    // Fall through to the owner's DMs.
                }
            }
            const dm = (await pacer.run(() => rest.post(Routes.userChannels(), { body: { recipient_id: guild.owner_id } })));
            await pacer.run(() => rest.post(Routes.channelMessages(dm.id), payload));
        },
    };
}
//# sourceMappingURL=channel-alert-sender.js.map