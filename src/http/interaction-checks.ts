import type { ChannelCheck, RoleCheck } from "../../commands/alerts-context.js";
import type { ChannelChecks } from "../../commands/runner.js";
import type { Interaction } from "./interaction-schema.js";

/** Discord's channel types and permission bits the alert checks read (as discord-api-types names them). */
const CHANNEL = {
  text: 0,
  announcement: 5,
  announcementThread: 10,
  publicThread: 11,
  privateThread: 12,
  forum: 15,
  media: 16,
};
const THREADS = [CHANNEL.announcementThread, CHANNEL.publicThread, CHANNEL.privateThread];
const VIEW = 1n << 10n;
const SEND = 1n << 11n;
const EMBED = 1n << 14n;
const ATTACH = 1n << 15n;
const SEND_IN_THREADS = 1n << 38n;

/** What alerts need in a channel, named as Discord's settings name them (src/discord/channel-check.ts's list). */
function needed(thread: boolean): [bigint, string][] {
  return [
    [VIEW, "View Channel"],
    thread ? [SEND_IN_THREADS, "Send Messages in Threads"] : [SEND, "Send Messages"],
    [EMBED, "Embed Links"],
    [ATTACH, "Attach Files"],
  ];
}

/**
 * Channel and role checks from an HTTP interaction's own payload: Discord sends the app's
 * permissions in the channel the command came from (`app_permissions`) and the roles picked in its
 * options, and no gateway cache stands behind this transport. Another channel cannot be checked here,
 * and the answer says where to run the command instead.
 */
export function interactionChecks(interaction: Interaction): ChannelChecks {
  return {
    checkChannel: async (_guildId, channelId): Promise<ChannelCheck> => {
      const here = interaction.channel_id ?? interaction.channel?.id;
      if (channelId !== here || interaction.app_permissions === undefined) return { ok: false, reason: "not_here" };
      const type = interaction.channel?.type ?? interaction.data?.resolved?.channels?.[channelId]?.type;
      if (type === CHANNEL.forum || type === CHANNEL.media) return { ok: false, reason: "forum" };
      const thread = type !== undefined && THREADS.includes(type);
      if (type !== undefined && !thread && type !== CHANNEL.text && type !== CHANNEL.announcement) {
        return { ok: false, reason: "not_text" };
      }
      const granted = BigInt(interaction.app_permissions);
      const missing = needed(thread)
        .filter(([bit]) => (granted & bit) === 0n)
        .map(([, name]) => name);
      if (missing.length > 0) return { ok: false, reason: "missing_permissions", missing };
      return { ok: true, channelName: interaction.channel?.name ?? channelId };
    },
    checkRole: async (guildId, roleId): Promise<RoleCheck> => {
      if (roleId === guildId) return { ok: false, reason: "everyone" };
      const role = interaction.data?.resolved?.roles?.[roleId];
      if (role?.managed) return { ok: false, reason: "managed", ...(role.name ? { roleName: role.name } : {}) };
      return { ok: true };
    },
  };
}
