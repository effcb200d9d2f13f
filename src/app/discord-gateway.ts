import type { Logger } from "pino";
import type { CommandRunner } from "../../commands/runner.js";
import type { SubscriptionRepo } from "../alerts/alert-repos.js";
import type { Config } from "../config.js";
import type { CommandHashStore } from "../discord/deploy-commands.js";
import { createDiscordBot, type DiscordBot } from "../discord/index.js";
import type { StopSteps } from "./run-role.js";

/** What the Discord gateway connection of a process is made of. */
export interface DiscordGatewayParts {
  config: Pick<Config, "DISCORD_TOKEN" | "DISCORD_API_URL" | "DISCORD_APP_ID">;
  logger: Logger;
  /** The process's one command runner. */
  runner: CommandRunner;
  /** Where the registered-commands hash is kept: given to the one process that registers the slash commands. */
  commandHashes?: CommandHashStore;
  /** With them the subscription commands work on the gateway and deleted channels are watched. */
  subscriptions?: SubscriptionRepo;
}

/**
 * Connects the discord.js gateway bot the same way in every role that has one (single process,
 * scaled gateway): made from DISCORD_TOKEN, DISCORD_API_URL and DISCORD_APP_ID, answering through
 * the process's runner, its stop registered in `stops`. Resolves once READY.
 */
export async function startDiscordGateway(parts: DiscordGatewayParts, stops: StopSteps): Promise<DiscordBot> {
  const { config } = parts;
  if (!config.DISCORD_TOKEN) throw new Error("the Discord gateway needs DISCORD_TOKEN");
  const bot = createDiscordBot({
    token: config.DISCORD_TOKEN,
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    ...(config.DISCORD_APP_ID ? { appId: config.DISCORD_APP_ID } : {}),
    runner: parts.runner,
    logger: parts.logger,
    ...(parts.commandHashes ? { store: { meta: parts.commandHashes } } : {}),
    ...(parts.subscriptions ? { subscriptions: parts.subscriptions } : {}),
  });
  stops.add("discord gateway", () => bot.stop());
  await bot.start();
  return bot;
}
