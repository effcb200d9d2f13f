import type { SubscriptionRepo } from "../src/alerts/alert-repos.js";

/** Whether the bot can post alerts in a channel, as the transport sees it. */
export type ChannelCheck =
  | { ok: true; channelName: string }
  | { ok: false; reason: "unknown_channel" | "not_text" }
  | { ok: false; reason: "missing_permissions"; missing: string[] };

/** What the subscription commands need beyond the read side: the repository and a permission check. */
export interface CommandAlerts {
  subscriptions: SubscriptionRepo;
  /** Can the bot view, send and embed links in this channel of this guild? */
  checkChannel(guildId: string, channelId: string): Promise<ChannelCheck>;
}
