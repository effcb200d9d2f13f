import { REST, Routes } from "discord.js";
import { commandDefinitions, definitionsHash } from "../../commands/definitions.js";
function scopeOf(guildId) {
    return guildId ? `guild:${guildId}` : "global";
}
/** A REST client for the bot token, against `apiUrl` when given. */
export function createRest(token, apiUrl) {
    return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}
async function overwrite(rest, appId, guildId, body) {
    const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
    const stored = (await rest.put(route, { body }));
    return { scope: scopeOf(guildId), count: stored.length };
}
/** Registers the command definitions with Discord (bulk overwrite), globally or in one guild. */
export async function deployCommands(opts) {
    const definitions = opts.definitions ?? commandDefinitions();
    return overwrite(createRest(opts.token, opts.apiUrl), opts.appId, opts.guildId, definitions);
}
/**
 * Registers the definitions only when they (or the target) changed since the last registration,
 * remembered as a hash in the store, so a restart does not re-register and a new install needs no
 * separate deploy step.
 */
export async function registerIfChanged(opts) {
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
//# sourceMappingURL=deploy-commands.js.map