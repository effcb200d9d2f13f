import { REST, Routes } from "discord.js";
import type { Logger } from "pino";
import { commandDefinitions, definitionsHash } from "../../commands/definitions.js";
import type { MetaRepo } from "../store/index.js";

/** Where and what to register. */
export interface DeployOptions {
  token: string;
  appId: string;
  /** REST base as discord.js's `rest.api` takes it (`http://127.0.0.1:PORT/api`); Discord's own when absent. */
  apiUrl?: string;
  /** Register in one guild (instant, for testing) instead of globally. */
  guildId?: string;
  /** Definitions to register (the `/outage` command by default). */
  definitions?: readonly unknown[];
}

/** What a deploy did. */
export interface DeployResult {
  scope: "global" | `guild:${string}`;
  count: number;
}

function scopeOf(guildId: string | undefined): DeployResult["scope"] {
  return guildId ? `guild:${guildId}` : "global";
}

/** A REST client for the bot token, against `apiUrl` when given. */
export function createRest(token: string, apiUrl?: string): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}

async function overwrite(rest: REST, appId: string, guildId: string | undefined, body: readonly unknown[]) {
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const stored = (await rest.put(route, { body })) as unknown[];
  return { scope: scopeOf(guildId), count: stored.length };
}

/** Registers the command definitions with Discord (bulk overwrite), globally or in one guild. */
export async function deployCommands(opts: DeployOptions): Promise<DeployResult> {
  const definitions = opts.definitions ?? commandDefinitions();
  return overwrite(createRest(opts.token, opts.apiUrl), opts.appId, opts.guildId, definitions);
}

/** The part of the store that remembers what was registered. */
export type CommandHashStore = Pick<MetaRepo, "commandHash" | "setCommandHash">;

/**
 * Registers the definitions only when they (or the target) changed since the last registration,
 * remembered as a hash in the store, so a restart does not re-register and a new install needs no
 * separate deploy step.
 */
export async function registerIfChanged(opts: {
  rest: REST;
  appId: string;
  guildId?: string;
  meta: CommandHashStore;
  logger: Logger;
  definitions?: readonly unknown[];
}): Promise<"registered" | "unchanged"> {
  const definitions = opts.definitions ?? commandDefinitions();
  const hash = `${opts.appId}:${scopeOf(opts.guildId)}:${definitionsHash(definitions)}`;
  if ((await opts.meta.commandHash()) === hash) {
    opts.logger.debug({ scope: scopeOf(opts.guildId) }, "slash commands unchanged, not registering");
    return "unchanged";
  }
  const result = await overwrite(opts.rest, opts.appId, opts.guildId, definitions);
  // Written only after Discord accepted them, so a failed registration is retried next start.
  await opts.meta.setCommandHash(hash);
  opts.logger.info(result, "slash commands registered");
  return "registered";
}
