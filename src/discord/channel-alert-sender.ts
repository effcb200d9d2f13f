import {
  type APIChannel,
  type APIGuild,
  type APIMessage,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type REST,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import type { AlertSender, SendFailureKind, SendResult } from "../alerts/alert-sender.js";
import type { AlertMessage } from "../alerts/compose-alert.js";

const GONE = new Set<number | string>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);
const FORBIDDEN = new Set<number | string>([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions]);

/** Map whatever discord.js's REST client threw to the engine's failure kinds. */
export function classifySendError(error: unknown): Extract<SendResult, { ok: false }> {
  if (error instanceof DiscordAPIError) {
    const detail = `${error.status} ${error.code}: ${error.message}`;
    const kind: SendFailureKind = GONE.has(error.code)
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
  if (error instanceof HTTPError) return { ok: false, kind: "retry", detail: `${error.status} ${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: "retry", detail: message };
}

function body(message: AlertMessage) {
  return {
    content: message.content,
    embeds: message.embeds.map((e) => ({
      title: e.title,
      description: e.description,
      url: e.url,
      color: e.color,
      fields: e.fields,
      footer: e.footer ? { text: e.footer } : undefined,
      timestamp: e.timestamp,
    })),
    // Only the subscription's role may ping; @everyone, users and other roles never do.
    allowed_mentions: { parse: [], roles: message.mentionRoleIds },
  };
}

/**
 * Delivers alerts with discord.js's REST client, which already paces per route from Discord's
 * rate-limit headers, keeps under the global 50 requests/s and waits out 429 `retry_after`.
 */
export function createChannelAlertSender(rest: REST): AlertSender {
  return {
    async post(channelId, message, nonce) {
      try {
        const created = (await rest.post(Routes.channelMessages(channelId), {
          body: { ...body(message), nonce, enforce_nonce: true },
        })) as APIMessage;
        return { ok: true, messageId: created.id };
      } catch (error) {
        return classifySendError(error);
      }
    },
    async edit(channelId, messageId, message) {
      try {
        const edited = (await rest.patch(Routes.channelMessage(channelId, messageId), {
          body: body(message),
        })) as APIMessage;
        return { ok: true, messageId: edited.id };
      } catch (error) {
        return classifySendError(error);
      }
    },
    async notifyAdmins(guildId, text) {
      // The guild's system channel is where Discord itself talks to admins; the owner's DMs otherwise.
      const guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
      const payload = { body: { content: text.slice(0, 2000), allowed_mentions: { parse: [] } } };
      if (guild.system_channel_id) {
        try {
          await rest.post(Routes.channelMessages(guild.system_channel_id), payload);
          return;
        } catch {
          // Fall through to the owner's DMs.
        }
      }
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: guild.owner_id } })) as APIChannel;
      await rest.post(Routes.channelMessages(dm.id), payload);
    },
  };
}
