import type { AlertSender } from "../alerts/alert-sender.js";
import type { Config } from "../config.js";
import { createChannelAlertSender } from "../discord/channel-alert-sender.js";
import { createRest } from "../discord/deploy-commands.js";
import type { DiscordBot } from "../discord/index.js";

type DeliveryConfig = Pick<Config, "DISCORD_TOKEN" | "DISCORD_API_URL">;

/**
 * How alerts leave a process, the same in every role that sends them: Discord's REST API through
 * the paced channel alert sender (src/discord/channel-alert-sender.ts). A process with a gateway
 * bot sends through the bot's own, so alerts, answers and admin notices share one REST client and
 * its rate limits; a worker, which has no gateway, through a REST client for DISCORD_TOKEN. Null
 * without a token: nothing can be delivered.
 */
export function alertDelivery(config: DeliveryConfig, bot: Pick<DiscordBot, "alertSender">): AlertSender;
export function alertDelivery(config: DeliveryConfig, bot?: Pick<DiscordBot, "alertSender">): AlertSender | null;
export function alertDelivery(config: DeliveryConfig, bot?: Pick<DiscordBot, "alertSender">): AlertSender | null {
  if (bot) return bot.alertSender;
  if (!config.DISCORD_TOKEN) return null;
  return createChannelAlertSender(createRest(config.DISCORD_TOKEN, config.DISCORD_API_URL));
}
