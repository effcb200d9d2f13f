import type { SubscriptionRepo } from "../src/alerts/alert-repos.js";

/** Whether the bot can post alerts in a channel, as the transport sees it. */
export type ChannelCheck =
  | { ok: true; channelName: string }
  /** `unknown_guild`: the bot is not in that server (installed for commands only) or has not received it yet. */
  | { ok: false; reason: "unknown_guild" | "unknown_channel" | "not_text" | "forum" | "locked_thread" }
  /** The transport cannot see that channel (HTTP interactions see only the one the command came from). */
  | { ok: false; reason: "not_here" }
  | { ok: false; reason: "missing_permissions"; missing: string[] };

/** Whether a role may be mentioned by alerts. */
export type RoleCheck = { ok: true } | { ok: false; reason: "everyone" | "managed"; roleName?: string };

/** What the subscription commands need beyond the read side: the repository and a permission check. */
export interface CommandAlerts {
  subscriptions: SubscriptionRepo;
  /** Can the bot view, send and embed links in this channel of this guild? */
  checkChannel(guildId: string, channelId: string): Promise<ChannelCheck>;
  /** Is this a role alerts may mention (not @everyone, not managed by an integration)? Unchecked when absent. */
  checkRole?(guildId: string, roleId: string): Promise<RoleCheck>;
}
